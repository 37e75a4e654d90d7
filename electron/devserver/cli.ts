import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startWorkstation } from '../core/workstation.ts';
import { startDevServer } from './server.ts';
import { SOURCE_WORKER_URLS } from '../core/workers/worker-urls.ts';
import { SaneDriver } from '../core/scanning/sane-driver.ts';

/**
 * Browser mode: the same core and the same built renderer as the Electron app, hosted on
 * loopback. `npm start` falls back to it where no Electron binary is installed; the end-to-end
 * tests start it as a real child process.
 *
 *   node electron/devserver/cli.ts [--data-dir DIR] [--port N] [--renderer-dir DIR] [--json] [--demo] [--sane-pnm-file FILE]
 */

const projectRoot = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: process.env['KANCELARIA_DATA_DIR'] ?? join(homedir(), '.kancelaria-dev') },
    port: { type: 'string', default: '0' },
    'renderer-dir': { type: 'string', default: join(projectRoot, 'out/renderer') },
    json: { type: 'boolean', default: false },
    /** A fresh data folder gets the demo city's organisation (`npm start` passes it). */
    demo: { type: 'boolean', default: false },
    /**
     * The page SANE's `pnm` virtual scanner "scans" (a PNM file), for demonstrations and the
     * end-to-end tests; its built-in default is /tmp/input.ppm, shared by everyone on the machine.
     */
    'sane-pnm-file': { type: 'string' },
  },
});

const rendererDir = resolve(values['renderer-dir']);
try {
  readFileSync(join(rendererDir, 'index.html'));
} catch {
  console.error(`Brak zbudowanego interfejsu w ${rendererDir}. Uruchom najpierw: npm run build`);
  process.exit(2);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`Nieprawidłowy numer portu: ${values.port}`);
  process.exit(2);
}

const packageJson = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
const dataDir = resolve(values['data-dir']);
const workstation = await startWorkstation({
  dataDir,
  version: packageJson.version,
  shell: 'browser',
  workers: SOURCE_WORKER_URLS,
  checkOutput: true,
  demo: values.demo,
  ...(values['sane-pnm-file'] === undefined ? {} : { scannerDrivers: [new SaneDriver({ backendArgs: { pnm: ['--filename', resolve(values['sane-pnm-file'])] } })] }),
});
const server = await startDevServer({ workstation, rendererDir, port });

if (values.json) {
  console.log(JSON.stringify({ url: server.url, origin: server.origin, token: server.token, dataDir }));
} else {
  console.log(`Kancelaria w trybie przeglądarki: ${server.url}`);
  console.log(`Dane stanowiska: ${dataDir}  (Ctrl+C kończy)`);
}

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await server.close();
  await workstation.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
