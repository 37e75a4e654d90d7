import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Path of the installed Electron binary, or null with the reason (in Polish: `npm start` prints
 * it). Mirrors node_modules/electron/index.js without requiring it: that module would try to
 * download the binary, which fails slowly and noisily on a machine without internet.
 */
export function findElectronBinary(): { path: string } | { path: null; reason: string } {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { path: null, reason: 'brak pakietu electron w node_modules' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const overrideDist = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (overrideDist) return { path: join(overrideDist, executable || 'electron') };
  if (executable === '') {
    return { path: null, reason: 'pakiet electron zainstalowano bez programu (ELECTRON_SKIP_BINARY_DOWNLOAD)' };
  }
  const binary = join(packageDir, 'dist', executable);
  return existsSync(binary) ? { path: binary } : { path: null, reason: `brak pliku ${binary}` };
}
