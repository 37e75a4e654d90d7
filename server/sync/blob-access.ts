import type { SessionUser } from '../../shared/sync/protocol.ts';
import type { Sql } from '../db/database.ts';
import { SEE_ALL } from './item-scope.ts';

/**
 * The one rule for `GET /v1/blobs/:sha256`: a user may read a blob when it is a file of some
 * record they may pull. Each clause is one kind of record that names blobs, scoped exactly as its
 * change log entries are, with a unit's scope being the unit and its sections (`mine`, as pull.ts):
 * - a document of a register entry: the letter's scope (item-scope.ts), i.e. public letters for
 *   everyone, restricted ones for their desk's unit, the units they were routed to and the roles
 *   that see everything;
 * - a reply's czystopis (final PDF): the case's unit and the units of people named in its
 *   replies' akceptacja chains, as the `reply` change.
 */
export async function mayReadBlob(db: Sql, user: SessionUser, sha256: string): Promise<boolean> {
  const [row] = await db.query<{ allowed: boolean }>(
    `WITH RECURSIVE mine (code) AS (
       SELECT code FROM units WHERE code = $3
       UNION ALL SELECT u.code FROM units u JOIN mine ON u.parent_code = mine.code
     )
     SELECT EXISTS (
       SELECT 1 FROM item_documents doc
         JOIN incoming_items i ON i.id = doc.item_id
         LEFT JOIN desks d ON d.code = i.desk_code
        WHERE (doc.original_sha256 = $1 OR doc.pdf_sha256 = $1)
          AND ($2 OR i.item->>'accessLevel' = 'public' OR d.unit_code IN (SELECT code FROM mine)
               OR EXISTS (SELECT 1 FROM item_routes r WHERE r.item_id = i.id AND r.unit_code IN (SELECT code FROM mine)))
     ) OR EXISTS (
       SELECT 1 FROM replies r JOIN cases c ON c.id = r.case_id
        WHERE r.final_sha256 = $1 AND ($2 OR c.unit_code IN (SELECT code FROM mine) OR EXISTS (
          -- a person named in an akceptacja chain of the case's replies (case-audience.ts)
          SELECT 1 FROM replies named CROSS JOIN LATERAL jsonb_array_elements(coalesce(named.chain, '[]')) AS link (approver)
            JOIN users u ON u.login = link.approver->>'login'
           WHERE named.case_id = c.id AND link.approver->>'approver' = 'person' AND u.unit_code IN (SELECT code FROM mine)))
     ) AS allowed`,
    [sha256, SEE_ALL.includes(user.role), user.unitCode ?? ''],
  );
  return row?.allowed ?? false;
}
