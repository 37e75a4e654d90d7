import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useOneCaseDb } from '../../test-support/one-case-db.ts';

describe('server migration 0009 outgoing-letters', { timeout: 60_000 }, () => {
  const oneCase = useOneCaseDb();

  it('keeps a sent reply of a known case, with delivery as a date and a kind, never both delivered and returned', async () => {
    const { db, caseId } = oneCase();
    const id = randomUUID();
    await db.query("INSERT INTO outgoing_letters (id, case_id, rkw_number, channel, sent_on, recorded_by) VALUES ($1, $2, 'RKW/KO/1/2026', 'registered_zpo', '2026-12-02', 'Anna')", [id, caseId]);
    await expect(db.query("INSERT INTO outgoing_letters (id, case_id, rkw_number, channel, sent_on, recorded_by) VALUES ($1, $2, 'RKW/KO/2/2026', 'email', '2026-12-02', 'Anna')", [randomUUID(), randomUUID()])).rejects.toThrow(/foreign key/u);
    await expect(db.query("UPDATE outgoing_letters SET delivered_on = '2026-12-04' WHERE id = $1", [id])).rejects.toThrow(/check/u);
    await expect(db.query("UPDATE outgoing_letters SET delivered_on = '2026-12-04', delivery_kind = 'signed', returned_on = '2026-12-05' WHERE id = $1", [id])).rejects.toThrow(/check/u);
    await db.query("UPDATE outgoing_letters SET delivered_on = '2026-12-04', delivery_kind = 'signed' WHERE id = $1", [id]);
    expect(await db.query('SELECT delivered_on::text AS d, delivery_kind FROM outgoing_letters WHERE id = $1', [id])).toEqual([{ d: '2026-12-04', delivery_kind: 'signed' }]);
  });
});
