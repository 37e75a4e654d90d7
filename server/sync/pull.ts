import type { z } from 'zod';
import type { Change, PullQuery, PullResponse, SessionUser } from '../../shared/sync/protocol.ts';
import type { ServerDb } from '../db/database.ts';
import { SEE_ALL } from './item-scope.ts';

export class CursorTooOldError extends Error {}

interface PageRow {
  version: number;
  entity: string;
  entity_id: string;
  op: Change['op'];
  /** The change's JSON as PostgreSQL prints it: passed on as it is, never parsed here. */
  data: string | null;
}

interface Page {
  readonly rows: readonly PageRow[];
  readonly cursor: number;
  readonly hasMore: boolean;
  readonly lastSeq: number;
}

/**
 * Changes after `cursor` within the user's scope, whole transactions at a time (`limit` counts
 * versions, so one command's changes never straddle two pages). The cursor returned is the last
 * version read, or the current version when nothing more is left, so a quiet client does not
 * re-scan versions outside its scope. A cursor from before the compacted horizon must start over
 * from 0 (the compacted log still holds the latest state of everything).
 */
export async function pull(db: ServerDb, user: SessionUser, query: z.output<typeof PullQuery>): Promise<PullResponse> {
  const page = await readPage(db, user, query);
  const changes = page.rows.map((r): Change => ({ version: r.version, entity: r.entity, id: r.entity_id, op: r.op, data: r.data === null ? null : JSON.parse(r.data) as unknown }));
  return { changes, cursor: page.cursor, hasMore: page.hasMore, lastSeq: page.lastSeq };
}

/**
 * `pull`'s answer already as the JSON text of a PullResponse, for the HTTP route: each change's
 * data goes from PostgreSQL's text straight into the answer. Parsing every change into objects
 * only to print them again was a large part of the server's own work per page.
 */
export async function pullJson(db: ServerDb, user: SessionUser, query: z.output<typeof PullQuery>): Promise<string> {
  const page = await readPage(db, user, query);
  const changes = page.rows.map((r) =>
    `{"version":${String(r.version)},"entity":${JSON.stringify(r.entity)},"id":${JSON.stringify(r.entity_id)},"op":${JSON.stringify(r.op)},"data":${r.data ?? 'null'}}`);
  return `{"changes":[${changes.join(',')}],"cursor":${String(page.cursor)},"hasMore":${String(page.hasMore)},"lastSeq":${String(page.lastSeq)}}`;
}

async function readPage(db: ServerDb, user: SessionUser, query: z.output<typeof PullQuery>): Promise<Page> {
  const seeAll = SEE_ALL.includes(user.role);
  // A unit's scope is the unit and its sections at any depth (\`mine\`), as the commands allow
  // (\`unitWithin\`): a wydział head deciding a referat's reply needs that referat's cases and
  // replies on his desk; a referat never sees its wydział's or a sibling's rows.
  // One round trip: the counters and the page together (`state` is also the first row's columns).
  // The page's versions (one more than asked, to tell whether more follow) are gathered into an
  // array first and the rows fetched by `version = ANY(array)`: an index lookup per version in
  // every plan. Joining the page as a table let PostgreSQL hash-join the whole change log while
  // its statistics lagged behind the inserts (a sequential scan per pull, growing with the log).
  const rows = await db.query<{ v: number; oldest: number; last_seq: number | null; has_more: boolean } & ({ version: null } | PageRow)>(
    `WITH RECURSIVE mine (code) AS (
       SELECT code FROM units WHERE code = $3 AND NOT $2
       UNION ALL SELECT u.code FROM units u JOIN mine ON u.parent_code = mine.code
     ),
     state AS (
       SELECT (SELECT v FROM sync_version WHERE id = 1) AS v, (SELECT oldest FROM sync_horizon WHERE id = 1) AS oldest,
              (SELECT last_seq FROM sync_clients WHERE client_id = $5 AND user_id = $6) AS last_seq,
              (SELECT coalesce(array_agg(code), '{}') FROM mine) AS units
     ),
     page AS (
       SELECT array_agg(version ORDER BY version) AS versions FROM (
         SELECT DISTINCT version FROM changes, state
         WHERE version > $1 AND version <= state.v AND (scope_unit IS NULL OR $2 OR scope_unit = ANY (state.units) OR also_units && state.units)
           AND ($1 = 0 OR $1 >= state.oldest)
         ORDER BY version LIMIT $4 + 1
       ) visible
     )
     SELECT s.v, s.oldest, s.last_seq, coalesce(cardinality(p.versions) > $4, false) AS has_more,
            c.version, c.entity, c.entity_id, c.op, c.data::text AS data
     FROM state s CROSS JOIN page p
     LEFT JOIN changes c ON c.version = ANY (p.versions[1:$4]) AND (c.scope_unit IS NULL OR $2 OR c.scope_unit = ANY (s.units) OR c.also_units && s.units)
     ORDER BY c.version, c.entity, c.entity_id`,
    [query.cursor, seeAll, user.unitCode ?? '', query.limit, query.clientId, user.id],
  );
  const state = rows[0];
  if (!state) throw new Error('sync state rows missing');
  if (query.cursor !== 0 && query.cursor < state.oldest) throw new CursorTooOldError();
  const found = rows.filter((r): r is typeof r & PageRow => r.version !== null);
  const cursor = state.has_more ? (found.at(-1)?.version ?? query.cursor) : Math.max(state.v, query.cursor);
  return { rows: found, cursor, hasMore: state.has_more, lastSeq: state.last_seq ?? 0 };
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
