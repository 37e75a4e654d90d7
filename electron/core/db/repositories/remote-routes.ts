import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { RouteState } from '../../../../shared/routing.ts';

/** A routing step as other workstations pull it (the server's `item_route` change). */
const RemoteRoute = z.object({
  id: z.string(),
  itemId: z.string(),
  unitCode: z.string(),
  role: z.enum(['lead', 'info']),
  instruction: z.string().nullable(),
  dueDate: z.string().nullable(),
  state: RouteState,
  assigneeLogin: z.string().nullable(),
  returnedReason: z.string().nullable(),
  replacesId: z.string().nullable(),
  routedBy: z.string(),
  routedAt: z.string(),
  actorLogin: z.string(),
  actorName: z.string(),
});

const EVENT_OF: Partial<Record<z.infer<typeof RouteState>, 'assigned' | 'accepted' | 'returned'>> = {
  assigned: 'assigned',
  accepted: 'accepted',
  returned: 'returned',
};

/**
 * Merges a pulled routing step: a new route is inserted (with a `routed` entry in the letter's
 * metryka for a lead route), a known one takes the server's state. Steps about a letter or a unit
 * this workstation does not have are skipped; a step that clashes with one made here and not yet
 * pushed becomes an issue for the clerk rather than overwriting it. Returns the item id if changed.
 */
export function applyRemoteRoute(db: Database, data: unknown, at: string): string | null {
  const parsed = RemoteRoute.safeParse(data);
  if (!parsed.success) return null;
  const r = parsed.data;
  if (!db.prepare('SELECT 1 FROM incoming_items WHERE id = ?').get(r.itemId)) return null;
  if (!db.prepare('SELECT 1 FROM units WHERE code = ?').get(r.unitCode)) return null;
  const assignee = r.assigneeLogin !== null && db.prepare('SELECT 1 FROM people WHERE login = ?').get(r.assigneeLogin) ? r.assigneeLogin : null;
  const known = db.prepare<[string], { state: string }>('SELECT state FROM item_routes WHERE id = ?').get(r.id);
  try {
    if (known) {
      if (known.state === r.state) return null;
      db.prepare('UPDATE item_routes SET state = ?, assignee_login = ?, returned_reason = ?, updated_at = ? WHERE id = ?').run(r.state, assignee, r.returnedReason, at, r.id);
      const kind = EVENT_OF[r.state];
      if (kind) appendRemoteRouteEvent(db, r, kind, at);
      return r.itemId;
    }
    const replaces = r.replacesId === null ? null : db.prepare<[string], number>('SELECT route_no FROM item_routes WHERE id = ?').pluck().get(r.replacesId) ?? null;
    db.prepare(
      `INSERT INTO item_routes (id, item_id, unit_code, role, instruction, due_date, state, assignee_login, returned_reason, replaces_no, routed_at, routed_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(r.id, r.itemId, r.unitCode, r.role, r.instruction, r.dueDate, r.state, assignee, r.returnedReason, replaces, r.routedAt, r.routedBy, at);
    if (r.role === 'lead') appendRemoteRouteEvent(db, r, 'routed', at);
    return r.itemId;
  } catch (error) {
    if (!(error instanceof Error) || !/UNIQUE|FOREIGN KEY/u.test(error.message)) throw error;
    db.prepare(
      `INSERT INTO sync_issues (seq, name, args, status, error_code, error_key, server_data, created_at)
       VALUES (NULL, 'pull.item_route', ?, 'conflict', 'route_clash', 'sync.rejections.routeClash', ?, ?)`,
    ).run(JSON.stringify({ itemId: r.itemId }), JSON.stringify(r), at);
    return null;
  }
}

function appendRemoteRouteEvent(db: Database, r: z.infer<typeof RemoteRoute>, kind: 'routed' | 'assigned' | 'accepted' | 'returned', at: string): void {
  const details = kind === 'routed'
    ? { leadUnitCode: r.unitCode, instruction: r.instruction, dueDate: r.dueDate, rerouted: r.replacesId !== null }
    : kind === 'assigned' ? { unitCode: r.unitCode, assigneeLogin: r.assigneeLogin } : { unitCode: r.unitCode, reason: r.returnedReason };
  db.prepare('INSERT INTO item_events (item_id, at, actor, actor_post, kind, details) VALUES (?, ?, ?, NULL, ?, ?)')
    .run(r.itemId, kind === 'routed' ? r.routedAt : at, r.actorName, kind, JSON.stringify({ ...details, viaServer: true }));
}
