import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { migrate } from '../migrate.ts';
import { migrations } from './index.ts';

const tempDir = useTempDirs();

describe('migration 0002 incoming register', () => {
  it('adds the register beside existing settings and indexes folded text for search', () => {
    const db = new Database(join(tempDir(), 'k.sqlite'));
    migrate(db, migrations, 1);
    db.prepare("INSERT INTO settings VALUES ('deskCode', 'KO', '2026-11-01T00:00:00.000Z')").run();
    expect(migrate(db, migrations, 2)).toBe(2);
    expect(db.prepare('SELECT value FROM settings').pluck().get()).toBe('KO');

    db.prepare("INSERT INTO desks VALUES ('KO', 'Kancelaria ogólna', 'now')").run();
    db.prepare(`INSERT INTO incoming_items (id, rpw_number, desk_code, year, sequence, received_at, received_on, channel,
      sender_name, subject, attachments_count, personal_delivery, access_level, status, registered_at, registered_by,
      tracking_code, tracking_pin) VALUES ('a', 'RPW/KO/1/2026', 'KO', 2026, 1, 'x', '2026-11-20', 'post',
      'Paweł Głowacki', 'Żółć', 0, 0, 'public', 'registered', 'x', 'y', 'T', '1')`).run();
    expect(db.prepare('SELECT sender, subject FROM incoming_fts').get()).toEqual({ sender: 'Pawel Glowacki ', subject: 'Żólć' });
    expect(db.prepare("SELECT count(*) FROM incoming_fts WHERE incoming_fts MATCH 'zolc'").pluck().get()).toBe(1);

    // STRICT and CHECK constraints hold the register to its vocabulary.
    expect(() => db.prepare("UPDATE incoming_items SET channel = 'pigeon'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO rpw_blocks (desk_code, year, first_no, next_no, origin) VALUES ('KO', 2026, 0, 0, 'local')").run()).toThrow(/CHECK/);
    db.close();
  });
});
