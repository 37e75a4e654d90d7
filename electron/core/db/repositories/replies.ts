import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { AcceptanceProgress } from '../../../../shared/replies/acceptance.ts';
import type { Reply, ReplyState } from '../../../../shared/replies/replies.ts';
import type { SyncedTemplate } from '../../../../shared/replies/sync.ts';
import { acceptanceChain, approversOf, parseKeptChain } from './acceptance-chains.ts';
import { appendCaseEvent, type Actor } from './cases.ts';
import { queueBlobUpload } from './blob-transfers.ts';
import { enqueueCommand } from './outbox.ts';
import type { TemplateRow } from './letter-templates.ts';
import { Refusal } from './refusal.ts';

interface ReplyRow {
  id: string;
  case_id: string;
  case_sign: string | null;
  case_title: string;
  unit_code: string;
  jrwa_symbol: string;
  year: number;
  template_id: string;
  template_version: number;
  template_name: string;
  addressee: string;
  body: string;
  state: ReplyState;
  remarks: string | null;
  drafted_by: string;
  drafted_at: string;
  updated_at: string;
  decided_by: string | null;
  decided_at: string | null;
  final_sign: string | null;
  final_sha256: string | null;
  chain: string | null;
  step: number | null;
}

const SELECT = `
  SELECT r.id, r.case_id, c.sign AS case_sign, c.title AS case_title, c.unit_code, c.jrwa_symbol, c.year,
         r.template_id, r.template_version, t.name AS template_name, r.addressee, r.body, r.state, r.remarks,
         r.drafted_by, r.drafted_at, r.updated_at, r.decided_by, r.decided_at, r.final_sign, r.final_sha256, r.chain, r.step
  FROM replies r
  JOIN cases c ON c.id = r.case_id
  JOIN letter_templates t ON t.id = r.template_id AND t.version = r.template_version`;

type Resolve = typeof approversOf;

function toReply(db: Database, row: ReplyRow, resolve: Resolve = approversOf): Reply {
  return {
    id: row.id, caseId: row.case_id,
    caseSign: row.case_sign ?? `${row.unit_code}.${row.jrwa_symbol}.…/${String(row.year)} (tymczasowy)`,
    caseTitle: row.case_title, templateId: row.template_id, templateVersion: row.template_version, templateName: row.template_name,
    addressee: row.addressee, body: row.body, state: row.state, remarks: row.remarks, draftedBy: row.drafted_by, draftedAt: row.drafted_at,
    updatedAt: row.updated_at, decidedBy: row.decided_by, decidedAt: row.decided_at, finalSign: row.final_sign,
    acceptance: progressOf(db, row, resolve),
  };
}

/** Where a submitted reply waits in the chain it took at submission, and who may decide there now. */
function progressOf(db: Database, row: ReplyRow, resolve: Resolve = approversOf): AcceptanceProgress | null {
  if (row.state !== 'submitted' || row.step === null) return null;
  const chain = parseKeptChain(row.chain);
  const approver = chain[row.step - 1];
  if (!approver) throw new Error(`reply ${row.id} waits past the end of its chain`);
  return { step: row.step, of: chain.length, approver, approvers: resolve(db, approver, row.unit_code, row.drafted_by) };
}

function readRow(db: Database, id: string): ReplyRow | undefined {
  return db.prepare<[string], ReplyRow>(`${SELECT} WHERE r.id = ?`).get(id);
}

export function getReply(db: Database, id: string): (Reply & { finalSha256: string | null }) | null {
  const row = readRow(db, id);
  return row ? { ...toReply(db, row), finalSha256: row.final_sha256 } : null;
}

/** A case's replies, each with the czystopis it names (the service tells whether the file is here). */
export function repliesOfCase(db: Database, caseId: string): (Reply & { finalSha256: string | null })[] {
  return db.prepare<[string], ReplyRow>(`${SELECT} WHERE r.case_id = ? ORDER BY r.reply_no`).all(caseId).map((row) => ({ ...toReply(db, row), finalSha256: row.final_sha256 }));
}

/**
 * Replies waiting for `login`: submitted, and at a step that is theirs to decide. The replies
 * waiting on one workstation are few, so each one's step is resolved here rather than in SQL.
 */
