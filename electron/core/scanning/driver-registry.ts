import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Naps2Driver } from './naps2-driver.ts';
import { SaneDriver } from './sane-driver.ts';
import type { ScannerDriver } from './scanner-driver.ts';
import { WiaDriver } from './wia-driver.ts';

/**
 * The drivers a workstation tries, by platform: SANE wherever scanimage can exist; on Windows
 * NAPS2's console when it is installed (it also reaches TWAIN-only scanners), and WIA, which every
 * Windows has. Devices of all available drivers are listed; each device id names its driver.
 */
export function defaultScannerDrivers(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): ScannerDriver[] {
  if (platform !== 'win32') return [new SaneDriver()];
  const drivers: ScannerDriver[] = [];
  const naps2 = naps2ConsolePath(env);
  if (naps2 !== null) drivers.push(new Naps2Driver({ program: naps2 }));
  drivers.push(new WiaDriver());
  return drivers;
}

/** NAPS2's console program in the usual installation folders, or null. */
export function naps2ConsolePath(env: NodeJS.ProcessEnv, exists: (path: string) => boolean = existsSync): string | null {
  const roots = [env.ProgramFiles, env['ProgramFiles(x86)'], env.LOCALAPPDATA === undefined ? undefined : join(env.LOCALAPPDATA, 'Programs')];
  for (const root of roots) {
    if (root === undefined || root === '') continue;
    const candidate = join(root, 'NAPS2', 'NAPS2.Console.exe');
    if (exists(candidate)) return candidate;
  }
  return null;
}
