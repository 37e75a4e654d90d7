import type { ServerDb } from './database.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite-db.ts';
import { openPostgres } from './postgres-db.ts';

/** PostgreSQL when a URL is given, else PGlite in `dataDir` (null: in memory); migrated. */
export async function openServerDb(options: { databaseUrl: string | null; dataDir: string | null }): Promise<ServerDb> {
  const db = options.databaseUrl ? openPostgres(options.databaseUrl) : await openPglite(options.dataDir);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
