import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { migrate } from '../migrate.ts';
import { migrations } from './index.ts';

const tempDir = useTempDirs();

describe('migration 0004 organisation', () => {
  it('adds units, people with roles and zastępstwa, and ties desks to units', () => {
    const db = new Database(join(tempDir(), 'k.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 3);
    db.prepare("INSERT INTO desks (code, name, created_at) VALUES ('KO', 'KO', 'now')").run();
    expect(migrate(db, migrations, 4)).toBe(4);
    db.prepare("INSERT INTO units (code, name, kind, parent_code, position) VALUES ('UM', 'Urząd Miasta', 'office', NULL, 0), ('KO', 'Kancelaria Ogólna', 'department', 'UM', 1)").run();
    db.prepare("INSERT INTO people (login, display_name, post, unit_code) VALUES ('anna', 'Anna Nowak', 'inspektor', 'KO')").run();
    db.prepare("INSERT INTO person_roles (login, role) VALUES ('anna', 'registry_clerk')").run();
    expect(() => db.prepare("INSERT INTO person_roles (login, role) VALUES ('anna', 'boss')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO units (code, name, kind, position) VALUES ('X', 'X', 'wydział', 0)").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO substitutions VALUES ('anna', 'anna', '2026-12-02', '2026-12-01')").run()).toThrow(/CHECK/);
    db.prepare("UPDATE desks SET unit_code = 'KO' WHERE code = 'KO'").run();
    expect(() => db.prepare("UPDATE desks SET unit_code = 'NIE' WHERE code = 'KO'").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
