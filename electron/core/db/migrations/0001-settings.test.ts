import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { migrate, schemaVersion } from '../migrate.ts';
import { migrations } from './index.ts';

const tempDir = useTempDirs();

describe('migration 0001 settings', () => {
  it('creates a STRICT key/value table at schema 1', () => {
    const db = new Database(join(tempDir(), 'k.sqlite'));
    expect(migrate(db, migrations, 0)).toBe(0);
    expect(migrate(db, migrations, 1)).toBe(1);
    expect(schemaVersion(db)).toBe(1);

    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('workstationName', 'Okienko', '2026-11-22T10:00:00Z')").run();
    expect(db.prepare('SELECT key, value FROM settings').all()).toEqual([{ key: 'workstationName', value: 'Okienko' }]);
    // STRICT: a value of the wrong type is refused, not silently stored.
    expect(() => db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('x', ?, 'now')").run(Buffer.from([1]))).toThrow(/cannot store BLOB/);
    // One row per key.
    expect(() => db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('workstationName', 'B', 'now')").run()).toThrow(/UNIQUE/);
    db.close();
  });
});
