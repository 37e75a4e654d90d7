import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { migrate } from '../migrate.ts';
import { migrations } from './index.ts';

const tempDir = useTempDirs();

describe('migration 0020 acceptance chains', () => {
  it('leaves a reply already waiting at the first step of the default chain, and holds a step to submitted replies within their chain', () => {
    const db = new Database(join(tempDir(), 'k.sqlite'));
    migrate(db, migrations, 19);
    db.pragma('foreign_keys = ON');
    db.exec(`
      INSERT INTO units (code, name, kind, parent_code, position) VALUES ('GN', 'Geodezja', 'department', NULL, 1);
      INSERT INTO people (login, display_name, post, unit_code) VALUES ('radca', 'Ewa Radca', 'Radca prawny', 'GN');
      INSERT INTO jrwa_versions (version_id, owner_code, name, valid_from, imported_at) VALUES (1, 'GN', 'JRWA', '2011-01-01', 'now');
      INSERT INTO jrwa_classes (version_id, symbol, heading, category) VALUES (1, '6831', 'Podziały nieruchomości', 'A');
      INSERT INTO cases (id, unit_code, jrwa_version_id, jrwa_symbol, year, number, sign, title, matter_type, started_on, status, opened_at, opened_by)
        VALUES ('c1', 'GN', 1, '6831', 2026, 1, 'GN.6831.1.2026', 'Podział', 'kpa_general', '2026-11-20', 'open', 'now', 'anna');
      INSERT INTO letter_templates (id, version, unit_code, name, place, letterhead, body, signature, saved_at, saved_by)
        VALUES ('t1', 1, 'GN', 'Odpowiedź', 'Opole', '', 'Treść', '', 'now', 'admin');
    `);
    const reply = db.prepare("INSERT INTO replies (id, case_id, template_id, template_version, addressee, body, state, drafted_by, drafted_at, updated_at) VALUES (?, 'c1', 't1', 1, 'Jan', 'Treść', ?, 'anna', 'now', 'now')");
    reply.run('waiting', 'submitted');
    reply.run('drafted', 'draft');

    expect(migrate(db, migrations, 20)).toBe(20);
    const stepOf = db.prepare<[string], { chain: string | null; step: number | null }>('SELECT chain, step FROM replies WHERE id = ?');
    expect(stepOf.get('waiting')).toEqual({ chain: '[{"approver":"unit_head"}]', step: 1 });
    expect(stepOf.get('drafted')).toEqual({ chain: null, step: null });

    // A step only while submitted, and never past the end of the reply's own chain.
    expect(() => db.prepare("UPDATE replies SET step = 1, chain = '[{\"approver\":\"unit_head\"}]' WHERE id = 'drafted'").run()).toThrow(/exactly while submitted/);
    expect(() => db.prepare("UPDATE replies SET state = 'submitted' WHERE id = 'drafted'").run()).toThrow(/exactly while submitted/);
    expect(() => db.prepare("UPDATE replies SET step = 2 WHERE id = 'waiting'").run()).toThrow(/exactly while submitted/);
    expect(() => db.prepare("UPDATE replies SET chain = 'nie json' WHERE id = 'waiting'").run()).toThrow(/CHECK|JSON/);
    db.prepare("UPDATE replies SET state = 'returned', step = NULL WHERE id = 'waiting'").run();
    expect(stepOf.get('waiting')).toEqual({ chain: '[{"approver":"unit_head"}]', step: null });

    // A chain's steps: a named person must exist; a head step names nobody; removing the chain removes its steps.
    db.exec("INSERT INTO acceptance_chains (unit_code, saved_at, saved_by) VALUES ('GN', 'now', 'admin')");
    const step = db.prepare('INSERT INTO acceptance_steps (unit_code, position, approver, login) VALUES (?, ?, ?, ?)');
    step.run('GN', 1, 'unit_head', null);
    step.run('GN', 2, 'person', 'radca');
    expect(() => step.run('GN', 3, 'person', null)).toThrow(/CHECK/);
    expect(() => step.run('GN', 3, 'unit_head', 'radca')).toThrow(/CHECK/);
    expect(() => step.run('GN', 3, 'person', 'nikt')).toThrow(/FOREIGN KEY/);
    expect(() => step.run('GN', 3, 'secretary', null)).toThrow(/CHECK/);
    expect(() => step.run('XX', 1, 'unit_head', null)).toThrow(/FOREIGN KEY/);
    db.exec("DELETE FROM acceptance_chains WHERE unit_code = 'GN'");
    expect(db.prepare('SELECT count(*) FROM acceptance_steps').pluck().get()).toBe(0);
    db.close();
  });
});
