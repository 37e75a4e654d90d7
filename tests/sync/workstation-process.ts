import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const projectRoot = join(import.meta.dirname, '../..');

export interface WorkstationProcess {
  readonly origin: string;
  rpc<T = unknown>(method: string, input?: unknown): Promise<T>;
  /** The contract's error envelope instead of throwing, for asserting refusals. */
  tryRpc(method: string, input?: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; issues?: { message: string }[] } }>;
  stop(): Promise<void>;
}

/**
 * A workstation as a real process: the devserver (browser mode's host) with its own SQLite file.
 * Sync tests drive its contract over HTTP; the UI is not their subject, so a stub page stands in
 * for the built renderer.
 */
export async function startWorkstationProcess(dir: string, options: { demo?: boolean } = {}): Promise<WorkstationProcess> {
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>sync test</title>');
  // --demo: the demo city's organisation, JRWA and letter templates, for tests that draft replies.
  const args = ['electron/devserver/cli.ts', '--json', '--data-dir', join(dir, 'data'), '--renderer-dir', rendererDir, ...(options.demo === true ? ['--demo'] : [])];
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`devserver exited with ${String(code)}: ${stderr}`)));
  });
  const { origin, token } = JSON.parse(firstLine) as { origin: string; token: string };
  const tryRpc = async (method: string, input: unknown = {}) => {
    const response = await fetch(`${origin}/rpc/${method}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    return (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string; issues?: { message: string }[] } };
  };
  return {
    origin,
    tryRpc,
    async rpc<T>(method: string, input: unknown = {}) {
      const result = await tryRpc(method, input);
      if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
      return result.value as T;
    },
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
