import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { migrate } from '../migrate.ts';
import { migrations } from './index.ts';

const tempDir = useTempDirs();
const SHA = 'a'.repeat(64);

describe('migration 0015 replies', () => {
  it('freezes an accepted reply with its final PDF, keeps every reply, and ties each to a template version', () => {
    const db = new Database(join(tempDir(), 'k.sqlite'));
    migrate(db, migrations, 14);
    expect(migrate(db, migrations, 15)).toBe(15);
    db.pragma('foreign_keys = ON');
    db.exec(`
      INSERT INTO units (code, name, kind, parent_code, position) VALUES ('GN', 'Geodezja', 'department', NULL, 1);
      INSERT INTO jrwa_versions (version_id, owner_code, name, valid_from, imported_at) VALUES (1, 'GN', 'JRWA', '2011-01-01', 'now');
      INSERT INTO jrwa_classes (version_id, symbol, heading, category) VALUES (1, '6831', 'Podziały nieruchomości', 'A');
      INSERT INTO cases (id, unit_code, jrwa_version_id, jrwa_symbol, year, number, sign, title, matter_type, started_on, status, opened_at, opened_by)
        VALUES ('c1', 'GN', 1, '6831', 2026, 1, 'GN.6831.1.2026', 'Podział', 'kpa_general', '2026-11-20', 'open', 'now', 'anna');
      INSERT INTO letter_templates (id, version, unit_code, name, place, letterhead, body, signature, saved_at, saved_by)
        VALUES ('t1', 1, 'GN', 'Odpowiedź', 'Opole', '', 'Treść', '', 'now', 'admin');
    `);
    const draft = db.prepare("INSERT INTO replies (id, case_id, template_id, template_version, addressee, body, state, drafted_by, drafted_at, updated_at) VALUES (?, 'c1', 't1', ?, 'Jan', 'Treść', 'draft', 'anna', 'now', 'now')");
    draft.run('r1', 1);
    expect(() => draft.run('r2', 2)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("UPDATE replies SET state = 'accepted' WHERE id = 'r1'").run()).toThrow(/CHECK/);
    db.prepare("UPDATE replies SET state = 'accepted', final_sha256 = ?, final_sign = 'GN.6831.1.2026', decided_by = 'jan', decided_at = 'now' WHERE id = 'r1'").run(SHA);
    expect(() => db.prepare("UPDATE replies SET body = 'Inna treść' WHERE id = 'r1'").run()).toThrow(/final/);
    expect(() => db.prepare("DELETE FROM replies WHERE id = 'r1'").run()).toThrow(/kept/);
    db.close();
  });
});
