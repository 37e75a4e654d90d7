import { z } from 'zod';
import { formatRpwNumber, IncomingItem } from '../../../shared/registry.ts';
import { CommandRejection, requireRole } from '../command-context.ts';
import { outcomeOf, type Outcome, type OutcomeRow } from '../exactly-once.ts';
import type { OneCallContext } from './index.ts';
import { pinHash, publicItem, REGISTRY_ROLES } from './registry.ts';

export const RegisterCommand = z.object({ item: IncomingItem });

/**
 * `registry.register`, the registry desk's bulk command, in one database call: the role and the
 * number's format are checked here; `sync_push_register` (migration 7) claims the seq, checks the
 * number comes from a block leased to this client and is unused, keeps the letter (its PIN only
 * as an HMAC), logs the change for its scope and records the result, all in one transaction.
 */
export async function pushRegistration(ctx: OneCallContext, args: z.output<typeof RegisterCommand>): Promise<Outcome> {
  requireRole(ctx.user, REGISTRY_ROLES);
  const { item } = args;
  if (item.rpwNumber !== formatRpwNumber(item.deskCode, item.sequence, item.year)) {
    throw new CommandRejection('bad_number', 'sync.rejections.badNumber');
  }
  const [row] = await ctx.db.query<OutcomeRow>('SELECT * FROM sync_push_register($1, $2, $3, $4, $5, $6)', [
    ctx.gate.clientId, ctx.gate.userId, ctx.gate.seq, ctx.gate.name, JSON.stringify(publicItem(item)),
    pinHash(ctx.secrets.trackingPinKey, item.trackingCode, item.trackingPin),
  ]);
  return outcomeOf(row, ctx.gate.seq);
}
