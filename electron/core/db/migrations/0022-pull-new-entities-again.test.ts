import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { migrate } from '../migrate.ts';
import { migrations } from './index.ts';

const tempDir = useTempDirs();

describe('migration 0022 pull new entities again', () => {
  it("sends every person's pull back to the start, so changes the previous version skipped are pulled", () => {
    const db = new Database(join(tempDir(), 'k.sqlite'));
    migrate(db, migrations, 21);
    db.exec("INSERT INTO sync_cursors (login, cursor) VALUES ('anna', 5120), ('ewa', 77)");

    expect(migrate(db, migrations, 22)).toBe(22);
    expect(db.prepare('SELECT login, cursor FROM sync_cursors ORDER BY login').all()).toEqual([{ login: 'anna', cursor: 0 }, { login: 'ewa', cursor: 0 }]);
  });
});
