import { z } from 'zod';
import { formatRkwNumber, SENDING_ROLES } from '../../../shared/outgoing/outgoing.ts';
import { formatRpwNumber } from '../../../shared/registry.ts';
import type { NumberRegister } from '../../../shared/sync/protocol.ts';
import { CommandRejection, requireRole, type CommandContext } from '../command-context.ts';
import { assertLeasedTo, NUMBER_REGISTERS } from '../number-registers.ts';
import { REGISTRY_ROLES } from './registry.ts';

export const VoidNumbersCommand = z.object({
  deskCode: z.string(),
  year: z.number().int(),
  sequences: z.array(z.number().int().positive()).min(1).max(1000),
});

const VOIDING = {
  rpw: { roles: REGISTRY_ROLES, format: formatRpwNumber },
  rkw: { roles: SENDING_ROLES, format: formatRkwNumber },
} as const satisfies Record<NumberRegister, unknown>;

/**
 * `rpw.void` / `rkw.void`: numbers of a block leased to this client that ended unused (the year
 * is over) are recorded as void, so the printed register explains every gap. A number already
 * used for a letter is never voided; the change lets the desk's other workstations show the gap too.
 */
export function voidNumbersCommand(register: NumberRegister) {
  const tables = NUMBER_REGISTERS[register];
  const { roles, format } = VOIDING[register];
  return async (ctx: CommandContext, args: z.output<typeof VoidNumbersCommand>): Promise<null> => {
    requireRole(ctx.user, roles);
    for (const sequence of args.sequences) {
      const number = { deskCode: args.deskCode, year: args.year, sequence };
      await assertLeasedTo(ctx.tx, register, ctx.clientId, number);
      const used = await ctx.tx.query(`SELECT 1 FROM ${tables.entries} WHERE desk_code = $1 AND year = $2 AND sequence = $3`, [args.deskCode, args.year, sequence]);
      if (used.length > 0) throw new CommandRejection('number_taken', tables.taken, 'conflict');
      await ctx.tx.query(`INSERT INTO ${tables.void} (desk_code, year, sequence, voided_by) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [args.deskCode, args.year, sequence, ctx.user.id]);
      const id = format(args.deskCode, sequence, args.year);
      ctx.change({ entity: `${register}_void`, id, op: 'upsert', scopeUnit: null, data: { deskCode: args.deskCode, year: args.year, sequence, [`${register}Number`]: id } });
    }
    return null;
  };
}