export function repliesAwaitingDecision(db: Database, login: string): Reply[] {
  // Replies of one unit and drafter at the same kind of step have the same approvers: resolved once.
  const known = new Map<string, ReturnType<Resolve>>();
  const resolve: Resolve = (d, step, unitCode, drafter) => {
    const key = JSON.stringify([step, unitCode, drafter]);
    const found = known.get(key) ?? approversOf(d, step, unitCode, drafter);
    known.set(key, found);
    return found;
  };
  return db
    .prepare<[], ReplyRow>(`${SELECT} WHERE r.state = 'submitted' ORDER BY r.updated_at, r.reply_no`)
    .all()
    .map((row) => toReply(db, row, resolve))
    .filter((reply) => reply.acceptance?.approvers.some((a) => a.login === login) === true);
}

/**
 * The step `login` would decide, refused unless it is theirs: nobody decides their own draft, and
 * a step belongs to those the chain names for it now (acceptance-chains.ts, approversOf).
 */
function stepFor(db: Database, row: ReplyRow, login: string): AcceptanceProgress {
  const progress = progressOf(db, row);
  if (!progress) throw new Refusal('replies.wrongState');
  if (progress.approvers.some((a) => a.login === login)) return progress;
  throw new Refusal(login === row.drafted_by ? 'replies.ownDraft' : 'replies.notYourStep');
}

/** The reply and its case, in a state that allows the step; refusals name what is wrong. */
/**
 * A decision is on the text the approver saw: `seenAt` is the reply's `updatedAt` on their screen.
 * Returned, edited and sent again since (or passed on by someone else), it is another text.
 */
function seenAsItIs(row: ReplyRow, seenAt: string | undefined): void {
  if (seenAt !== undefined && row.updated_at !== seenAt) throw new Refusal('replies.changedMeanwhile');
}

function replyFor(db: Database, id: string, states: readonly ReplyState[]): ReplyRow {
  const row = readRow(db, id);
  if (!row) throw new Refusal('errors.not_found');
  const status = db.prepare<[string], string>('SELECT status FROM cases WHERE id = ?').pluck().get(row.case_id);
  if (status === 'closed') throw new Refusal('cases.closedReadOnly');
  if (!states.includes(row.state)) throw new Refusal(row.state === 'accepted' ? 'replies.final' : 'replies.wrongState');
  return row;
}

/**
 * With a central server (`outbox`), each step below also goes to the person's outbox in the same
 * transaction, as a command the server checks against its own state of the reply (shared/replies/
 * sync.ts): the version token the step started from goes with it, and the metryka entry's id, so
 * the other desks add that entry once. Without a server the reply stays on this desk, as before.
 */
export interface Synced {
  readonly outbox?: boolean | undefined;
}

/** A new draft in an open case, from a template version (its body as the starting text). */
export function draftReply(db: Database, args: { id: string; caseId: string; templateId: string; addressee: string; at: string; actor: Actor } & Synced): Reply {
  const run = db.transaction((): Reply => {
    const status = db.prepare<[string], string>('SELECT status FROM cases WHERE id = ?').pluck().get(args.caseId);
    if (status === undefined) throw new Refusal('errors.not_found');
    if (status === 'closed') throw new Refusal('cases.closedReadOnly');
    const template = db.prepare<[string], TemplateRow>(
      `SELECT id, version, unit_code, name, place, letterhead, body, signature, saved_at, saved_by FROM letter_templates WHERE id = ? ORDER BY version DESC LIMIT 1`,
    ).get(args.templateId);
    if (!template) throw new Refusal('replies.unknownTemplate');
    db.prepare(
      `INSERT INTO replies (id, case_id, template_id, template_version, addressee, body, state, drafted_by, drafted_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?)`,
    ).run(args.id, args.caseId, args.templateId, template.version, args.addressee, template.body, args.actor.login, args.at, args.at);
    const eventId = eventIdFor(args);
    appendCaseEvent(db, args.caseId, args.at, args.actor, 'reply_drafted', { replyId: args.id, template: template.name, ...withEventId(eventId) });
    if (args.outbox === true) {
      enqueueCommand(db, args.actor.login, 'replies.draft', {
        reply: { id: args.id, caseId: args.caseId, template: syncedTemplate(template), addressee: args.addressee, body: template.body, at: args.at }, eventId,
      }, args.at);
    }
    return toReply(db, readRow(db, args.id) ?? missing(args.id));
  });
  return run.immediate();
}

