import type { Database } from 'better-sqlite3';
import type { Inbox, Route, RouteItem, RouteState } from '../../../../shared/routing.ts';
import type { Actor } from './cases.ts';
import { Refusal } from './refusal.ts';
import { enqueueCommand } from './outbox.ts';

const LIVE: readonly RouteState[] = ['waiting', 'assigned', 'accepted'];

/**
 * Routes a registered item: one lead unit, optionally others for information. If the item's
 * lead route came back returned, this is a re-routing: the new route points at the old one, and
 * the old one is marked `rerouted`, so the path keeps every step.
 */
export function routeItem(db: Database, args: { input: RouteItem; ids: { lead: string; info: readonly string[] }; at: string; actor: Actor; outbox: boolean }): Route[] {
  const run = db.transaction((): Route[] => {
    const { input } = args;
    const item = db.prepare<[string], { status: string }>('SELECT status FROM incoming_items WHERE id = ?').get(input.itemId);
    if (!item) throw new Refusal('errors.not_found');
    if (item.status !== 'registered') throw new Refusal('routing.itemCancelled');
    for (const code of [input.leadUnitCode, ...input.infoUnitCodes]) {
      if (!db.prepare('SELECT 1 FROM units WHERE code = ? AND active = 1').get(code)) throw new Refusal('routing.unknownUnit');
    }
    const live = db.prepare<[string], { route_no: number }>(
      `SELECT route_no FROM item_routes WHERE item_id = ? AND role = 'lead' AND state IN ('waiting', 'assigned', 'accepted')`,
    ).get(input.itemId);
    if (live) throw new Refusal('routing.alreadyRouted');
    const returned = db.prepare<[string], { route_no: number }>(
      `SELECT route_no FROM item_routes WHERE item_id = ? AND role = 'lead' AND state = 'returned' ORDER BY route_no DESC LIMIT 1`,
    ).get(input.itemId);
    if (returned) db.prepare("UPDATE item_routes SET state = 'rerouted', updated_at = ? WHERE route_no = ?").run(args.at, returned.route_no);
    const insert = db.prepare(
      `INSERT INTO item_routes (id, item_id, unit_code, role, instruction, due_date, state, replaces_no, routed_at, routed_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'waiting', ?, ?, ?, ?)`,
    );
    insert.run(args.ids.lead, input.itemId, input.leadUnitCode, 'lead', input.instruction, input.dueDate, returned?.route_no ?? null, args.at, args.actor.login, args.at);
    input.infoUnitCodes.forEach((code, i) => {
      insert.run(args.ids.info[i], input.itemId, code, 'info', input.instruction, null, null, args.at, args.actor.login, args.at);
    });
    if (args.outbox) {
      enqueueCommand(db, args.actor.login, 'routing.route', {
        itemId: input.itemId,
        routes: [
          { id: args.ids.lead, unitCode: input.leadUnitCode, role: 'lead', instruction: input.instruction, dueDate: input.dueDate },
          ...input.infoUnitCodes.map((code, i) => ({ id: args.ids.info[i], unitCode: code, role: 'info', instruction: input.instruction, dueDate: null })),
        ],
      }, args.at);
    }
    appendItemEvent(db, input.itemId, args.at, args.actor, 'routed', {
      leadUnitCode: input.leadUnitCode, infoUnitCodes: input.infoUnitCodes, instruction: input.instruction, dueDate: input.dueDate, rerouted: returned !== undefined,
    });
    return itemRoutes(db, input.itemId);
  });
  return run.immediate();
}

/** The unit head gives a waiting (or returned-to-them) lead route to a clerk of the unit. */
export function assignRoute(db: Database, args: { routeId: string; assigneeLogin: string; at: string; actor: Actor; outbox: boolean }): Route {
  const run = db.transaction((): Route => {
    const route = routeRow(db, args.routeId);
    if (route.role !== 'lead' || (route.state !== 'waiting' && route.state !== 'assigned')) throw new Refusal('routing.notAssignable');
    const assignee = db.prepare<[string], { unit_code: string }>('SELECT unit_code FROM people WHERE login = ? AND active = 1').get(args.assigneeLogin);
    if (!assignee) throw new Refusal('routing.unknownPerson');
    if (!inUnitTree(db, assignee.unit_code, route.unit_code)) throw new Refusal('routing.assigneeOutsideUnit');
    db.prepare("UPDATE item_routes SET state = 'assigned', assignee_login = ?, updated_at = ? WHERE id = ?").run(args.assigneeLogin, args.at, args.routeId);
    appendItemEvent(db, route.item_id, args.at, args.actor, 'assigned', { unitCode: route.unit_code, assigneeLogin: args.assigneeLogin });
    if (args.outbox) enqueueCommand(db, args.actor.login, 'routing.assign', { routeId: args.routeId, assigneeLogin: args.assigneeLogin }, args.at);
    return readRoute(db, args.routeId);
  });
  return run.immediate();
}

