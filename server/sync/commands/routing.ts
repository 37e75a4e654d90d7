import { z } from 'zod';
import { CommandRejection, requireRole, type CommandContext } from '../command-context.ts';
import { unitWithin } from '../unit-tree.ts';
import { logLetterForItsAudience } from './letter-audience.ts';

/**
 * Dekretacja commands as the server checks them: who may route, assign, accept and return, and
 * whether the route is in a state that allows it. Each transition is logged as an `item_route`
 * change for the unit it concerns, and feeds the letter's public tracking path.
 */

const RouteSpec = z.object({
  id: z.uuid(),
  unitCode: z.string().min(1),
  role: z.enum(['lead', 'info']),
  instruction: z.string().max(1000).nullable(),
  dueDate: z.iso.date().nullable(),
});

export const RouteCommand = z.object({ itemId: z.uuid(), routes: z.array(RouteSpec).min(1).max(21) });
export const AssignCommand = z.object({ routeId: z.uuid(), assigneeLogin: z.string().min(1) });
export const AcceptCommand = z.object({ routeId: z.uuid() });
export const ReturnCommand = z.object({ routeId: z.uuid(), reason: z.string().min(3).max(1000) });

interface RouteRow {
  id: string;
  item_id: string;
  unit_code: string;
  role: 'lead' | 'info';
  instruction: string | null;
  due_on: string | null;
  state: string;
  assignee_login: string | null;
  returned_reason: string | null;
  replaces_id: string | null;
  routed_by: string;
  routed_at: string;
}

async function scopeOf(ctx: CommandContext, itemId: string): Promise<{ accessLevel: string; deskUnit: string | null }> {
  const [row] = await ctx.tx.query<{ access: string; unit_code: string | null }>(
    "SELECT i.item->>'accessLevel' AS access, d.unit_code FROM incoming_items i LEFT JOIN desks d ON d.code = i.desk_code WHERE i.id = $1",
    [itemId],
  );
  return { accessLevel: row?.access ?? 'public', deskUnit: row?.unit_code ?? null };
}

async function logRoute(ctx: CommandContext, routeId: string): Promise<void> {
  // The due date read as text: pg turns a date into local midnight, which a server east of UTC
  // would print as the day before.
  const [route] = await ctx.tx.query<RouteRow>('SELECT *, due_date::text AS due_on FROM item_routes WHERE id = $1', [routeId]);
  if (!route) return;
  // A route is seen by the unit it was sent to; a public letter's routes by everyone who sees the letter.
  const { accessLevel } = await scopeOf(ctx, route.item_id);
  ctx.change({
    entity: 'item_route', id: route.id, op: 'upsert', scopeUnit: accessLevel === 'public' ? null : route.unit_code,
    data: {
      id: route.id, itemId: route.item_id, unitCode: route.unit_code, role: route.role, instruction: route.instruction,
      dueDate: route.due_on, state: route.state,
      assigneeLogin: route.assignee_login, returnedReason: route.returned_reason, replacesId: route.replaces_id,
      routedBy: route.routed_by, routedAt: new Date(route.routed_at).toISOString(), actorLogin: ctx.user.login, actorName: ctx.user.displayName,
    },
  });
}

async function routeFor(ctx: CommandContext, routeId: string): Promise<RouteRow> {
  const [route] = await ctx.tx.query<RouteRow>('SELECT * FROM item_routes WHERE id = $1 FOR UPDATE', [routeId]);
  if (!route) throw new CommandRejection('not_found', 'errors.not_found');
  return route;
}

