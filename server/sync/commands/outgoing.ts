import { z } from 'zod';
import { DeliveryKind, OutgoingChannel, parseRkwNumber, SENDING_ROLES } from '../../../shared/outgoing/outgoing.ts';
import { CommandRejection, requireRole, type CommandContext } from '../command-context.ts';
import { assertLeasedTo, isVoid, NUMBER_REGISTERS } from '../number-registers.ts';
import { unitWithin } from '../unit-tree.ts';

/** A reply entered in a desk's outgoing register: only what the letter's public path shows. */
export const DispatchCommand = z.object({
  letter: z.object({ id: z.uuid(), caseId: z.uuid(), rkwNumber: z.string().min(1).max(60), channel: OutgoingChannel, sentOn: z.iso.date() }),
});

/** Delivery (a date and a kind) or the letter back undelivered, recorded once. */
export const OutcomeCommand = z.union([
  z.object({ id: z.uuid(), deliveredOn: z.iso.date(), deliveryKind: DeliveryKind }),
  z.object({ id: z.uuid(), returnedOn: z.iso.date() }),
]);

/**
 * Who may say a letter of this case was sent: the case's unit, or a registry desk, which posts
 * every unit's mail. The case may already be closed: sending is what closes it.
 */
async function mayRecordFor(ctx: CommandContext, caseId: string): Promise<void> {
  requireRole(ctx.user, SENDING_ROLES);
  const [found] = await ctx.tx.query<{ unit_code: string }>('SELECT unit_code FROM cases WHERE id = $1', [caseId]);
  if (!found) throw new CommandRejection('not_found', 'errors.not_found');
  if (ctx.user.role === 'admin' || ctx.user.role === 'registry_clerk') return;
  if (!(await unitWithin(ctx.tx, found.unit_code, ctx.user.unitCode))) throw new CommandRejection('forbidden', 'errors.forbidden');
}

/**
 * The RKW number must come from a block leased to this client and be used once: the register
 * never holds a number twice, whichever workstation sent the letter.
 */
export async function dispatchCommand(ctx: CommandContext, args: z.output<typeof DispatchCommand>): Promise<null> {
  const l = args.letter;
  await mayRecordFor(ctx, l.caseId);
  const number = parseRkwNumber(l.rkwNumber);
  if (number === null) throw new CommandRejection('bad_number', 'sync.rejections.badRkwNumber');
  await assertLeasedTo(ctx.tx, 'rkw', ctx.clientId, number);
  if (await isVoid(ctx.tx, 'rkw', number)) throw new CommandRejection('number_taken', NUMBER_REGISTERS.rkw.taken, 'conflict');
  const inserted = await ctx.tx.query(
    `INSERT INTO outgoing_letters (id, case_id, rkw_number, desk_code, year, sequence, channel, sent_on, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING id`,
    [l.id, l.caseId, l.rkwNumber, number.deskCode, number.year, number.sequence, l.channel, l.sentOn, ctx.user.displayName],
  );
  if (inserted.length > 0) return null;
  // Nothing written: the letter is already here (the same id), or another holds the number.
  const [holder] = await ctx.tx.query<{ id: string; rkw_number: string; case_id: string; sent_on: string }>(
    'SELECT id, rkw_number, case_id, sent_on::text AS sent_on FROM outgoing_letters WHERE id = $1 OR (desk_code = $2 AND year = $3 AND sequence = $4) ORDER BY id = $1 DESC LIMIT 1',
    [l.id, number.deskCode, number.year, number.sequence],
  );
  if (holder?.id === l.id && holder.rkw_number === l.rkwNumber) return null;
  throw new CommandRejection('number_taken', NUMBER_REGISTERS.rkw.taken, 'conflict', holder ? { id: holder.id, rkwNumber: holder.rkw_number, caseId: holder.case_id, sentOn: holder.sent_on } : null);
}

export async function outcomeCommand(ctx: CommandContext, args: z.output<typeof OutcomeCommand>): Promise<null> {
  const [letter] = await ctx.tx.query<{ case_id: string; sent_on: string; settled: boolean }>(
    'SELECT case_id, sent_on::text AS sent_on, (delivered_on IS NOT NULL OR returned_on IS NOT NULL) AS settled FROM outgoing_letters WHERE id = $1 FOR UPDATE',
    [args.id],
  );
  if (!letter) throw new CommandRejection('not_found', 'errors.not_found');
  await mayRecordFor(ctx, letter.case_id);
  if (letter.settled) throw new CommandRejection('outcome_recorded', 'outgoing.errors.outcomeRecorded', 'conflict');
  const day = 'deliveredOn' in args ? args.deliveredOn : args.returnedOn;
  if (day < letter.sent_on) throw new CommandRejection('before_sent', 'outgoing.errors.beforeSent');
  if ('deliveredOn' in args) {
    await ctx.tx.query('UPDATE outgoing_letters SET delivered_on = $2, delivery_kind = $3 WHERE id = $1', [args.id, args.deliveredOn, args.deliveryKind]);
  } else {
    await ctx.tx.query('UPDATE outgoing_letters SET returned_on = $2 WHERE id = $1', [args.id, args.returnedOn]);
  }
  return null;
}
