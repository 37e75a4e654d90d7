import type { Database } from 'better-sqlite3';
import { SyncedReply, type SyncedTemplate } from '../../../../shared/replies/sync.ts';
import { queueBlobDownload } from './blob-transfers.ts';
import { appendCaseEvent } from './cases.ts';
import { statement } from '../statements.ts';

/**
 * Applies a reply pulled from the server (its `reply` change, or the server's version sent back
 * with a conflict): this desk's copy takes the server's state, and the metryka gets the entries
 * of the reply's steps it lacks, each once (by the id the acting desk gave it).
 *
 * - An accepted reply here is final and never written again (migration 0015's trigger).
 * - A reply with commands still waiting in this desk's outbox is left alone: the server sends it
 *   again once they are applied, or with their conflict.
 * - The template version it was drafted from is inserted if this desk lacks it. Versions are kept
 *   as saved, so a different text under the same id and version is never overwritten: the reply
 *   is then not applied and the clash is listed among the sync issues for IT.
 * - Without its case here (not pulled yet, or not filed for want of the unit's JRWA), nothing.
 *
 * Returns the case id when anything changed.
 */
export function applyRemoteReply(db: Database, data: unknown, at: string): string | null {
  const parsed = SyncedReply.safeParse(data);
  if (!parsed.success) return null;
  const r = parsed.data;
  if (!statement(db, 'SELECT 1 FROM cases WHERE id = ?').get(r.caseId)) return null;
  if (hasUnsentCommands(db, r.id)) return null;
  const local = statement<[string], { state: string; updated_at: string; case_id: string }>(db, 'SELECT state, updated_at, case_id FROM replies WHERE id = ?').get(r.id);
  if (local?.case_id !== undefined && local.case_id !== r.caseId) return null;
  let changed = false;
  if (local?.state !== 'accepted' && (local?.updated_at !== r.updatedAt || local.state !== r.state)) {
    if (!ensureTemplate(db, r, at)) return null;
    writeRow(db, r, local !== undefined);
    // An accepted reply names a czystopis this desk may not have: fetched by the next sync (the
    // download pass takes nothing if the store already holds it). Until the file is here the desk
    // says "Czystopis jeszcze nie dotarł z serwera" and dispatch waits (ReplyService.requireFinal).
    if (r.state === 'accepted' && r.finalSha256 !== null) queueBlobDownload(db, r.finalSha256, at);
    changed = true;
  }
  return mergeEvents(db, r) || changed ? r.caseId : null;
}

function hasUnsentCommands(db: Database, replyId: string): boolean {
  return statement(db, "SELECT 1 FROM outbox WHERE name LIKE 'replies.%' AND (json_extract(args, '$.id') = ? OR json_extract(args, '$.reply.id') = ?) LIMIT 1")
    .get(replyId, replyId) !== undefined;
}

/** True when the reply's template version is here (found alike, or inserted now). */
function ensureTemplate(db: Database, r: SyncedReply, at: string): boolean {
  const t = r.template;
  const known = statement<[string, number], Omit<SyncedTemplate, 'id' | 'version' | 'savedAt' | 'savedBy'>>(
    db, 'SELECT unit_code AS unitCode, name, place, letterhead, body, signature FROM letter_templates WHERE id = ? AND version = ?',
  ).get(t.id, t.version);
  if (known) {
    if (known.unitCode === t.unitCode && known.name === t.name && known.place === t.place && known.letterhead === t.letterhead && known.body === t.body && known.signature === t.signature) return true;
    statement(db,
      `INSERT INTO sync_issues (seq, name, args, status, error_code, error_key, server_data, created_at)
       VALUES (NULL, 'pull.reply', ?, 'conflict', 'template_clash', 'sync.rejections.templateClash', ?, ?)`,
    ).run(JSON.stringify({ id: r.id, template: { id: t.id, version: t.version, ...known } }), JSON.stringify(r), at);
    return false;
  }
  // A template of a unit this desk does not know cannot be filed here.
  if (!statement(db, 'SELECT 1 FROM units WHERE code = ?').get(t.unitCode)) return false;
  statement(db,
    `INSERT INTO letter_templates (id, version, unit_code, name, place, letterhead, body, signature, saved_at, saved_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(t.id, t.version, t.unitCode, t.name, t.place, t.letterhead, t.body, t.signature, t.savedAt, t.savedBy);
  return true;
}

/** The server's state of the reply as this desk's row (an accepted one is written here once). */
function writeRow(db: Database, r: SyncedReply, known: boolean): void {
  const chain = r.chain === null ? null : JSON.stringify(r.chain);
  const decidedAt = r.decidedAt === null ? null : instant(r.decidedAt);
  if (known) {
    // Who drafted it and when stay as this desk first wrote them.
    statement(db,
      `UPDATE replies SET addressee = ?, body = ?, state = ?, remarks = ?, updated_at = ?, decided_by = ?, decided_at = ?,
         final_sha256 = ?, final_sign = ?, chain = ?, step = ? WHERE id = ?`,
    ).run(r.addressee, r.body, r.state, r.remarks, r.updatedAt, r.decidedByName, decidedAt, r.finalSha256, r.finalSign, chain, r.step, r.id);
    return;
  }
  statement(db,
    `INSERT INTO replies (id, case_id, template_id, template_version, addressee, body, state, remarks, drafted_by, drafted_at, updated_at,
       decided_by, decided_at, final_sha256, final_sign, chain, step)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(r.id, r.caseId, r.template.id, r.template.version, r.addressee, r.body, r.state, r.remarks, r.draftedBy, instant(r.draftedAt), r.updatedAt,
    r.decidedByName, decidedAt, r.finalSha256, r.finalSign, chain, r.step);
}

/** The steps' metryka entries this desk lacks, by the acting person, at the server's time. */
function mergeEvents(db: Database, r: SyncedReply): boolean {
  let changed = false;
  for (const e of r.events) {
    if (statement(db, "SELECT 1 FROM case_events WHERE case_id = ? AND kind = ? AND json_extract(details, '$.eventId') = ?").get(r.caseId, e.kind, e.id)) continue;
    const post = statement<[string], string>(db, 'SELECT post FROM people WHERE login = ?').pluck().get(e.login) ?? '';
    appendCaseEvent(db, r.caseId, instant(e.at), { login: e.login, name: e.name, post }, e.kind, { ...e.details, eventId: e.id, viaServer: true }, e.document);
    changed = true;
  }
  return changed;
}

/** PostgreSQL's "…+00:00" written as this desk writes instants, so the metryka sorts as one. */
function instant(value: string): string {
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? value : parsed.toISOString();
}
