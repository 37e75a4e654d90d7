import { describe, expect, it } from 'vitest';
import { useOneCaseDb } from '../../test-support/one-case-db.ts';

describe('server migration 0010 case-term-authors', { timeout: 60_000 }, () => {
  const oneCase = useOneCaseDb();

  it('keeps who paused, resumed and extended a term, and leaves older rows without a name', async () => {
    const { db, caseId } = oneCase();
    await db.query("INSERT INTO case_pauses (case_id, from_date, reason) VALUES ($1, '2026-11-21', 'Wezwanie')", [caseId]);
    await db.query("INSERT INTO case_pauses (case_id, from_date, to_date, reason, paused_by, resumed_by) VALUES ($1, '2026-11-25', '2026-11-27', 'Opinia', 'Anna', 'Jan')", [caseId]);
    await db.query("INSERT INTO case_extensions (case_id, notice_on, new_date, reason, added_by) VALUES ($1, '2026-12-01', '2027-01-15', 'Opinia biegłego', 'Anna')", [caseId]);
    expect(await db.query('SELECT from_date::text AS f, paused_by, resumed_by FROM case_pauses WHERE case_id = $1 ORDER BY from_date', [caseId])).toEqual([
      { f: '2026-11-21', paused_by: null, resumed_by: null },
      { f: '2026-11-25', paused_by: 'Anna', resumed_by: 'Jan' },
    ]);
    expect(await db.query('SELECT added_by FROM case_extensions WHERE case_id = $1', [caseId])).toEqual([{ added_by: 'Anna' }]);
  });
});
