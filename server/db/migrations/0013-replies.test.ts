import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useOneCaseDb } from '../../test-support/one-case-db.ts';

describe('server migration 0013 replies', { timeout: 60_000 }, () => {
  const oneCase = useOneCaseDb();

  it('keeps a reply of a known case, waiting at a step of its chain only while submitted, and frozen once accepted', async () => {
    const { db, caseId } = oneCase();
    const id = randomUUID();
    const insert = (replyId: string, forCase: string) => db.query(
      `INSERT INTO replies (id, case_id, template_id, template_version, template, addressee, body, state, drafted_by, drafted_by_name, updated_at)
       VALUES ($1, $2, 't1', 1, '{"name":"Odpowiedź"}', 'Jan Nowak', 'Treść', 'draft', 'anna', 'Anna', '2026-11-20T10:00:00.000Z')`,
      [replyId, forCase],
    );
    await insert(id, caseId);
    await expect(insert(randomUUID(), randomUUID())).rejects.toThrow(/foreign key/u);
    // Submitted without a step, or a step past the end of its chain: refused.
    await expect(db.query("UPDATE replies SET state = 'submitted' WHERE id = $1", [id])).rejects.toThrow(/check/u);
    await expect(db.query(`UPDATE replies SET state = 'submitted', chain = '[{"approver":"unit_head"}]', step = 2 WHERE id = $1`, [id])).rejects.toThrow(/check/u);
    await db.query(`UPDATE replies SET state = 'submitted', chain = '[{"approver":"unit_head"}]', step = 1 WHERE id = $1`, [id]);
    // Accepted needs the czystopis's hash and sign; after that, nothing changes it or removes it.
    await expect(db.query("UPDATE replies SET state = 'accepted', step = NULL WHERE id = $1", [id])).rejects.toThrow(/check/u);
    await expect(db.query("UPDATE replies SET state = 'accepted', step = NULL, final_sign = 'GN.6831.1.2026', final_sha256 = 'XYZ' WHERE id = $1", [id])).rejects.toThrow(/check/u);
    await db.query("UPDATE replies SET state = 'accepted', step = NULL, final_sign = 'GN.6831.1.2026', final_sha256 = $2 WHERE id = $1", [id, 'a'.repeat(64)]);
    await expect(db.query("UPDATE replies SET body = 'Inna treść' WHERE id = $1", [id])).rejects.toThrow(/accepted reply is final/u);
    await expect(db.query('DELETE FROM replies WHERE id = $1', [id])).rejects.toThrow(/replies are kept/u);
    expect(await db.query('SELECT state, body, events FROM replies WHERE id = $1', [id])).toEqual([{ state: 'accepted', body: 'Treść', events: [] }]);
  });
});
