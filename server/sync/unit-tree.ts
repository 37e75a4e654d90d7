import type { Sql } from '../db/database.ts';

/** True when `unitCode` is `ancestor` or one of its sections, at any depth. */
export async function unitWithin(tx: Sql, unitCode: string, ancestor: string | null): Promise<boolean> {
  if (ancestor === null) return false;
  const [row] = await tx.query<{ inside: boolean }>(
    `WITH RECURSIVE up (code, parent_code) AS (
       SELECT code, parent_code FROM units WHERE code = $1
       UNION ALL SELECT u.code, u.parent_code FROM units u JOIN up ON u.code = up.parent_code
     ) SELECT EXISTS (SELECT 1 FROM up WHERE code = $2) AS inside`,
    [unitCode, ancestor],
  );
  return row?.inside ?? false;
}
