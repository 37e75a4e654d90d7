import { z } from 'zod';
import { formatCaseSign } from '../../../shared/cases.ts';
import { CommandRejection, requireRole, type CommandContext } from '../command-context.ts';
import { unitWithin } from '../unit-tree.ts';
import { approverUnitsOfCase } from './case-audience.ts';

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
    /** Who handles it; absent from workstations older than case sync. */
    handlerLogin: z.string().min(1).max(100).nullable().default(null),
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
    `INSERT INTO cases (id, unit_code, jrwa_symbol, year, number, sign, title, matter_type, started_on, status, opened_by, handler_login)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open', $10, $11)`,
    [c.id, c.unitCode, c.jrwaSymbol, year, counter.last_no, sign, c.title, c.matterType, c.startedOn, ctx.user.id, c.handlerLogin],
  );
  // Letters pushed earlier are on the server; one still waiting on another desk is simply not linked.
  await ctx.tx.query(
    'INSERT INTO case_items (case_id, item_id, attached_by, attached_at) SELECT $1, id, $3, now() FROM incoming_items WHERE id = ANY($2::uuid[]) ON CONFLICT DO NOTHING',
    [c.id, c.itemIds, ctx.user.displayName],
  );
  await logCaseChange(ctx, c.id);
  return { number: counter.last_no, sign };
}

export const PauseCaseCommand = z.object({ caseId: z.uuid(), from: z.iso.date(), reason: z.string().min(1).max(500) });
export const ResumeCaseCommand = z.object({ caseId: z.uuid(), to: z.iso.date() });
export const ExtendCaseCommand = z.object({ caseId: z.uuid(), noticeOn: z.iso.date(), newDate: z.iso.date(), reason: z.string().min(1).max(1000) });
export const CloseCaseCommand = z.object({ caseId: z.uuid(), settlement: z.string().trim().min(3).max(1000) });
export const AttachItemCommand = z.object({ caseId: z.uuid(), itemId: z.uuid() });
export const CaseNoteCommand = z.object({ caseId: z.uuid(), noteId: z.uuid(), text: z.string().trim().min(1).max(5000) });

/** The case, if the clerk belongs to its unit; refusals otherwise. */
async function ownCase(ctx: CommandContext, caseId: string): Promise<{ started_on: string; status: string }> {
  requireRole(ctx.user, CASE_ROLES);
  const [found] = await ctx.tx.query<{ unit_code: string; started_on: string; status: string }>('SELECT unit_code, started_on::text AS started_on, status FROM cases WHERE id = $1 FOR UPDATE', [caseId]);
  if (!found) throw new CommandRejection('not_found', 'errors.not_found');
  if (ctx.user.role !== 'admin' && !(await unitWithin(ctx.tx, found.unit_code, ctx.user.unitCode))) throw new CommandRejection('forbidden', 'errors.forbidden');
  if (found.status !== 'open') throw new CommandRejection('closed', 'cases.closedReadOnly', 'conflict');
  return found;
}

export async function pauseCaseCommand(ctx: CommandContext, args: z.output<typeof PauseCaseCommand>): Promise<null> {
  const found = await ownCase(ctx, args.caseId);
  if (args.from < found.started_on) throw new CommandRejection('pause_before_start', 'cases.pauseBeforeStart');
  const open = await ctx.tx.query('SELECT 1 FROM case_pauses WHERE case_id = $1 AND to_date IS NULL', [args.caseId]);
  if (open.length > 0) throw new CommandRejection('already_paused', 'cases.alreadyPaused', 'conflict');
  await ctx.tx.query('INSERT INTO case_pauses (case_id, from_date, reason, paused_by) VALUES ($1, $2, $3, $4)', [args.caseId, args.from, args.reason, ctx.user.displayName]);
  await logCaseChange(ctx, args.caseId);
  return null;
}

export async function resumeCaseCommand(ctx: CommandContext, args: z.output<typeof ResumeCaseCommand>): Promise<null> {
  await ownCase(ctx, args.caseId);
  const [pause] = await ctx.tx.query<{ from_date: string }>('SELECT from_date::text AS from_date FROM case_pauses WHERE case_id = $1 AND to_date IS NULL', [args.caseId]);
  if (!pause) throw new CommandRejection('not_paused', 'cases.notPaused', 'conflict');
  if (args.to < pause.from_date) throw new CommandRejection('period_reversed', 'validation.periodReversed');
  await ctx.tx.query('UPDATE case_pauses SET to_date = $3, resumed_by = $4 WHERE case_id = $1 AND from_date = $2', [args.caseId, pause.from_date, args.to, ctx.user.displayName]);
  await logCaseChange(ctx, args.caseId);
  return null;
}

