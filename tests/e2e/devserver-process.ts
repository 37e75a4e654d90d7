import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const projectRoot = join(import.meta.dirname, '../..');

export interface RunningDevServer {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly dataDir: string;
  stop(): Promise<void>;
}

export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'kancelaria-e2e-'));
}

/**
 * A time zone whose calendar day differs from Poland's at this moment (UTC+14 while Poland's
 * midnight is behind it, UTC-11 otherwise). The browser runs in Europe/Warsaw (playwright.config);
 * running the workstation's core in such a zone makes any code that asks its own process "which
 * day is it" instead of shared/dates.ts fail here, at whatever hour CI runs.
 */
export function zoneOnAnotherDay(now: Date = new Date()): string {
  const dayIn = (timeZone: string): string => new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
  return dayIn('Pacific/Kiritimati') !== dayIn('Europe/Warsaw') ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';
}

/** Starts `electron/devserver/cli.ts` exactly as `npm start` does in browser mode, on its own data folder. */
export async function startDevServerProcess(dataDir: string, options: { demo?: boolean; env?: NodeJS.ProcessEnv; args?: readonly string[] } = {}): Promise<RunningDevServer> {
  const child = spawn(process.execPath, ['electron/devserver/cli.ts', '--json', '--data-dir', dataDir, ...(options.demo === true ? ['--demo'] : []), ...(options.args ?? [])], {
    cwd: projectRoot,
    env: { ...process.env, TZ: zoneOnAnotherDay(), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const firstLine = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`devserver exited with ${code}: ${stderr}`)));
  });
  const ready = JSON.parse(firstLine) as { url: string; origin: string; token: string };
  return { ...ready, dataDir, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Calls the devserver's contract directly, for test set-up that is not the subject of the test. */
export async function rpc(server: RunningDevServer, method: string, input: unknown): Promise<unknown> {
  const response = await fetch(`${server.origin}/rpc/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

export async function useDesk(server: RunningDevServer, deskCode = 'KO'): Promise<void> {
  await rpc(server, 'settings.update', { workstationName: 'Okienko 1', deskCode, centralServerUrl: '', uiLanguage: 'pl' });
}
