import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { migrate } from '../migrate.ts';
import { migrations } from './index.ts';

const tempDir = useTempDirs();

describe('migration 0003 sync', () => {
  it('keeps registered letters (as local ones) and adds the outbox, issues and sync state', () => {
    const db = new Database(join(tempDir(), 'k.sqlite'));
    migrate(db, migrations, 2);
    db.prepare("INSERT INTO desks VALUES ('KO', 'Kancelaria ogólna', 'now')").run();
    db.prepare(`INSERT INTO incoming_items (id, rpw_number, desk_code, year, sequence, received_at, received_on, channel,
      attachments_count, personal_delivery, access_level, status, registered_at, registered_by, tracking_code, tracking_pin)
      VALUES ('a', 'RPW/KO/1/2026', 'KO', 2026, 1, 'x', '2026-11-20', 'post', 0, 0, 'public', 'registered', 'x', 'y', 'T', '1')`).run();
    expect(migrate(db, migrations, 3)).toBe(3);
    expect(db.prepare('SELECT origin FROM incoming_items').pluck().get()).toBe('local');
    db.prepare("INSERT INTO outbox (name, args, created_at) VALUES ('registry.register', '{}', 'now')").run();
    db.prepare("INSERT INTO outbox (name, args, created_at) VALUES ('registry.cancel', '{}', 'now')").run();
    expect(db.prepare('SELECT seq FROM outbox ORDER BY seq').pluck().all()).toEqual([1, 2]);
    db.prepare('DELETE FROM outbox').run();
    db.prepare("INSERT INTO outbox (name, args, created_at) VALUES ('registry.register', '{}', 'now')").run();
    expect(db.prepare('SELECT seq FROM outbox').pluck().get()).toBe(3);
    expect(() => db.prepare("INSERT INTO sync_issues (seq, name, args, status, error_code, error_key, created_at) VALUES (1, 'x', '{}', 'lost', 'c', 'k', 'now')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO sync_state (id, client_id) VALUES (2, 'x')").run()).toThrow(/CHECK/);
    expect(db.prepare('SELECT count(*) FROM known_users').pluck().get()).toBe(0);
    db.close();
  });
});
