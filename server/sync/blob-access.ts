import type { SessionUser } from '../../shared/sync/protocol.ts';
import type { Sql } from '../db/database.ts';
import { SEE_ALL } from './item-scope.ts';

/**
 * The one rule for `GET /v1/blobs/:sha256`: a user may read a blob when it is a file of some
 * record they may pull. Each clause is one kind of record that names blobs; a new kind (a reply's
 * final PDF) adds its clause here, scoped exactly as its change log entries are.
 * - a document of a register entry: the letter's scope (item-scope.ts), i.e. public letters for
 *   everyone, restricted ones for their desk's unit and the roles that see everything.
 */
export async function mayReadBlob(db: Sql, user: SessionUser, sha256: string): Promise<boolean> {
  const [row] = await db.query<{ allowed: boolean }>(
    `SELECT EXISTS (
       SELECT 1 FROM item_documents doc
         JOIN incoming_items i ON i.id = doc.item_id
         LEFT JOIN desks d ON d.code = i.desk_code
        WHERE (doc.original_sha256 = $1 OR doc.pdf_sha256 = $1)
          AND ($2 OR i.item->>'accessLevel' = 'public' OR coalesce(d.unit_code, '__restricted__') = $3)
     ) AS allowed`,
    [sha256, SEE_ALL.includes(user.role), user.unitCode ?? ''],
  );
  return row?.allowed ?? false;
}
