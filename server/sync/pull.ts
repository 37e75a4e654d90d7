import type { z } from 'zod';
import type { Change, PullQuery, PullResponse, SessionUser } from '../../shared/sync/protocol.ts';
import type { ServerDb } from '../db/database.ts';

/** Roles whose scope is the whole city hall. */
const SEE_ALL: readonly SessionUser['role'][] = ['admin', 'supervisor', 'registry_clerk'];

export class CursorTooOldError extends Error {}

/**
 * Changes after `cursor` within the user's scope, whole transactions at a time (`limit` counts
 * versions, so one command's changes never straddle two pages). The cursor returned is the last
 * version read, or the current version when nothing more is left, so a quiet client does not
 * re-scan versions outside its scope. A cursor from before the compacted horizon must start over
 * from 0 (the compacted log still holds the latest state of everything).
 */
export async function pull(db: ServerDb, user: SessionUser, query: z.output<typeof PullQuery>): Promise<PullResponse> {
  const seeAll = SEE_ALL.includes(user.role);
  // One round trip: the counters and the page together (`state` is also the first row's columns).
  const rows = await db.query<{ v: number; oldest: number; last_seq: number | null; version: number | null; entity: string; entity_id: string; op: Change['op']; data: unknown }>(
    `WITH state AS (
       SELECT (SELECT v FROM sync_version WHERE id = 1) AS v, (SELECT oldest FROM sync_horizon WHERE id = 1) AS oldest,
              (SELECT last_seq FROM sync_clients WHERE client_id = $5 AND user_id = $6) AS last_seq
     ),
     page AS (
       SELECT DISTINCT version FROM changes, state
       WHERE version > $1 AND version <= state.v AND (scope_unit IS NULL OR $2 OR scope_unit = $3)
         AND ($1 = 0 OR $1 >= state.oldest)
       ORDER BY version LIMIT $4
     )
     SELECT s.v, s.oldest, s.last_seq, c.version, c.entity, c.entity_id, c.op, c.data
     FROM state s LEFT JOIN (
       changes c JOIN page p ON p.version = c.version AND (c.scope_unit IS NULL OR $2 OR c.scope_unit = $3)
     ) ON true
     ORDER BY c.version, c.entity, c.entity_id`,
    [query.cursor, seeAll, user.unitCode ?? '', query.limit + 1, query.clientId, user.id],
  );
  const state = rows[0];
  if (!state) throw new Error('sync state rows missing');
  if (query.cursor !== 0 && query.cursor < state.oldest) throw new CursorTooOldError();
  const found = rows.filter((r): r is typeof r & { version: number } => r.version !== null);
  const versions = [...new Set(found.map((r) => r.version))];
  const hasMore = versions.length > query.limit;
  const kept = hasMore ? new Set(versions.slice(0, query.limit)) : null;
  const changes = found
    .filter((r) => kept === null || kept.has(r.version))
    .map((r): Change => ({ version: r.version, entity: r.entity, id: r.entity_id, op: r.op, data: r.data }));
  const cursor = hasMore ? (changes.at(-1)?.version ?? query.cursor) : Math.max(state.v, query.cursor);
  return { changes, cursor, hasMore, lastSeq: state.last_seq ?? 0 };
}

/**
 * Drops change rows superseded by a later change of the same entity, below `before`, and moves
 * the horizon there: the log stays a complete picture of the current state for a fresh client.
 */
export async function compactChanges(db: ServerDb, before: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `DELETE FROM changes c WHERE c.version < $1 AND EXISTS (
         SELECT 1 FROM changes later WHERE later.entity = c.entity AND later.entity_id = c.entity_id AND later.version > c.version)`,
      [before],
    );
    await tx.query('UPDATE sync_horizon SET oldest = GREATEST(oldest, $1) WHERE id = 1', [before]);
  });
}
