import type { Database } from 'better-sqlite3';
import type { Reply, ReplyState } from '../../../../shared/replies/replies.ts';
import { appendCaseEvent, type Actor } from './cases.ts';
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
}

const SELECT = `
  SELECT r.id, r.case_id, c.sign AS case_sign, c.title AS case_title, c.unit_code, c.jrwa_symbol, c.year,
         r.template_id, r.template_version, t.name AS template_name, r.addressee, r.body, r.state, r.remarks,
         r.drafted_by, r.drafted_at, r.updated_at, r.decided_by, r.decided_at, r.final_sign, r.final_sha256
  FROM replies r
  JOIN cases c ON c.id = r.case_id
  JOIN letter_templates t ON t.id = r.template_id AND t.version = r.template_version`;

function toReply(row: ReplyRow): Reply {
  return {
    id: row.id, caseId: row.case_id,
    caseSign: row.case_sign ?? `${row.unit_code}.${row.jrwa_symbol}.…/${String(row.year)} (tymczasowy)`,
    caseTitle: row.case_title, templateId: row.template_id, templateVersion: row.template_version, templateName: row.template_name,
    addressee: row.addressee, body: row.body, state: row.state, remarks: row.remarks, draftedBy: row.drafted_by, draftedAt: row.drafted_at,
    updatedAt: row.updated_at, decidedBy: row.decided_by, decidedAt: row.decided_at, finalSign: row.final_sign,
  };
}

function readRow(db: Database, id: string): ReplyRow | undefined {
  return db.prepare<[string], ReplyRow>(`${SELECT} WHERE r.id = ?`).get(id);
}

export function getReply(db: Database, id: string): (Reply & { finalSha256: string | null }) | null {
  const row = readRow(db, id);
  return row ? { ...toReply(row), finalSha256: row.final_sha256 } : null;
}

export function repliesOfCase(db: Database, caseId: string): Reply[] {
  return db.prepare<[string], ReplyRow>(`${SELECT} WHERE r.case_id = ? ORDER BY r.reply_no`).all(caseId).map(toReply);
}

/** Replies waiting for akceptacja by `login`: submitted in cases of the units they head (and below). */
export function repliesAwaitingDecision(db: Database, login: string): Reply[] {
  return db
    .prepare<[string], ReplyRow>(
      `WITH RECURSIVE ${HEADED} ${SELECT} WHERE r.state = 'submitted' AND c.unit_code IN (SELECT code FROM headed) ORDER BY r.updated_at`,
    )
    .all(login)
    .map(toReply);
}

const HEADED = `headed (code) AS (
  SELECT p.unit_code FROM people p JOIN person_roles r ON r.login = p.login AND r.role = 'unit_head' WHERE p.login = ? AND p.active = 1
  UNION SELECT u.code FROM units u JOIN headed h ON u.parent_code = h.code
)`;

function heads(db: Database, login: string, unitCode: string): boolean {
  return db.prepare(`WITH RECURSIVE ${HEADED} SELECT 1 FROM headed WHERE code = ?`).get(login, unitCode) !== undefined;
}

/** The reply and its case, in a state that allows the step; refusals name what is wrong. */
function replyFor(db: Database, id: string, states: readonly ReplyState[]): ReplyRow {
  const row = readRow(db, id);
  if (!row) throw new Refusal('errors.not_found');
  const status = db.prepare<[string], string>('SELECT status FROM cases WHERE id = ?').pluck().get(row.case_id);
  if (status === 'closed') throw new Refusal('cases.closedReadOnly');
  if (!states.includes(row.state)) throw new Refusal(row.state === 'accepted' ? 'replies.final' : 'replies.wrongState');
  return row;
}

