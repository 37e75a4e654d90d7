import type { ServerDb } from './database.ts';
import { serverMigrations, type ServerMigration } from './migrations/index.ts';

// Any constant: two server processes starting at once on one database wait for each other here.
const MIGRATION_LOCK = 4_201_726;

/** Brings the schema up to date; returns the versions applied now. */
export async function migrate(db: ServerDb, migrations: readonly ServerMigration[] = serverMigrations): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
    const applied: number[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      applied.push(migration.version);
    }
    return applied;
  });
}
