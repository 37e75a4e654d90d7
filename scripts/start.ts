import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { findElectronBinary } from './electron-binary.ts';

/**
 * `npm start`: build, then launch the Electron app (with the demo city's organisation on a fresh
 * data folder; an installed app never loads it). Where no Electron binary is installed (this
 * build machine, CI), say so in one line and serve the same app in browser mode instead.
 */
const root = join(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const built = spawnSync(npm, ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const binary = findElectronBinary();
const child = binary.path !== null
  ? spawn(binary.path, ['.'], { cwd: root, stdio: 'inherit', env: { ...process.env, KANCELARIA_DEMO: '1' } })
  : (() => {
      console.log(`Brak programu Electron (${binary.reason}): uruchamiam Kancelarię w trybie przeglądarki.`);
      return spawn(process.execPath, [join(root, 'electron/devserver/cli.ts'), '--demo', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
    })();

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
