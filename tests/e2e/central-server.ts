import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAdmin, startServerProcess } from '../../server/test-support/server-process.ts';

/** The administrator the central server is set up with; the admin role may register letters. */
export const ADMIN = { login: 'admin', displayName: 'Jan Administrator', password: 'Ratusz-Opole-2026' } as const;

export interface RunningCentralServer {
  readonly url: string;
  /** Stops the process and removes its data folder. */
  stop(): Promise<void>;
}

/**
 * The real central server as a process, on PGlite in a fresh folder, set up the way IT does it
 * (README, "First run"): `create-admin`, then `import-organisation` with a unit and desk KO.
 * Both run before the server starts, since PGlite's folder admits one process at a time.
 */
export async function startCentralServer(): Promise<RunningCentralServer> {
  const dir = mkdtempSync(join(tmpdir(), 'kancelaria-e2e-server-'));
  const env = { DATA_DIR: join(dir, 'server-data') };

  const admin = await runAdmin({ ...env, KANCELARIA_ADMIN_PASSWORD: ADMIN.password }, ['create-admin', '--login', ADMIN.login, '--name', ADMIN.displayName]);
  if (admin.code !== 0) throw new Error(`create-admin failed: ${admin.out}`);

  const file = join(dir, 'organisation.json');
  writeFileSync(file, JSON.stringify({
    units: [{ code: 'KO', name: 'Kancelaria Ogólna' }],
    desks: [{ code: 'KO', name: 'Kancelaria ogólna — okienko 1', unitCode: 'KO' }],
  }));
  const imported = await runAdmin(env, ['import-organisation', file]);
  if (imported.code !== 0) throw new Error(`import-organisation failed: ${imported.out}`);

  const server = await startServerProcess(env);
  return {
    url: server.url,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The letters the server holds, read through its own sync API as a workstation would pull them. */
export async function lettersOnServer(serverUrl: string): Promise<{ rpwNumber: string; senderName: string | null }[]> {
  const signIn = await fetch(`${serverUrl}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: ADMIN.login, password: ADMIN.password, clientLabel: 'e2e check' }),
  });
  if (!signIn.ok) throw new Error(`sign-in failed: ${String(signIn.status)} ${await signIn.text()}`);
  const { token } = (await signIn.json()) as { token: string };
  const pull = await fetch(`${serverUrl}/v1/sync/pull?clientId=${crypto.randomUUID()}&cursor=0`, { headers: { Authorization: `Bearer ${token}` } });
  if (!pull.ok) throw new Error(`pull failed: ${String(pull.status)} ${await pull.text()}`);
  const { changes } = (await pull.json()) as { changes: { entity: string; data: { rpwNumber: string; senderName: string | null } }[] };
  return changes.filter((c) => c.entity === 'incoming_item').map((c) => ({ rpwNumber: c.data.rpwNumber, senderName: c.data.senderName }));
}
