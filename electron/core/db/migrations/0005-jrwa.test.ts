import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { migrate } from '../migrate.ts';
import { migrations } from './index.ts';

const tempDir = useTempDirs();

describe('migration 0005 jrwa', () => {
  it('keeps versions per owning unit, one list per date, symbols of one to four digits', () => {
    const db = new Database(join(tempDir(), 'k.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 4);
    db.prepare("INSERT INTO units (code, name, kind, parent_code, position) VALUES ('UM', 'Urząd Miasta', 'office', NULL, 0)").run();
    expect(migrate(db, migrations, 5)).toBe(5);
    db.prepare("INSERT INTO jrwa_versions (owner_code, name, valid_from, imported_at) VALUES ('UM', 'JRWA 2011', '2011-01-01', 'now')").run();
    expect(() => db.prepare("INSERT INTO jrwa_versions (owner_code, name, valid_from, imported_at) VALUES ('UM', 'again', '2011-01-01', 'now')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO jrwa_versions (owner_code, name, valid_from, imported_at) VALUES ('NIE', 'x', '2011-01-01', 'now')").run()).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO jrwa_classes (version_id, symbol, heading, category) VALUES (1, '0002', 'Sesje rady', 'A')").run();
    expect(() => db.prepare("INSERT INTO jrwa_classes (version_id, symbol, heading) VALUES (1, '00021', 'za długi')").run()).toThrow(/CHECK/);
    db.close();
  });
});
