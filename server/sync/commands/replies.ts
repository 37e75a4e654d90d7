import type { z } from 'zod';
import { officeIsoDate } from '../../../shared/dates.ts';
import type { AcceptanceStep } from '../../../shared/replies/acceptance.ts';
import {
  AcceptReplyCommand, AcceptReplyStepCommand, DraftReplyCommand, ReturnReplyCommand, SubmitReplyCommand, SyncedChain, UpdateReplyCommand,
  type SyncedReply, type SyncedReplyEvent,
} from '../../../shared/replies/sync.ts';
import type { SessionUser } from '../../../shared/sync/protocol.ts';
import { CommandRejection, requireRole, type CommandContext } from '../command-context.ts';
import { unitWithin } from '../unit-tree.ts';
import { approverUnitsOfCase } from './case-audience.ts';
import { logCaseChange } from './cases.ts';

export { AcceptReplyCommand, AcceptReplyStepCommand, DraftReplyCommand, ReturnReplyCommand, SubmitReplyCommand, UpdateReplyCommand };

/**
 * Replies drafted at one desk and decided at another (issues 4 and 7), checked against the
 * server's state of the reply. Who acts is always the token's user, never what the desk says.
 *
 * Drafting, editing and submitting: a clerk, unit head or admin whose unit is the case's unit or
 * contains it (the admin anywhere); the case must be open.
 *
 * Deciding a step (return, accept a step, accept the last step): never the drafter (nobody accepts
 * their own draft, an admin neither); then an admin, or for the step the reply waits at:
 *  - `unit_head`: a unit head of the case's unit or of a unit above it (where a unit has no head,
 *    its desks send the step up; the server does not know who is absent, so any head above may);
 *  - `parent_head`: a unit head of the parent of the case's unit or of a unit above that (never the
 *    head of the case's unit itself: that would pass two steps by one person);
 *  - `person`: that person, or a unit head of that person's unit or above (the desks hand the step
 *    to the person's head when the person has left).
 * A substitute decides as the person they stand in for on the office's today (zastępstwa from
 * the organisation file, server migration 15), as the workstation lets them.
 *
 * Versions: an edit or a submission names the version token it started from (`baseAt`), a
 * decision the token the approver saw (`seenAt`): another one is a conflict carrying the server's
 * reply. A reply in the wrong state for the step is a conflict too (someone else moved it); an
 * accepted reply is final and the database refuses to change it at all.
 */

const DRAFT_ROLES = ['admin', 'clerk', 'unit_head'] as const;
const DECIDE_ROLES = ['admin', 'clerk', 'unit_head'] as const;

interface ReplyRow {
  id: string;
  case_id: string;
  state: SyncedReply['state'];
  drafted_by: string;
  updated_at: string;
  chain: AcceptanceStep[] | null;
  step: number | null;
  unit_code: string;
  case_status: string;
  case_sign: string;
}

/** The reply with its case, locked for this command; a reply the server lacks is refused. */
async function lockedReply(ctx: CommandContext, id: string): Promise<ReplyRow> {
  const [row] = await ctx.tx.query<ReplyRow>(
    `SELECT r.id, r.case_id, r.state, r.drafted_by, r.updated_at, r.chain, r.step, c.unit_code, c.status AS case_status, c.sign AS case_sign
     FROM replies r JOIN cases c ON c.id = r.case_id WHERE r.id = $1 FOR UPDATE OF r`,
    [id],
  );
  if (!row) throw new CommandRejection('not_found', 'errors.not_found');
  return row;
}

async function mayWriteIn(ctx: CommandContext, unitCode: string): Promise<void> {
  requireRole(ctx.user, DRAFT_ROLES);
  if (ctx.user.role !== 'admin' && !(await unitWithin(ctx.tx, unitCode, ctx.user.unitCode))) throw new CommandRejection('forbidden', 'errors.forbidden');
}

function openCase(row: { case_status: string }): void {
  if (row.case_status !== 'open') throw new CommandRejection('closed', 'cases.closedReadOnly', 'conflict');
}

