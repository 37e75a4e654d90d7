import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { migrate } from '../migrate.ts';
import { migrations } from './index.ts';

const tempDir = useTempDirs();

describe('migration 0008 cursor per person', () => {
  it('keeps one cursor per login, never negative', () => {
    const db = new Database(join(tempDir(), 'k.sqlite'));
    migrate(db, migrations, 7);
    expect(migrate(db, migrations, 8)).toBe(8);
    db.prepare("INSERT INTO sync_cursors (login, cursor) VALUES ('anna', 5)").run();
    expect(() => db.prepare("INSERT INTO sync_cursors (login, cursor) VALUES ('anna', 6)").run()).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare("INSERT INTO sync_cursors (login, cursor) VALUES ('ewa', -1)").run()).toThrow(/CHECK/);
    db.close();
  });
});