/** The clerk edits a draft, or a returned one before sending it again. */
export function updateReply(db: Database, args: { id: string; addressee: string; body: string; seenAt?: string | undefined; at: string; actor?: Actor | undefined } & Synced): Reply {
  const run = db.transaction((): Reply => {
    const row = replyFor(db, args.id, ['draft', 'returned']);
    // Edited from the text on the clerk's screen: another desk's edit pulled since is not written over.
    seenAsItIs(row, args.seenAt);
    db.prepare('UPDATE replies SET addressee = ?, body = ?, updated_at = ? WHERE id = ?').run(args.addressee, args.body, args.at, args.id);
    if (args.outbox === true && args.actor) {
      enqueueCommand(db, args.actor.login, 'replies.update', { id: args.id, addressee: args.addressee, body: args.body, baseAt: row.updated_at, at: args.at }, args.at);
    }
    return toReply(db, readRow(db, args.id) ?? missing(args.id));
  });
  return run.immediate();
}

export function submitReply(db: Database, args: { id: string; at: string; actor: Actor } & Synced): Reply {
  const run = db.transaction((): Reply => {
    const row = replyFor(db, args.id, ['draft', 'returned']);
    // The chain as the unit has it now; each submission starts again at its first step.
    const { steps } = acceptanceChain(db, row.unit_code);
    // Not sent on to a step nobody may decide (a unit without a head, the drafter's own step with nobody above).
    if (steps.some((s) => approversOf(db, s, row.unit_code, row.drafted_by).length === 0)) throw new Refusal('replies.noApprover');
    db.prepare("UPDATE replies SET state = 'submitted', remarks = NULL, chain = ?, step = 1, updated_at = ? WHERE id = ?").run(JSON.stringify(steps), args.at, args.id);
    const eventId = eventIdFor(args);
    appendCaseEvent(db, row.case_id, args.at, args.actor, 'reply_submitted', { replyId: args.id, steps: steps.length, ...withEventId(eventId) });
    // The chain as this desk computed it from its organisation: the server keeps it as sent.
    if (args.outbox === true) enqueueCommand(db, args.actor.login, 'replies.submit', { id: args.id, chain: steps, baseAt: row.updated_at, at: args.at, eventId }, args.at);
    return toReply(db, readRow(db, args.id) ?? missing(args.id));
  });
  return run.immediate();
}

/** Returned to the drafter at any step by whoever decides that step; sent again, it starts over. */
export function returnReply(db: Database, args: { id: string; remarks: string; seenAt?: string | undefined; at: string; actor: Actor } & Synced): Reply {
  const run = db.transaction((): Reply => {
    const row = replyFor(db, args.id, ['submitted']);
    seenAsItIs(row, args.seenAt);
    const { step, of } = stepFor(db, row, args.actor.login);
    db.prepare("UPDATE replies SET state = 'returned', step = NULL, remarks = ?, decided_by = ?, decided_at = ?, updated_at = ? WHERE id = ?")
      .run(args.remarks, args.actor.name, args.at, args.at, args.id);
    const eventId = eventIdFor(args);
    appendCaseEvent(db, row.case_id, args.at, args.actor, 'reply_returned', { replyId: args.id, remarks: args.remarks, step, of, ...withEventId(eventId) });
    // Decided on the text as this desk had it: the server refuses it if another desk changed it since.
    if (args.outbox === true) enqueueCommand(db, args.actor.login, 'replies.return', { id: args.id, step, remarks: args.remarks, seenAt: row.updated_at, at: args.at, eventId }, args.at);
    return toReply(db, readRow(db, args.id) ?? missing(args.id));
  });
  return run.immediate();
}

/**
 * Checked before accepting: that the reply still waits, at a step `login` decides; at the last
 * step also that the case has its sign, since the czystopis prints it. Says which step it is.
 */
export function checkAcceptance(db: Database, args: { id: string; login: string; seenAt?: string | undefined }): { step: number; final: boolean } {
  const row = replyFor(db, args.id, ['submitted']);
  seenAsItIs(row, args.seenAt);
  const { step, of } = stepFor(db, row, args.login);
  const final = step === of;
  if (final && row.case_sign === null) throw new Refusal('replies.provisionalSign');
  return { step, final };
}