export async function routeCommand(ctx: CommandContext, args: z.output<typeof RouteCommand>): Promise<null> {
  requireRole(ctx.user, ['admin', 'registry_clerk', 'unit_head', 'supervisor']);
  const [item] = await ctx.tx.query<{ status: string }>('SELECT status FROM incoming_items WHERE id = $1', [args.itemId]);
  if (!item) throw new CommandRejection('not_found', 'errors.not_found');
  if (item.status !== 'registered') throw new CommandRejection('item_cancelled', 'routing.itemCancelled', 'conflict');
  const [live] = await ctx.tx.query("SELECT 1 FROM item_routes WHERE item_id = $1 AND role = 'lead' AND state IN ('waiting', 'assigned', 'accepted')", [args.itemId]);
  if (live && args.routes.some((r) => r.role === 'lead')) throw new CommandRejection('already_routed', 'routing.alreadyRouted', 'conflict');
  const [returned] = await ctx.tx.query<{ id: string }>("SELECT id FROM item_routes WHERE item_id = $1 AND role = 'lead' AND state = 'returned' ORDER BY routed_at DESC LIMIT 1", [args.itemId]);
  if (returned) {
    await ctx.tx.query("UPDATE item_routes SET state = 'rerouted', updated_at = now() WHERE id = $1", [returned.id]);
    await logRoute(ctx, returned.id);
  }
  for (const r of args.routes) {
    const unit = await ctx.tx.query('SELECT 1 FROM units WHERE code = $1', [r.unitCode]);
    if (unit.length === 0) throw new CommandRejection('unknown_unit', 'routing.unknownUnit');
    await ctx.tx.query(
      `INSERT INTO item_routes (id, item_id, unit_code, role, instruction, due_date, state, replaces_id, routed_by) VALUES ($1, $2, $3, $4, $5, $6, 'waiting', $7, $8)`,
      [r.id, args.itemId, r.unitCode, r.role, r.instruction, r.dueDate, r.role === 'lead' ? (returned?.id ?? null) : null, ctx.user.login],
    );
    await logRoute(ctx, r.id);
  }
  // A restricted letter now reaches the units it was routed to, with its documents.
  await logLetterForItsAudience(ctx, args.itemId);
  return null;
}

export async function assignCommand(ctx: CommandContext, args: z.output<typeof AssignCommand>): Promise<null> {
  requireRole(ctx.user, ['admin', 'unit_head']);
  const route = await routeFor(ctx, args.routeId);
  if (ctx.user.role !== 'admin' && !(await unitWithin(ctx.tx, route.unit_code, ctx.user.unitCode))) throw new CommandRejection('forbidden', 'errors.forbidden');
  if (route.role !== 'lead' || (route.state !== 'waiting' && route.state !== 'assigned')) throw new CommandRejection('not_assignable', 'routing.notAssignable', 'conflict');
  await ctx.tx.query("UPDATE item_routes SET state = 'assigned', assignee_login = $2, updated_at = now() WHERE id = $1", [args.routeId, args.assigneeLogin]);
  await logRoute(ctx, args.routeId);
  return null;
}

export async function acceptCommand(ctx: CommandContext, args: z.output<typeof AcceptCommand>): Promise<null> {
  const route = await routeFor(ctx, args.routeId);
  if (route.state !== 'assigned' || route.assignee_login !== ctx.user.login) throw new CommandRejection('not_yours', 'routing.notYours', 'conflict');
  await ctx.tx.query("UPDATE item_routes SET state = 'accepted', accepted_at = now(), updated_at = now() WHERE id = $1", [args.routeId]);
  await logRoute(ctx, args.routeId);
  return null;
}

export async function returnCommand(ctx: CommandContext, args: z.output<typeof ReturnCommand>): Promise<null> {
  const route = await routeFor(ctx, args.routeId);
  const mayReturn = ctx.user.role === 'admin' || route.assignee_login === ctx.user.login || (await unitWithin(ctx.tx, route.unit_code, ctx.user.unitCode));
  if (!mayReturn) throw new CommandRejection('forbidden', 'errors.forbidden');
  if (route.role !== 'lead' || !['waiting', 'assigned', 'accepted'].includes(route.state)) throw new CommandRejection('not_returnable', 'routing.notReturnable', 'conflict');
  await ctx.tx.query("UPDATE item_routes SET state = 'returned', returned_reason = $2, updated_at = now() WHERE id = $1", [args.routeId, args.reason]);
  await logRoute(ctx, args.routeId);
  return null;
}
