import type { Database } from 'better-sqlite3';

export interface StoredSettings {
  readonly values: Record<string, string>;
  readonly updatedAt: string | null;
}

interface SettingRow {
  key: string;
  value: string;
  updated_at: string;
}

/** Raw stored values; the service validates them, since a row may predate today's rules. */
export function readSettings(db: Database): StoredSettings {
  const rows = db.prepare<[], SettingRow>('SELECT key, value, updated_at FROM settings').all();
  const values: Record<string, string> = {};
  let updatedAt: string | null = null;
  for (const row of rows) {
    values[row.key] = row.value;
    if (updatedAt === null || row.updated_at > updatedAt) updatedAt = row.updated_at;
  }
  return { values, updatedAt };
}

/** Writes all given keys in one transaction: a save is all or nothing. */
export function writeSettings(db: Database, values: Readonly<Record<string, string>>, now: string): void {
  const upsert = db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  db.transaction(() => {
    for (const [key, value] of Object.entries(values)) upsert.run(key, value, now);
  })();
}
