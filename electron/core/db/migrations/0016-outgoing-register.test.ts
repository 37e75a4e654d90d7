import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { migrate } from '../migrate.ts';
import { migrations } from './index.ts';

const tempDir = useTempDirs();

describe('migration 0016 outgoing register', () => {
  it('numbers once per desk and year, keeps every entry as written, and records delivery or return once', () => {
    const db = new Database(join(tempDir(), 'k.sqlite'));
    migrate(db, migrations, 15);
    expect(migrate(db, migrations, 16)).toBe(16);
    db.pragma('foreign_keys = ON');
    const insert = db.prepare(`INSERT INTO outgoing_letters (id, desk_code, year, sequence, subject, addressee_name, address_lines, channel, sent_on, registered_by, registered_at)
      VALUES (?, 'KO', 2026, ?, 'Odpowiedź', 'Jan Nowak', 'ul. Ozimska 1\n45-057 Opole', ?, '2026-12-02', 'tdudek', 'now')`);
    insert.run('o1', 1, 'registered_zpo');
    expect(() => insert.run('o2', 1, 'ordinary')).toThrow(/UNIQUE/);
    expect(() => insert.run('o3', 2, 'pigeon')).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO outgoing_letters (id, desk_code, year, sequence, case_id, subject, addressee_name, address_lines, channel, sent_on, registered_by, registered_at) VALUES ('o4', 'KO', 2026, 3, 'no-case', 's', 'a', '', 'email', '2026-12-02', 'x', 'now')").run()).toThrow(/FOREIGN KEY/);

    expect(() => db.prepare("UPDATE outgoing_letters SET addressee_name = 'Ktoś inny' WHERE id = 'o1'").run()).toThrow(/fixed/);
    db.prepare("UPDATE outgoing_letters SET tracking_number = '00659007734210841234' WHERE id = 'o1'").run();
    expect(() => db.prepare("UPDATE outgoing_letters SET delivered_on = '2026-12-01', delivery_kind = 'signed' WHERE id = 'o1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE outgoing_letters SET delivered_on = '2026-12-04' WHERE id = 'o1'").run()).toThrow(/CHECK/);
    db.prepare("UPDATE outgoing_letters SET delivered_on = '2026-12-04', delivery_kind = 'signed' WHERE id = 'o1'").run();
    expect(() => db.prepare("UPDATE outgoing_letters SET delivered_on = '2026-12-05' WHERE id = 'o1'").run()).toThrow(/once/);
    expect(() => db.prepare("UPDATE outgoing_letters SET returned_on = '2026-12-05', return_reason = 'zwrot' WHERE id = 'o1'").run()).toThrow(/once/);
    expect(() => db.prepare("DELETE FROM outgoing_letters WHERE id = 'o1'").run()).toThrow(/kept/);
    db.close();
  });
});
