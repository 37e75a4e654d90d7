import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { ServerDb } from '../db/database.ts';
import { openServerDb } from '../db/open.ts';
import { createTestDatabase } from './fresh-database.ts';

/**
 * One migrated database per test file, emptied before each test. On PGlite by default; with
 * TEST_DATABASE_URL (CI starts a PostgreSQL 15 cluster), a fresh database on that server,
 * dropped afterwards.
 */
export function useServerDb(): () => ServerDb {
  let db: ServerDb | null = null;
  let dropDatabase: (() => Promise<void>) | null = null;

  beforeAll(async () => {
    const adminUrl = process.env['TEST_DATABASE_URL'];
    if (!adminUrl) {
      db = await openServerDb({ databaseUrl: null, dataDir: null });
      return;
    }
    const fresh = await createTestDatabase(adminUrl);
    db = await openServerDb({ databaseUrl: fresh.url, dataDir: null });
    dropDatabase = fresh.drop;
  }, 60_000);

  beforeEach(async () => {
    await db?.exec(`
      TRUNCATE units, desks, users, sessions, sync_clients, mutation_results, changes, rpw_counters, rpw_leases,
               rpw_void, server_secrets, incoming_items, case_sign_counters, cases, item_routes, case_items, case_pauses, case_extensions, blobs CASCADE;
      TRUNCATE rkw_counters, rkw_leases, rkw_void, substitutions;
      UPDATE sync_version SET v = 0;
      UPDATE sync_horizon SET oldest = 0;`);
  });

  afterAll(async () => {
    await db?.close();
    await dropDatabase?.();
  });

  return () => {
    if (!db) throw new Error('server database not open yet');
    return db;
  };
}