/** The clerk takes the item on. Only the person it was given to may. */
export function acceptRoute(db: Database, args: { routeId: string; at: string; actor: Actor; outbox: boolean }): Route {
  const run = db.transaction((): Route => {
    const route = routeRow(db, args.routeId);
    if (route.state !== 'assigned' || route.assignee_login !== args.actor.login) throw new Refusal('routing.notYours');
    db.prepare("UPDATE item_routes SET state = 'accepted', updated_at = ? WHERE id = ?").run(args.at, args.routeId);
    appendItemEvent(db, route.item_id, args.at, args.actor, 'accepted', { unitCode: route.unit_code });
    if (args.outbox) enqueueCommand(db, args.actor.login, 'routing.accept', { routeId: args.routeId }, args.at);
    return readRoute(db, args.routeId);
  });
  return run.immediate();
}

/**
 * Returns a lead route as not this unit's competence (or wrongly assigned), with the reason. It
 * then sits in the inbox of whoever routed it, until they route it again.
 */
export function returnRoute(db: Database, args: { routeId: string; reason: string; at: string; actor: Actor; outbox: boolean }): Route {
  const run = db.transaction((): Route => {
    const route = routeRow(db, args.routeId);
    if (route.role !== 'lead' || !LIVE.includes(route.state)) throw new Refusal('routing.notReturnable');
    db.prepare("UPDATE item_routes SET state = 'returned', returned_reason = ?, updated_at = ? WHERE id = ?").run(args.reason, args.at, args.routeId);
    appendItemEvent(db, route.item_id, args.at, args.actor, 'returned', { unitCode: route.unit_code, reason: args.reason });
    if (args.outbox) enqueueCommand(db, args.actor.login, 'routing.return', { routeId: args.routeId, reason: args.reason }, args.at);
    return readRoute(db, args.routeId);
  });
  return run.immediate();
}

/** Every route of an item, oldest first: its path through the organisation. */
export function itemRoutes(db: Database, itemId: string): Route[] {
  return db.prepare<[string], RouteRecord>(`${ROUTE_SELECT} WHERE r.item_id = ? ORDER BY r.route_no`).all(itemId).map(toRoute);
}

/**
 * One person's inbox (what waits for me, what I sent on, what came back), including the inboxes
 * of the people they stand in for today (zastępstwa).
 */
export function inbox(db: Database, args: { login: string; today: string; limit: number }): Inbox {
  const logins = [args.login, ...db.prepare<[string, string, string], string>(
    'SELECT absent_login FROM substitutions WHERE substitute_login = ? AND from_date <= ? AND to_date >= ?',
  ).pluck().all(args.login, args.today, args.today)];
  const marks = logins.map(() => '?').join(', ');
  // Units where any of these people is the head (with their sections).
  const headed = `WITH RECURSIVE headed (code) AS (
      SELECT p.unit_code FROM people p JOIN person_roles r ON r.login = p.login AND r.role = 'unit_head' WHERE p.login IN (${marks}) AND p.active = 1
      UNION SELECT u.code FROM units u JOIN headed h ON u.parent_code = h.code
    ) `;
  const list = (where: string, params: readonly (string | number)[], withHeaded = false): Route[] =>
    db.prepare<(string | number)[], RouteRecord>(`${withHeaded ? headed : ''}${ROUTE_SELECT} WHERE ${where} ORDER BY coalesce(r.due_date, '9999-12-31'), r.route_no LIMIT ?`)
      .all(...params, args.limit)
      .map(toRoute);
  const toAssign = list(`r.role = 'lead' AND r.state = 'waiting' AND r.unit_code IN (SELECT code FROM headed)`, logins, true);
  const forInformation = list(`r.role = 'info' AND r.state = 'waiting' AND r.unit_code IN (SELECT code FROM headed)`, logins, true);
  const toAccept = list(`r.state = 'assigned' AND r.assignee_login IN (${marks})`, logins);
  const inProgress = list(`r.state = 'accepted' AND r.assignee_login IN (${marks})`, logins);
  const sent = list(`r.role = 'lead' AND r.state IN ('waiting', 'assigned') AND r.routed_by IN (${marks})`, logins);
  const returned = list(`r.state = 'returned' AND r.routed_by IN (${marks})`, logins);
  const overdueCount = [...toAssign, ...toAccept, ...inProgress].filter((r) => r.dueDate !== null && r.dueDate < args.today).length;
  return { toAssign, toAccept, inProgress, forInformation, sent, returned, overdueCount };
}

