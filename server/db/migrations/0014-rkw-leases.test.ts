import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerDb } from '../database.ts';
import { migrate } from '../migrate.ts';
import { openPglite } from '../pglite-db.ts';
import { serverMigrations } from './index.ts';

describe('server migration 0014 rkw-leases', { timeout: 60_000 }, () => {
  let db: ServerDb;
  beforeAll(async () => {
    db = await openPglite(null);
  }, 60_000);
  afterAll(() => db.close());

  it('splits the numbers already sent into desk, year and number, keeps a number sent twice once, and leases after the highest', async () => {
    await migrate(db, serverMigrations.filter((m) => m.version < 14));
    const user = randomUUID();
    const caseId = randomUUID();
    await db.query("INSERT INTO users (id, login, display_name, password_hash, role) VALUES ($1, 'anna', 'Anna', '-', 'clerk')", [user]);
    await db.query("INSERT INTO units (code, name) VALUES ('GN', 'Geodezja')");
    await db.query(
      `INSERT INTO cases (id, unit_code, jrwa_symbol, year, number, sign, title, matter_type, started_on, status, opened_by, handler_login)
       VALUES ($1, 'GN', '6831', 2026, 1, 'GN.6831.1.2026', 'Podział', 'kpa_general', '2026-11-20', 'open', $2, 'anna')`,
      [caseId, user],
    );
    // Two PCs at desk KO both sent number 2 before leasing: the duplicate this migration stops.
    const sent: [string, string][] = [['RKW/KO/1/2026', '2026-11-20'], ['RKW/KO/2/2026', '2026-11-21'], ['RKW/KO/2/2026', '2026-11-22'], ['RKW/GN-I/5/2025', '2025-12-30']];
    const ids: string[] = [];
    for (const [rkwNumber, sentOn] of sent) {
      const id = randomUUID();
      ids.push(id);
      await db.query("INSERT INTO outgoing_letters (id, case_id, rkw_number, channel, sent_on, recorded_by) VALUES ($1, $2, $3, 'ordinary', $4, 'Anna')", [id, caseId, rkwNumber, sentOn]);
    }

    expect(await migrate(db)).toContain(14);
    const rows = await db.query<{ id: string; rkw_number: string; desk_code: string | null; year: number | null; sequence: number | null }>(
      'SELECT id, rkw_number, desk_code, year, sequence FROM outgoing_letters ORDER BY sent_on',
    );
    expect(rows).toEqual([
      { id: ids[3], rkw_number: 'RKW/GN-I/5/2025', desk_code: 'GN-I', year: 2025, sequence: 5 },
      { id: ids[0], rkw_number: 'RKW/KO/1/2026', desk_code: 'KO', year: 2026, sequence: 1 },
      { id: ids[1], rkw_number: 'RKW/KO/2/2026', desk_code: 'KO', year: 2026, sequence: 2 },
      // The later letter under the repeated number is kept, without the number's parts.
      { id: ids[2], rkw_number: 'RKW/KO/2/2026', desk_code: null, year: null, sequence: null },
    ]);
    expect(await db.query('SELECT desk_code, year, next_no FROM rkw_counters ORDER BY desk_code')).toEqual([
      { desk_code: 'GN-I', year: 2025, next_no: 6 },
      { desk_code: 'KO', year: 2026, next_no: 3 },
    ]);
    await expect(db.query("INSERT INTO outgoing_letters (id, case_id, rkw_number, desk_code, year, sequence, channel, sent_on, recorded_by) VALUES ($1, $2, 'RKW/KO/1/2026', 'KO', 2026, 1, 'ordinary', '2026-12-01', 'Anna')", [randomUUID(), caseId]))
      .rejects.toThrow(/unique|duplicate/u);
  });
});