/** A new draft in an open case, from a template version (its body as the starting text). */
export function draftReply(db: Database, args: { id: string; caseId: string; templateId: string; addressee: string; at: string; actor: Actor }): Reply {
  const run = db.transaction((): Reply => {
    const status = db.prepare<[string], string>('SELECT status FROM cases WHERE id = ?').pluck().get(args.caseId);
    if (status === undefined) throw new Refusal('errors.not_found');
    if (status === 'closed') throw new Refusal('cases.closedReadOnly');
    const template = db.prepare<[string], { version: number; name: string; body: string }>(
      'SELECT version, name, body FROM letter_templates WHERE id = ? ORDER BY version DESC LIMIT 1',
    ).get(args.templateId);
    if (!template) throw new Refusal('replies.unknownTemplate');
    db.prepare(
      `INSERT INTO replies (id, case_id, template_id, template_version, addressee, body, state, drafted_by, drafted_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?)`,
    ).run(args.id, args.caseId, args.templateId, template.version, args.addressee, template.body, args.actor.login, args.at, args.at);
    appendCaseEvent(db, args.caseId, args.at, args.actor, 'reply_drafted', { replyId: args.id, template: template.name });
    return toReply(readRow(db, args.id) ?? missing(args.id));
  });
  return run.immediate();
}

/** The clerk edits a draft, or a returned one before sending it again. */
export function updateReply(db: Database, args: { id: string; addressee: string; body: string; at: string }): Reply {
  const run = db.transaction((): Reply => {
    replyFor(db, args.id, ['draft', 'returned']);
    db.prepare('UPDATE replies SET addressee = ?, body = ?, updated_at = ? WHERE id = ?').run(args.addressee, args.body, args.at, args.id);
    return toReply(readRow(db, args.id) ?? missing(args.id));
  });
  return run.immediate();
}

export function submitReply(db: Database, args: { id: string; at: string; actor: Actor }): Reply {
  const run = db.transaction((): Reply => {
    const row = replyFor(db, args.id, ['draft', 'returned']);
    db.prepare("UPDATE replies SET state = 'submitted', remarks = NULL, updated_at = ? WHERE id = ?").run(args.at, args.id);
    appendCaseEvent(db, row.case_id, args.at, args.actor, 'reply_submitted', { replyId: args.id });
    return toReply(readRow(db, args.id) ?? missing(args.id));
  });
  return run.immediate();
}

/** Only the head of the case's unit (or of a unit above it) decides. */
export function returnReply(db: Database, args: { id: string; remarks: string; at: string; actor: Actor }): Reply {
  const run = db.transaction((): Reply => {
    const row = replyFor(db, args.id, ['submitted']);
    if (!heads(db, args.actor.login, row.unit_code)) throw new Refusal('replies.onlyHead');
    db.prepare("UPDATE replies SET state = 'returned', remarks = ?, decided_by = ?, decided_at = ?, updated_at = ? WHERE id = ?")
      .run(args.remarks, args.actor.name, args.at, args.at, args.id);
    appendCaseEvent(db, row.case_id, args.at, args.actor, 'reply_returned', { replyId: args.id, remarks: args.remarks });
    return toReply(readRow(db, args.id) ?? missing(args.id));
  });
  return run.immediate();
}

/** Checked before the final PDF is made: who decides, and that the reply still waits. */
export function checkAcceptance(db: Database, args: { id: string; login: string }): void {
  const row = replyFor(db, args.id, ['submitted']);
  if (!heads(db, args.login, row.unit_code)) throw new Refusal('replies.onlyHead');
  if (row.case_sign === null) throw new Refusal('replies.provisionalSign');
}

/** Accepts with the final PDF already stored under `finalSha256`: from here on the reply is frozen. */
export function acceptReply(db: Database, args: { id: string; finalSha256: string; finalSign: string; at: string; actor: Actor }): Reply {
  const run = db.transaction((): Reply => {
    checkAcceptance(db, { id: args.id, login: args.actor.login });
    const row = readRow(db, args.id) ?? missing(args.id);
    // The PDF was made with the sign as it was a moment ago; it must still be the case's sign.
    if (row.case_sign !== args.finalSign) throw new Refusal('replies.wrongState');
    db.prepare("UPDATE replies SET state = 'accepted', final_sha256 = ?, final_sign = ?, decided_by = ?, decided_at = ?, updated_at = ? WHERE id = ?")
      .run(args.finalSha256, args.finalSign, args.actor.name, args.at, args.at, args.id);
    appendCaseEvent(db, row.case_id, args.at, args.actor, 'reply_accepted', { replyId: args.id, sign: args.finalSign }, args.finalSha256);
    return toReply(readRow(db, args.id) ?? missing(args.id));
  });
  return run.immediate();
}

function missing(id: string): never {
  throw new Error(`reply ${id} vanished inside its own transaction`);
}
