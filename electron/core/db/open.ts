import Database from 'better-sqlite3';
import { migrate } from './migrate.ts';
import { migrations } from './migrations/index.ts';

/**
 * Opens (creating if needed) the workstation's SQLite file with the pragmas the whole app relies
 * on, then migrates it. WAL keeps readers from blocking the writer; NORMAL sync is durable in WAL
 * mode across application crashes, which is the failure a desk PC actually sees.
 */
export function openDatabase(file: string): Database.Database {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -65536');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