/** A conflict that shows the clerk the server's reply beside theirs. */
async function conflict(ctx: CommandContext, id: string, code: string, key: string): Promise<CommandRejection> {
  return new CommandRejection(code, key, 'conflict', await snapshot(ctx, id));
}

async function inState(ctx: CommandContext, row: ReplyRow, states: readonly SyncedReply['state'][]): Promise<void> {
  if (states.includes(row.state)) return;
  throw await conflict(ctx, row.id, row.state === 'accepted' ? 'final' : 'wrong_state', row.state === 'accepted' ? 'replies.final' : 'replies.wrongState');
}

async function sameVersion(ctx: CommandContext, row: ReplyRow, token: string): Promise<void> {
  if (row.updated_at !== token) throw await conflict(ctx, row.id, 'changed_meanwhile', 'replies.changedMeanwhile');
}

/** The step the reply waits at, if the token's user may decide it (see the rules above). */
async function stepToDecide(ctx: CommandContext, row: ReplyRow, step: number): Promise<{ step: number; of: number }> {
  requireRole(ctx.user, DECIDE_ROLES);
  const chain = SyncedChain.parse(row.chain);
  if (row.step === null || row.step !== step) throw await conflict(ctx, row.id, 'wrong_state', 'replies.wrongState');
  if (ctx.user.login === row.drafted_by) throw new CommandRejection('own_draft', 'replies.ownDraft');
  const approver = chain[row.step - 1];
  if (!approver) throw new Error(`reply ${row.id} waits past the end of its chain`);
  if (ctx.user.role === 'admin') return { step: row.step, of: chain.length };
  // The token's user decides as themselves, or for someone they stand in for today (zastępstwo).
  for (const person of [ctx.user, ...(await absentToday(ctx))]) {
    if (person.login === row.drafted_by) continue;
    if (await decides(ctx, person, approver, row.unit_code)) return { step: row.step, of: chain.length };
  }
  throw new CommandRejection('not_your_step', 'replies.notYourStep');
}

type Decider = Pick<SessionUser, 'login' | 'role' | 'unitCode'>;

/** Those the token's user stands in for on the office's today, as the organisation file says. */
async function absentToday(ctx: CommandContext): Promise<Decider[]> {
  return ctx.tx.query<Decider>(
    `SELECT u.login, u.role, u.unit_code AS "unitCode" FROM substitutions s JOIN users u ON u.login = s.absent_login
      WHERE s.substitute_login = $1 AND s.from_date <= $2::date AND s.to_date >= $2::date ORDER BY u.login`,
    [ctx.user.login, officeIsoDate(new Date())],
  );
}

async function decides(ctx: CommandContext, person: Decider, approver: AcceptanceStep, caseUnit: string): Promise<boolean> {
  const headOver = async (unit: string | null | undefined) => unit !== null && unit !== undefined && person.role === 'unit_head' && unitWithin(ctx.tx, unit, person.unitCode);
  switch (approver.approver) {
    case 'unit_head':
      return headOver(caseUnit);
    case 'parent_head': {
      const [unit] = await ctx.tx.query<{ parent_code: string | null }>('SELECT parent_code FROM units WHERE code = $1', [caseUnit]);
      return headOver(unit?.parent_code);
    }
    case 'person': {
      if (person.login === approver.login) return true;
      const [named] = await ctx.tx.query<{ unit_code: string | null }>('SELECT unit_code FROM users WHERE login = $1', [approver.login]);
      return headOver(named?.unit_code);
    }
  }
}

/** A metryka entry of the reply, logged with the server's time and the token's user. */
async function addEvent(ctx: CommandContext, id: string, event: Pick<SyncedReplyEvent, 'id' | 'kind' | 'details' | 'document'>): Promise<void> {
  await ctx.tx.query(
    `UPDATE replies SET events = events || jsonb_build_array(jsonb_build_object(
       'id', $2::text, 'kind', $3::text, 'at', now(), 'login', $4::text, 'name', $5::text, 'details', $6::jsonb, 'document', $7::text)) WHERE id = $1`,
    [id, event.id, event.kind, ctx.user.login, ctx.user.displayName, JSON.stringify(event.details), event.document],
  );
}

