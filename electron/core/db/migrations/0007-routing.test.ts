import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { migrate } from '../migrate.ts';
import { migrations } from './index.ts';

const tempDir = useTempDirs();

describe('migration 0007 routing', () => {
  it('allows one lead route in progress per item, any number of finished ones and info routes', () => {
    const db = new Database(join(tempDir(), 'k.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 6);
    db.exec(`INSERT INTO units (code, name, kind, parent_code, position) VALUES ('UM', 'Urząd', 'office', NULL, 0), ('GN', 'Geodezja', 'department', 'UM', 1), ('MZD', 'MZD', 'municipal_unit', NULL, 2);
      INSERT INTO desks (code, name, created_at) VALUES ('KO', 'KO', 'now');
      INSERT INTO incoming_items (id, rpw_number, desk_code, year, sequence, received_at, received_on, channel, attachments_count, personal_delivery, access_level, status, registered_at, registered_by, tracking_code, tracking_pin)
        VALUES ('i', 'RPW/KO/1/2026', 'KO', 2026, 1, 'x', '2026-11-20', 'post', 0, 0, 'public', 'registered', 'x', 'y', 'T', '1');`);
    expect(migrate(db, migrations, 7)).toBe(7);
    const route = db.prepare("INSERT INTO item_routes (id, item_id, unit_code, role, state, routed_at, routed_by, updated_at) VALUES (?, 'i', ?, ?, ?, 'now', 'kancelaria', 'now')");
    route.run('r1', 'GN', 'lead', 'returned');
    route.run('r2', 'MZD', 'lead', 'waiting');
    expect(() => route.run('r3', 'GN', 'lead', 'waiting')).toThrow(/UNIQUE/);
    route.run('r4', 'GN', 'info', 'waiting');
    expect(() => route.run('r5', 'GN', 'boss', 'waiting')).toThrow(/CHECK/);
    expect(db.prepare('SELECT actor_post FROM item_events').all()).toEqual([]);
    db.close();
  });
});
