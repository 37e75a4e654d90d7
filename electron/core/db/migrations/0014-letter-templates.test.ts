import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { migrate } from '../migrate.ts';
import { migrations } from './index.ts';

const tempDir = useTempDirs();

describe('migration 0014 letter templates', () => {
  it('keeps every saved version as it was, one row per (template, version)', () => {
    const db = new Database(join(tempDir(), 'k.sqlite'));
    migrate(db, migrations, 13);
    expect(migrate(db, migrations, 14)).toBe(14);
    db.pragma('foreign_keys = ON');
    db.prepare("INSERT INTO units (code, name, kind, parent_code, position) VALUES ('GN', 'Geodezja', 'department', NULL, 1)").run();
    const insert = db.prepare("INSERT INTO letter_templates (id, version, unit_code, name, place, letterhead, body, signature, saved_at, saved_by) VALUES ('t1', ?, 'GN', 'Odpowiedź', 'Opole', '', ?, '', '2026-12-02T10:00:00Z', 'admin')");
    insert.run(1, 'Treść');
    insert.run(2, 'Treść poprawiona');
    expect(() => insert.run(2, 'Jeszcze raz')).toThrow(/UNIQUE/);
    expect(() => insert.run(3, '   ')).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE letter_templates SET body = 'x' WHERE version = 1").run()).toThrow(/kept as saved/);
    expect(() => db.prepare('DELETE FROM letter_templates').run()).toThrow(/kept as saved/);
    expect(() => db.prepare("INSERT INTO letter_templates (id, version, unit_code, name, place, letterhead, body, signature, saved_at, saved_by) VALUES ('t2', 1, 'XX', 'a', 'Opole', '', 'b', '', 'now', 'admin')").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
