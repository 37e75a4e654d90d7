import type { Sql } from '../../db/database.ts';

/**
 * The units, besides the case's own (and the units above it, which pull their sections), whose
 * desks must get a case and its replies: those of people named as a step of a reply's akceptacja
 * chain, such as a legal adviser in the Biuro Prawne beside the wydział. Every change of the case
 * and of its replies carries them, so the compacted log keeps them too.
 */
export async function approverUnitsOfCase(tx: Sql, caseId: string): Promise<string[]> {
  const rows = await tx.query<{ unit_code: string }>(
    `SELECT DISTINCT u.unit_code FROM replies r
       CROSS JOIN LATERAL jsonb_array_elements(coalesce(r.chain, '[]')) AS link (approver)
       JOIN users u ON u.login = link.approver->>'login'
      WHERE r.case_id = $1 AND link.approver->>'approver' = 'person' AND u.unit_code IS NOT NULL
      ORDER BY u.unit_code`,
    [caseId],
  );
  return rows.map((r) => r.unit_code);
}