export async function draftReplyCommand(ctx: CommandContext, args: z.output<typeof DraftReplyCommand>): Promise<null> {
  const r = args.reply;
  const [found] = await ctx.tx.query<{ unit_code: string; status: string }>('SELECT unit_code, status FROM cases WHERE id = $1', [r.caseId]);
  if (!found) throw new CommandRejection('not_found', 'errors.not_found');
  await mayWriteIn(ctx, found.unit_code);
  openCase({ case_status: found.status });
  const inserted = await ctx.tx.query(
    `INSERT INTO replies (id, case_id, template_id, template_version, template, addressee, body, state, drafted_by, drafted_by_name, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'draft', $8, $9, $10) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [r.id, r.caseId, r.template.id, r.template.version, JSON.stringify(r.template), r.addressee, r.body, ctx.user.login, ctx.user.displayName, r.at],
  );
  // The same id from another desk (a copied database): theirs stays, this one is shown as a clash.
  if (inserted.length === 0) throw await conflict(ctx, r.id, 'exists', 'replies.exists');
  await addEvent(ctx, r.id, { id: args.eventId, kind: 'reply_drafted', details: { replyId: r.id, template: r.template.name }, document: null });
  await logReplyChange(ctx, r.id);
  return null;
}

export async function updateReplyCommand(ctx: CommandContext, args: z.output<typeof UpdateReplyCommand>): Promise<null> {
  const row = await lockedReply(ctx, args.id);
  await mayWriteIn(ctx, row.unit_code);
  openCase(row);
  await inState(ctx, row, ['draft', 'returned']);
  await sameVersion(ctx, row, args.baseAt);
  await ctx.tx.query('UPDATE replies SET addressee = $2, body = $3, updated_at = $4, changed_at = now() WHERE id = $1', [args.id, args.addressee, args.body, args.at]);
  await logReplyChange(ctx, args.id);
  return null;
}

export async function submitReplyCommand(ctx: CommandContext, args: z.output<typeof SubmitReplyCommand>): Promise<null> {
  const row = await lockedReply(ctx, args.id);
  await mayWriteIn(ctx, row.unit_code);
  openCase(row);
  await inState(ctx, row, ['draft', 'returned']);
  // Sent for akceptacja as the clerk last saw it: a text changed elsewhere is not sent unread.
  await sameVersion(ctx, row, args.baseAt);
  await ctx.tx.query(
    "UPDATE replies SET state = 'submitted', remarks = NULL, chain = $2, step = 1, updated_at = $3, changed_at = now() WHERE id = $1",
    [args.id, JSON.stringify(args.chain), args.at],
  );
  await addEvent(ctx, args.id, { id: args.eventId, kind: 'reply_submitted', details: { replyId: args.id, steps: args.chain.length }, document: null });
  await logReplyChange(ctx, args.id);
  // A person named in the chain may work in a unit that does not pull this case: it goes to them now.
  if (args.chain.some((step) => step.approver === 'person')) await logCaseChange(ctx, row.case_id);
  return null;
}

export async function returnReplyCommand(ctx: CommandContext, args: z.output<typeof ReturnReplyCommand>): Promise<null> {
  const row = await lockedReply(ctx, args.id);
  openCase(row);
  await inState(ctx, row, ['submitted']);
  await sameVersion(ctx, row, args.seenAt);
  const { step, of } = await stepToDecide(ctx, row, args.step);
  await ctx.tx.query(
    `UPDATE replies SET state = 'returned', step = NULL, remarks = $2, decided_by = $3, decided_by_name = $4, decided_at = now(), updated_at = $5, changed_at = now()
     WHERE id = $1`,
    [args.id, args.remarks, ctx.user.login, ctx.user.displayName, args.at],
  );
  await addEvent(ctx, args.id, { id: args.eventId, kind: 'reply_returned', details: { replyId: args.id, remarks: args.remarks, step, of }, document: null });
  await logReplyChange(ctx, args.id);
  return null;
}

export async function acceptReplyStepCommand(ctx: CommandContext, args: z.output<typeof AcceptReplyStepCommand>): Promise<null> {
  const row = await lockedReply(ctx, args.id);
  openCase(row);
  await inState(ctx, row, ['submitted']);
  await sameVersion(ctx, row, args.seenAt);
  const { step, of } = await stepToDecide(ctx, row, args.step);
  if (step === of) throw await conflict(ctx, row.id, 'wrong_state', 'replies.wrongState');
  await ctx.tx.query(
    'UPDATE replies SET step = $2, decided_by = $3, decided_by_name = $4, decided_at = now(), updated_at = $5, changed_at = now() WHERE id = $1',
    [args.id, step + 1, ctx.user.login, ctx.user.displayName, args.at],
  );
  await addEvent(ctx, args.id, { id: args.eventId, kind: 'reply_step_accepted', details: { replyId: args.id, step, of }, document: null });
  await logReplyChange(ctx, args.id);
  return null;
}

/** The last step: the czystopis exists at the accepting desk under `finalSha256`, printed with the case's sign. */
export async function acceptReplyCommand(ctx: CommandContext, args: z.output<typeof AcceptReplyCommand>): Promise<null> {
  const row = await lockedReply(ctx, args.id);
  openCase(row);
  await inState(ctx, row, ['submitted']);
  await sameVersion(ctx, row, args.seenAt);
  const { step, of } = await stepToDecide(ctx, row, args.step);
  if (step !== of) throw await conflict(ctx, row.id, 'wrong_state', 'replies.wrongState');
  if (args.finalSign !== row.case_sign) throw new CommandRejection('wrong_sign', 'replies.wrongSign');
  // The metryka entry first: once accepted, the row is frozen for good.
  await addEvent(ctx, args.id, { id: args.eventId, kind: 'reply_accepted', details: { replyId: args.id, sign: args.finalSign, step, of }, document: args.finalSha256 });
  await ctx.tx.query(
    `UPDATE replies SET state = 'accepted', step = NULL, final_sign = $2, final_sha256 = $3, decided_by = $4, decided_by_name = $5, decided_at = now(),
       updated_at = $6, changed_at = now() WHERE id = $1`,
    [args.id, args.finalSign, args.finalSha256, ctx.user.login, ctx.user.displayName, args.at],
  );
  await logReplyChange(ctx, args.id);
  return null;
}

/**
 * Logs the whole reply as it now stands, for the desks of its case's unit, of the people its
 * chains name, and the roles that see everything: each change carries all a desk needs to show
 * and continue the reply, never a delta.
 */
async function logReplyChange(ctx: CommandContext, id: string): Promise<void> {
  const data = await snapshot(ctx, id);
  ctx.change({ entity: 'reply', id, op: 'upsert', scopeUnit: data.unitCode, alsoUnits: await approverUnitsOfCase(ctx.tx, data.caseId), data });
}

async function snapshot(ctx: CommandContext, id: string): Promise<SyncedReply> {
  const [row] = await ctx.tx.query<{ snapshot: SyncedReply }>(
    `SELECT json_build_object(
       'id', r.id, 'caseId', r.case_id, 'unitCode', c.unit_code, 'template', r.template, 'addressee', r.addressee, 'body', r.body,
       'state', r.state, 'remarks', r.remarks, 'draftedBy', r.drafted_by, 'draftedByName', r.drafted_by_name, 'draftedAt', r.drafted_at,
       'updatedAt', r.updated_at, 'chain', r.chain, 'step', r.step, 'decidedBy', r.decided_by, 'decidedByName', r.decided_by_name,
       'decidedAt', r.decided_at, 'finalSign', r.final_sign, 'finalSha256', r.final_sha256, 'events', r.events
     ) AS snapshot
     FROM replies r JOIN cases c ON c.id = r.case_id WHERE r.id = $1`,
    [id],
  );
  if (!row) throw new Error(`reply ${id} vanished inside its own transaction`);
  return row.snapshot;
}
