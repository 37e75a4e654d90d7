import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import type { ServerDb } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { serverMigrations } from '../db/migrations/index.ts';
import { openPglite } from '../db/pglite-db.ts';

/**
 * A migrated in-memory server database with one clerk (anna), unit GN and one open case of hers;
 * migrated only below `before` when given (a migration's test sets up the data it will convert).
 */
export async function openWithOneCase(before?: number): Promise<{ db: ServerDb; caseId: string }> {
  const db = await openPglite(null);
  await migrate(db, before === undefined ? serverMigrations : serverMigrations.filter((m) => m.version < before));
  const caseId = randomUUID();
  const user = randomUUID();
  await db.query("INSERT INTO users (id, login, display_name, password_hash, role) VALUES ($1, 'anna', 'Anna', '-', 'clerk')", [user]);
  await db.query("INSERT INTO units (code, name) VALUES ('GN', 'Geodezja')");
  await db.query(
    `INSERT INTO cases (id, unit_code, jrwa_symbol, year, number, sign, title, matter_type, started_on, status, opened_by, handler_login)
     VALUES ($1, 'GN', '6831', 2026, 1, 'GN.6831.1.2026', 'Podział', 'kpa_general', '2026-11-20', 'open', $2, 'anna')`,
    [caseId, user],
  );
  return { db, caseId };
}

/**
 * A describe block's migrated database with one case, opened before its tests and closed after:
 * call the returned function inside a test. PGlite takes seconds to start on a loaded machine.
 */
export function useOneCaseDb(before?: number): () => { db: ServerDb; caseId: string } {
  let opened: { db: ServerDb; caseId: string } | null = null;
  beforeAll(async () => {
    opened = await openWithOneCase(before);
  }, 60_000);
  afterAll(() => opened?.db.close());
  return () => {
    if (opened === null) throw new Error('the one-case database is opened in beforeAll');
    return opened;
  };
}