export async function extendCaseCommand(ctx: CommandContext, args: z.output<typeof ExtendCaseCommand>): Promise<null> {
  await ownCase(ctx, args.caseId);
  if (args.newDate <= args.noticeOn) throw new CommandRejection('extension_not_later', 'cases.extensionNotLater');
  await ctx.tx.query('INSERT INTO case_extensions (case_id, notice_on, new_date, reason, added_by) VALUES ($1, $2, $3, $4, $5)', [args.caseId, args.noticeOn, args.newDate, args.reason, ctx.user.displayName]);
  await logCaseChange(ctx, args.caseId);
  return null;
}

/** Closes a case with how it was settled; a second close (from another desk) is a conflict. */
export async function closeCaseCommand(ctx: CommandContext, args: z.output<typeof CloseCaseCommand>): Promise<null> {
  await ownCase(ctx, args.caseId);
  await ctx.tx.query("UPDATE cases SET status = 'closed', settlement = $2, closed_at = now(), closed_by = $3 WHERE id = $1", [args.caseId, args.settlement, ctx.user.displayName]);
  await logCaseChange(ctx, args.caseId);
  return null;
}

/** Another letter joins an open case; a letter the server does not have is refused, not lost. */
export async function attachItemCommand(ctx: CommandContext, args: z.output<typeof AttachItemCommand>): Promise<null> {
  await ownCase(ctx, args.caseId);
  const item = await ctx.tx.query('SELECT 1 FROM incoming_items WHERE id = $1', [args.itemId]);
  if (item.length === 0) throw new CommandRejection('unknown_item', 'cases.unknownItem');
  await ctx.tx.query('INSERT INTO case_items (case_id, item_id, attached_by, attached_at) VALUES ($1, $2, $3, now()) ON CONFLICT DO NOTHING', [args.caseId, args.itemId, ctx.user.displayName]);
  await logCaseChange(ctx, args.caseId);
  return null;
}

/** A note on an open case; the same note id twice is one note. */
export async function caseNoteCommand(ctx: CommandContext, args: z.output<typeof CaseNoteCommand>): Promise<null> {
  await ownCase(ctx, args.caseId);
  await ctx.tx.query(
    'INSERT INTO case_notes (id, case_id, text, author_login, author_name) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING',
    [args.noteId, args.caseId, args.text, ctx.user.login, ctx.user.displayName],
  );
  await logCaseChange(ctx, args.caseId);
  return null;
}

/**
 * Logs the whole case as it now stands, for the desks of its unit (and of people named in its
 * replies' akceptacja chains): each change carries everything a desk needs to show it (so
 * compaction may keep only the latest), never a delta to replay.
 */
export async function logCaseChange(ctx: CommandContext, caseId: string): Promise<void> {
  const [row] = await ctx.tx.query<{ snapshot: { unitCode: string } & Record<string, unknown> }>(
    `SELECT json_build_object(
       'id', c.id, 'unitCode', c.unit_code, 'jrwaSymbol', c.jrwa_symbol, 'year', c.year, 'number', c.number, 'sign', c.sign,
       'title', c.title, 'matterType', c.matter_type, 'startedOn', c.started_on::text, 'status', c.status,
       'handlerLogin', c.handler_login, 'settlement', c.settlement, 'closedAt', c.closed_at, 'closedBy', c.closed_by,
       'openedAt', c.opened_at, 'openedByLogin', u.login, 'openedByName', u.display_name,
       'itemIds', coalesce((SELECT json_agg(ci.item_id ORDER BY ci.item_id) FROM case_items ci WHERE ci.case_id = c.id), '[]'),
       'items', coalesce((SELECT json_agg(json_build_object('id', ci.item_id, 'attachedBy', ci.attached_by, 'attachedAt', ci.attached_at) ORDER BY ci.item_id)
                          FROM case_items ci WHERE ci.case_id = c.id), '[]'),
       'pauses', coalesce((SELECT json_agg(json_build_object('from', p.from_date::text, 'to', p.to_date::text, 'reason', p.reason, 'pausedBy', p.paused_by, 'resumedBy', p.resumed_by) ORDER BY p.from_date)
                           FROM case_pauses p WHERE p.case_id = c.id), '[]'),
       'extensions', coalesce((SELECT json_agg(json_build_object('noticeOn', e.notice_on::text, 'newDate', e.new_date::text, 'reason', e.reason, 'addedBy', e.added_by) ORDER BY e.added_at, e.new_date)
                               FROM case_extensions e WHERE e.case_id = c.id), '[]'),
       'notes', coalesce((SELECT json_agg(json_build_object('id', n.id, 'text', n.text, 'authorLogin', n.author_login, 'authorName', n.author_name, 'at', n.added_at) ORDER BY n.added_at, n.id)
                          FROM case_notes n WHERE n.case_id = c.id), '[]')
     ) AS snapshot
     FROM cases c JOIN users u ON u.id = c.opened_by WHERE c.id = $1`,
    [caseId],
  );
  if (!row) throw new Error(`case ${caseId} vanished inside its own transaction`);
  ctx.change({ entity: 'case', id: caseId, op: 'upsert', scopeUnit: row.snapshot.unitCode, alsoUnits: await approverUnitsOfCase(ctx.tx, caseId), data: row.snapshot });
}
