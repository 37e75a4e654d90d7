import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { migrate } from '../migrate.ts';
import { allocateNumber } from '../repositories/numbering.ts';
import { migrations } from './index.ts';

const tempDir = useTempDirs();

describe('migration 0023 rkw blocks', () => {
  it('keeps every register entry and numbers each desk\'s next letter after its highest, as before', () => {
    const db = new Database(join(tempDir(), 'k.sqlite'));
    migrate(db, migrations, 22);
    const insert = db.prepare(`INSERT INTO outgoing_letters (id, desk_code, year, sequence, subject, addressee_name, address_lines, channel, sent_on, registered_by, registered_at)
      VALUES (?, ?, ?, ?, 'Odpowiedź', 'Jan Nowak', 'ul. Ozimska 1', 'ordinary', ?, 'tdudek', 'now')`);
    insert.run('o1', 'KO', 2026, 1, '2026-12-01');
    insert.run('o2', 'KO', 2026, 2, '2026-12-01');
    insert.run('o3', 'KO', 2025, 7, '2025-12-30');
    insert.run('o4', 'GN-I', 2026, 1, '2026-12-02');

    expect(migrate(db, migrations, 23)).toBe(23);
    expect(db.prepare('SELECT id, desk_code, year, sequence FROM outgoing_letters ORDER BY letter_no').all()).toEqual([
      { id: 'o1', desk_code: 'KO', year: 2026, sequence: 1 },
      { id: 'o2', desk_code: 'KO', year: 2026, sequence: 2 },
      { id: 'o3', desk_code: 'KO', year: 2025, sequence: 7 },
      { id: 'o4', desk_code: 'GN-I', year: 2026, sequence: 1 },
    ]);
    const next = (desk: string, year: number) => db.transaction(() => allocateNumber(db, 'rkw', desk, year, 'local', null)).immediate();
    expect([next('KO', 2026), next('KO', 2025), next('GN-I', 2026), next('GN-I', 2027)]).toEqual([3, 8, 2, 1]);
    expect(() => db.prepare("INSERT INTO rkw_blocks (desk_code, year, first_no, last_no, next_no, origin) VALUES ('KO', 2026, 5, 4, 5, 'leased')").run()).toThrow(/CHECK/);
    db.close();
  });
});
