import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { migrate } from '../migrate.ts';
import { migrations } from './index.ts';

const tempDir = useTempDirs();

describe('migration 0006 cases', () => {
  it('numbers cases uniquely per unit, class and year, keeps signs fixed, closed cases read-only, metryka append-only', () => {
    const db = new Database(join(tempDir(), 'k.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 5);
    db.exec(`INSERT INTO units (code, name, kind, parent_code, position) VALUES ('UM', 'Urząd', 'office', NULL, 0), ('OR', 'Wydział Organizacyjny', 'department', 'UM', 1);
      INSERT INTO jrwa_versions (owner_code, name, valid_from, imported_at) VALUES ('UM', 'w', '2011-01-01', 'now');
      INSERT INTO jrwa_classes (version_id, symbol, heading, category) VALUES (1, '0012', 'Komisje', 'A');`);
    expect(migrate(db, migrations, 6)).toBe(6);
    const open = db.prepare(`INSERT INTO cases (id, unit_code, jrwa_version_id, jrwa_symbol, year, number, sign, title, matter_type, started_on, status, opened_at, opened_by)
      VALUES (?, 'OR', 1, '0012', 2024, ?, ?, 'Komisja', 'general', '2024-03-01', 'open', 'now', 'x')`);
    open.run('a', 3, 'OR.0012.3.2024');
    expect(() => open.run('b', 3, 'OR.0012.3.2024x')).toThrow(/UNIQUE/);
    expect(() => open.run('c', 4, null)).toThrow(/CHECK/);
    open.run('d', null, null); // provisional: no number, no sign yet
    expect(() => db.prepare("UPDATE cases SET sign = 'OR.0012.4.2024', number = 4 WHERE id = 'a'").run()).toThrow(/keeps its sign/);
    db.prepare("UPDATE cases SET sign = 'OR.0012.4.2024', number = 4 WHERE id = 'd'").run();
    db.prepare("UPDATE cases SET status = 'closed', closed_at = 'now' WHERE id = 'a'").run();
    expect(() => db.prepare("UPDATE cases SET title = 'x' WHERE id = 'a'").run()).toThrow(/read-only/);
    expect(() => db.prepare("DELETE FROM cases WHERE id = 'd'").run()).toThrow(/never deleted/);
    expect(() => db.prepare("INSERT INTO cases (id, unit_code, jrwa_version_id, jrwa_symbol, year, title, matter_type, started_on, status, opened_at, opened_by) VALUES ('e', 'OR', 1, '9999', 2024, 't', 'g', 'd', 'open', 'n', 'x')").run()).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO case_events (case_id, at, actor_login, actor_name, actor_post, kind) VALUES ('a', 'now', 'x', 'X', 'Inspektor', 'opened')").run();
    expect(() => db.prepare('DELETE FROM case_events').run()).toThrow(/append-only/);
    db.close();
  });
});
