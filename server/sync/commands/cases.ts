import { z } from 'zod';
import { formatCaseSign } from '../../../shared/cases.ts';
import { CommandRejection, requireRole, type CommandContext } from '../command-context.ts';
import { unitWithin } from '../unit-tree.ts';

export const OpenCaseCommand = z.object({
  case: z.object({
    id: z.uuid(),
    unitCode: z.string().min(1),
    jrwaSymbol: z.string().regex(/^\d{1,4}$/u),
    title: z.string().min(1).max(500),
    matterType: z.string().min(1),
    startedOn: z.iso.date(),
    /** The letters it was opened from (those the server has). */
    itemIds: z.array(z.uuid()).max(50).default([]),
  }),
});

const CASE_ROLES = ['admin', 'clerk', 'unit_head', 'registry_clerk'] as const;

/**
 * Numbers a case opened on a workstation: the next number for (unit, class, year), in the same
 * transaction as the case row, so no sign is ever given twice. The workstation shows the sign
 * once this result comes back; until then the case is provisional there.
 */
export async function openCaseCommand(ctx: CommandContext, args: z.output<typeof OpenCaseCommand>): Promise<{ number: number; sign: string }> {
  requireRole(ctx.user, CASE_ROLES);
  const c = args.case;
  const unit = await ctx.tx.query('SELECT 1 FROM units WHERE code = $1', [c.unitCode]);
  if (unit.length === 0) throw new CommandRejection('unknown_unit', 'cases.unknownUnit');
  if (ctx.user.role !== 'admin' && !(await unitWithin(ctx.tx, c.unitCode, ctx.user.unitCode))) throw new CommandRejection('forbidden', 'errors.forbidden');
  const year = Number(c.startedOn.slice(0, 4));
  const [counter] = await ctx.tx.query<{ last_no: number }>(
    `INSERT INTO case_sign_counters (unit_code, jrwa_symbol, year, last_no) VALUES ($1, $2, $3, 1)
     ON CONFLICT (unit_code, jrwa_symbol, year) DO UPDATE SET last_no = case_sign_counters.last_no + 1 RETURNING last_no`,
    [c.unitCode, c.jrwaSymbol, year],
  );
  if (!counter) throw new Error('case counter row missing');
  const sign = formatCaseSign(c.unitCode, c.jrwaSymbol, counter.last_no, year);
  await ctx.tx.query(
    `INSERT INTO cases (id, unit_code, jrwa_symbol, year, number, sign, title, matter_type, started_on, status, opened_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open', $10)`,
    [c.id, c.unitCode, c.jrwaSymbol, year, counter.last_no, sign, c.title, c.matterType, c.startedOn, ctx.user.id],
  );
  // Letters pushed earlier are on the server; one still waiting on another desk is simply not linked.
  await ctx.tx.query(
    'INSERT INTO case_items (case_id, item_id) SELECT $1, id FROM incoming_items WHERE id = ANY($2::uuid[]) ON CONFLICT DO NOTHING',
    [c.id, c.itemIds],
  );
  ctx.change({ entity: 'case', id: c.id, op: 'upsert', scopeUnit: c.unitCode, data: { ...c, year, number: counter.last_no, sign, status: 'open' } });
  return { number: counter.last_no, sign };
}
