import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { IncomingItem } from '../../../shared/registry.ts';
import { CommandRejection, requireRole, type CommandContext } from '../command-context.ts';
import { itemScope } from '../item-scope.ts';

/**
 * Registry commands as the server applies them. The workstation numbered the letter from a block
 * it leased, so the number is final on paper at once; the server checks the block is that
 * client's and the number unused (registration itself: register-item.ts).
 */

export const REGISTRY_ROLES = ['admin', 'registry_clerk'] as const;

export const CancelCommand = z.object({ id: z.uuid(), reason: z.string().trim().min(3).max(500) });

/** The change other workstations pull: the item without its PIN (only its receipt shows it). */
export function publicItem(item: IncomingItem): Omit<IncomingItem, 'trackingPin'> {
  const { trackingPin: _pin, ...rest } = item;
  return rest;
}

export function pinHash(key: string, trackingCode: string, pin: string): string {
  return createHmac('sha256', key).update(`${trackingCode}:${pin}`).digest('hex');
}

export async function cancelCommand(ctx: CommandContext, args: z.output<typeof CancelCommand>): Promise<null> {
  requireRole(ctx.user, REGISTRY_ROLES);
  const [row] = await ctx.tx.query<{ status: string; item: IncomingItem }>('SELECT status, item FROM incoming_items WHERE id = $1 FOR UPDATE', [args.id]);
  if (!row) throw new CommandRejection('not_found', 'errors.not_found');
  if (row.status !== 'registered') throw new CommandRejection('already_cancelled', 'sync.rejections.alreadyCancelled', 'conflict', row.item);
  // Who cancelled and when travel with the item, for the metryka on other workstations.
  const item = { ...row.item, status: 'cancelled' as const, cancelReason: args.reason, cancelledAt: new Date().toISOString(), cancelledBy: ctx.user.displayName };
  await ctx.tx.query("UPDATE incoming_items SET status = 'cancelled', item = $2, cancelled_at = now() WHERE id = $1", [args.id, JSON.stringify(item)]);
  // Everyone who sees the letter learns it was cancelled: its desk's unit and, when restricted, the units it was routed to.
  const scope = await itemScope(ctx.tx, args.id);
  ctx.change({ entity: 'incoming_item', id: args.id, op: 'upsert', scopeUnit: scope?.scopeUnit ?? null, alsoUnits: scope?.alsoUnits ?? [], data: item });
  return null;
}