const ROUTE_SELECT = `
  SELECT r.*, i.rpw_number, i.subject, i.sender_name, u.name AS unit_name, a.display_name AS assignee_name,
         b.display_name AS router_name, prev.id AS replaces_id
  FROM item_routes r
  JOIN incoming_items i ON i.id = r.item_id
  JOIN units u ON u.code = r.unit_code
  LEFT JOIN people a ON a.login = r.assignee_login
  LEFT JOIN people b ON b.login = r.routed_by
  LEFT JOIN item_routes prev ON prev.route_no = r.replaces_no`;

interface RouteRecord {
  route_no: number;
  id: string;
  item_id: string;
  unit_code: string;
  role: 'lead' | 'info';
  instruction: string | null;
  due_date: string | null;
  state: RouteState;
  assignee_login: string | null;
  returned_reason: string | null;
  routed_at: string;
  routed_by: string;
  rpw_number: string;
  subject: string | null;
  sender_name: string | null;
  unit_name: string;
  assignee_name: string | null;
  router_name: string | null;
  replaces_id: string | null;
}

function toRoute(r: RouteRecord): Route {
  return {
    id: r.id,
    itemId: r.item_id,
    rpwNumber: r.rpw_number,
    subject: r.subject,
    senderName: r.sender_name,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    role: r.role,
    instruction: r.instruction,
    dueDate: r.due_date,
    state: r.state,
    assigneeLogin: r.assignee_login,
    assigneeName: r.assignee_name,
    returnedReason: r.returned_reason,
    replacesId: r.replaces_id,
    routedAt: r.routed_at,
    routedBy: r.routed_by,
    routedByName: r.router_name,
  };
}

function routeRow(db: Database, id: string): { item_id: string; unit_code: string; role: 'lead' | 'info'; state: RouteState; assignee_login: string | null } {
  const row = db.prepare<[string], { item_id: string; unit_code: string; role: 'lead' | 'info'; state: RouteState; assignee_login: string | null }>(
    'SELECT item_id, unit_code, role, state, assignee_login FROM item_routes WHERE id = ?',
  ).get(id);
  if (!row) throw new Refusal('errors.not_found');
  return row;
}

function readRoute(db: Database, id: string): Route {
  const record = db.prepare<[string], RouteRecord>(`${ROUTE_SELECT} WHERE r.id = ?`).get(id);
  if (!record) throw new Refusal('errors.not_found');
  return toRoute(record);
}

/** True when `unitCode` is `rootCode` or one of its sections, at any depth. */
function inUnitTree(db: Database, unitCode: string, rootCode: string): boolean {
  return db.prepare<[string, string], number>(
    `WITH RECURSIVE up (code, parent_code) AS (
       SELECT code, parent_code FROM units WHERE code = ?
       UNION ALL SELECT u.code, u.parent_code FROM units u JOIN up ON u.code = up.parent_code
     ) SELECT count(*) FROM up WHERE code = ?`,
  ).pluck().get(unitCode, rootCode) === 1;
}

function appendItemEvent(db: Database, itemId: string, at: string, actor: Actor, kind: 'routed' | 'assigned' | 'accepted' | 'returned', details: Record<string, unknown>): void {
  db.prepare('INSERT INTO item_events (item_id, at, actor, actor_post, kind, details) VALUES (?, ?, ?, ?, ?, ?)')
    .run(itemId, at, actor.name, actor.post, kind, JSON.stringify(details));
}