/** Accepts a step before the last: the reply goes on to the next step, and the metryka says who passed which. */
export function acceptReplyStep(db: Database, args: { id: string; step: number; seenAt?: string | undefined; at: string; actor: Actor } & Synced): Reply {
  const run = db.transaction((): Reply => {
    const { step, final } = checkAcceptance(db, { id: args.id, login: args.actor.login, seenAt: args.seenAt });
    // Decided on what the approver saw: had someone else moved it meanwhile, this step is not theirs to pass.
    if (step !== args.step || final) throw new Refusal('replies.wrongState');
    const row = readRow(db, args.id) ?? missing(args.id);
    db.prepare('UPDATE replies SET step = ?, decided_by = ?, decided_at = ?, updated_at = ? WHERE id = ?').run(step + 1, args.actor.name, args.at, args.at, args.id);
    const eventId = eventIdFor(args);
    appendCaseEvent(db, row.case_id, args.at, args.actor, 'reply_step_accepted', { replyId: args.id, step, of: parseKeptChain(row.chain).length, ...withEventId(eventId) });
    if (args.outbox === true) enqueueCommand(db, args.actor.login, 'replies.acceptStep', { id: args.id, step, seenAt: row.updated_at, at: args.at, eventId }, args.at);
    return toReply(db, readRow(db, args.id) ?? missing(args.id));
  });
  return run.immediate();
}

/** Accepts the last step with the final PDF already stored under `finalSha256`: from here on the reply is frozen. */
export function acceptReply(db: Database, args: { id: string; finalSha256: string; finalSign: string; step?: number; seenAt?: string | undefined; at: string; actor: Actor } & Synced): Reply {
  const run = db.transaction((): Reply => {
    const { step, final } = checkAcceptance(db, { id: args.id, login: args.actor.login, seenAt: args.seenAt });
    if (!final || (args.step !== undefined && args.step !== step)) throw new Refusal('replies.wrongState');
    const row = readRow(db, args.id) ?? missing(args.id);
    // The PDF was made with the sign as it was a moment ago; it must still be the case's sign.
    if (row.case_sign !== args.finalSign) throw new Refusal('replies.wrongState');
    db.prepare("UPDATE replies SET state = 'accepted', step = NULL, final_sha256 = ?, final_sign = ?, decided_by = ?, decided_at = ?, updated_at = ? WHERE id = ?")
      .run(args.finalSha256, args.finalSign, args.actor.name, args.at, args.at, args.id);
    const eventId = eventIdFor(args);
    appendCaseEvent(db, row.case_id, args.at, args.actor, 'reply_accepted', { replyId: args.id, sign: args.finalSign, step, of: step, ...withEventId(eventId) }, args.finalSha256);
    if (args.outbox === true) {
      // The czystopis is in this desk's store; queued in this transaction, it reaches the server
      // before the command that names it (uploads go first), so other desks can fetch it.
      queueBlobUpload(db, args.finalSha256, args.at);
      enqueueCommand(db, args.actor.login, 'replies.accept', {
        id: args.id, step, seenAt: row.updated_at, finalSign: args.finalSign, finalSha256: args.finalSha256, at: args.at, eventId,
      }, args.at);
    }
    return toReply(db, readRow(db, args.id) ?? missing(args.id));
  });
  return run.immediate();
}

/**
 * The id of a step's metryka entry, sent with its command so other desks add the entry once;
 * only when the step goes to the server (a desk on its own has nobody to tell).
 */
function eventIdFor(args: Synced): string {
  return args.outbox === true ? randomUUID() : '';
}

function withEventId(eventId: string): { eventId?: string } {
  return eventId === '' ? {} : { eventId };
}

/** The template version whole, for desks that lack it (templates live on each workstation). */
function syncedTemplate(t: TemplateRow): SyncedTemplate {
  return {
    id: t.id, version: t.version, unitCode: t.unit_code, name: t.name, place: t.place, letterhead: t.letterhead, body: t.body,
    signature: t.signature, savedAt: t.saved_at, savedBy: t.saved_by,
  };
}

function missing(id: string): never {
  throw new Error(`reply ${id} vanished inside its own transaction`);
}
