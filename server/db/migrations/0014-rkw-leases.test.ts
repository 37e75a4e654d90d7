import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useOneCaseDb } from '../../test-support/one-case-db.ts';
import { migrate } from '../migrate.ts';

describe('server migration 0014 rkw-leases', { timeout: 60_000 }, () => {
  const oneCase = useOneCaseDb(14);

  it('splits the numbers already sent into desk, year and number, keeps a number sent twice once, and leases after the highest', async () => {
    const { db, caseId } = oneCase();
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
