import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerDb } from '../db/database.ts';
import { openServerDb } from '../db/open.ts';
import { createTestDatabase } from './fresh-database.ts';
import { runAdmin, startServerProcess, type ServerProcess } from './server-process.ts';

export const PEOPLE = {
  anna: { login: 'anna', password: 'Kancelaria-2026', displayName: 'Anna Nowak' },
  ewa: { login: 'ewa', password: 'Okienko-drugie-2', displayName: 'Ewa Zielińska' },
} as const;

export interface CentralServer {
  readonly url: string;
  /** The running process (replaced by `restart`). */
  readonly process: ServerProcess;
  /** Starts it again on the same port and database, after `stop` or a kill. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  /** Drops the test database (PostgreSQL) once the server is stopped. */
  dispose(): Promise<void>;
}

export interface CentralServerOptions {
  /** A PostgreSQL server to create a fresh database on; null: PGlite in `dir`. */
  readonly adminUrl?: string | null;
  /** Runs on the database after the import, before the server starts (PGlite allows one process). */
  readonly seed?: (db: ServerDb) => Promise<void>;
}

/**
 * The real central server as a process, with two registry clerks at desk KO. On PostgreSQL when
 * TEST_DATABASE_URL is set (CI) or `adminUrl` is given, else on PGlite in a data folder.
 */
export async function startCentralServer(dir: string, options: CentralServerOptions = {}): Promise<CentralServer> {
  const adminUrl = options.adminUrl === undefined ? (process.env['TEST_DATABASE_URL'] ?? null) : options.adminUrl;
  const fresh = adminUrl ? await createTestDatabase(adminUrl) : null;
  const env: Record<string, string> = fresh ? { DATABASE_URL: fresh.url } : { DATA_DIR: join(dir, 'server-data') };
  const file = join(dir, 'organisation.json');
  writeFileSync(file, JSON.stringify({
    units: [{ code: 'KO', name: 'Kancelaria Ogólna' }],
    desks: [{ code: 'KO', name: 'Kancelaria ogólna', unitCode: 'KO' }],
    users: Object.values(PEOPLE).map((p) => ({ ...p, role: 'registry_clerk', unitCode: 'KO' })),
  }));
  const imported = await runAdmin(env, ['import-organisation', file]);
  if (imported.code !== 0) throw new Error(`organisation import failed: ${imported.out}`);
  if (options.seed) {
    const db = await openServerDb({ databaseUrl: fresh?.url ?? null, dataDir: fresh ? null : env['DATA_DIR'] ?? null });
    try {
      await options.seed(db);
    } finally {
      await db.close();
    }
  }
  let running = await startServerProcess(env);
  const port = new URL(running.url).port;
  return {
    url: running.url,
    get process() {
      return running;
    },
    async restart() {
      running = await startServerProcess({ ...env, PORT: port });
    },
    async stop() {
      await running.stop();
    },
    async dispose() {
      await running.stop();
      await fresh?.drop();
    },
  };
}
