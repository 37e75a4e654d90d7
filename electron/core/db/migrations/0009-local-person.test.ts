import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { migrate } from '../migrate.ts';
import { migrations } from './index.ts';

const tempDir = useTempDirs();

describe('migration 0009 local person', () => {
  it('holds at most one person', () => {
    const db = new Database(join(tempDir(), 'k.sqlite'));
    migrate(db, migrations, 8);
    expect(migrate(db, migrations, 9)).toBe(9);
    db.prepare("INSERT INTO local_person (id, login, chosen_at) VALUES (1, 'anna', '2026-11-25T10:00:00Z')").run();
    expect(() => db.prepare("INSERT INTO local_person (id, login, chosen_at) VALUES (2, 'ewa', '2026-11-25T10:00:00Z')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO local_person (id, login, chosen_at) VALUES (1, 'ewa', '2026-11-25T10:00:00Z')").run()).toThrow(/UNIQUE|PRIMARY/);
    db.close();
  });
});
