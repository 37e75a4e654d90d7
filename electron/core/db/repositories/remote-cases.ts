import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { appendCaseEvent, jrwaOwnerOf, SERVER_ACTOR, type Actor } from './cases.ts';

/** A case as other workstations pull it: the server's whole current state (its `case` change). */
const RemoteCase = z.object({
  id: z.string(),
  unitCode: z.string(),
  jrwaSymbol: z.string(),
  year: z.number().int(),
  number: z.number().int().positive(),
  sign: z.string().min(1),
  title: z.string(),
  matterType: z.string(),
  startedOn: z.iso.date(),
  status: z.enum(['open', 'closed']),
  handlerLogin: z.string().nullable(),
  settlement: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  openedAt: z.string(),
  openedByLogin: z.string(),
  openedByName: z.string(),
  itemIds: z.array(z.string()),
  // Who attached each letter, and when (server migration 0011); absent from older snapshots.
  items: z.array(z.object({ id: z.string(), attachedBy: z.string().nullish(), attachedAt: z.string().nullish() })).optional(),
  // Who acted: absent from snapshots logged before the server recorded it (server migration 0010).
  pauses: z.array(z.object({ from: z.iso.date(), to: z.iso.date().nullable(), reason: z.string(), pausedBy: z.string().nullish(), resumedBy: z.string().nullish() })),
  extensions: z.array(z.object({ noticeOn: z.iso.date(), newDate: z.iso.date(), reason: z.string(), addedBy: z.string().nullish() })),
  notes: z.array(z.object({ id: z.string(), text: z.string(), authorLogin: z.string(), authorName: z.string(), at: z.string() })),
});
type RemoteCase = z.infer<typeof RemoteCase>;

/**
 * Merges a pulled case into this desk's copy: a new case is inserted, a known one takes what the
 * server has and this desk lacks (its sign, letters, pauses, notices, notes, closure), each with
 * its metryka entry marked as coming through the server. The metryka only grows; nothing here is
 * edited away. A case with changes still waiting in this desk's outbox is left alone: the server
 * sends it again once they are applied. Returns the case id if anything changed.
 */
export function applyRemoteCase(db: Database, data: unknown, at: string): string | null {
  const parsed = RemoteCase.safeParse(data);
  if (!parsed.success) return null;
  const c = parsed.data;
  if (!db.prepare('SELECT 1 FROM units WHERE code = ?').get(c.unitCode)) return null;
  if (hasUnsentCommands(db, c.id)) return null;
  const known = db.prepare<[string], { sign: string | null; status: string; handler_login: string | null }>('SELECT sign, status, handler_login FROM cases WHERE id = ?').get(c.id);
  let changed = false;
  if (!known) {
    if (!insertCase(db, c)) return null;
    changed = true;
  } else {
    if (known.sign === null) {
      db.prepare('UPDATE cases SET number = ?, sign = ? WHERE id = ?').run(c.number, c.sign, c.id);
      appendCaseEvent(db, c.id, at, SERVER_ACTOR, 'sign_assigned', { sign: c.sign });
      changed = true;
    }
    const handler = knownPerson(db, c.handlerLogin);
    if (handler !== known.handler_login && handler !== null) {
      db.prepare('UPDATE cases SET handler_login = ? WHERE id = ?').run(handler, c.id);
      appendCaseEvent(db, c.id, at, SERVER_ACTOR, 'handler_changed', { handlerLogin: handler, viaServer: true });
      changed = true;
    }
  }
  changed = mergeLetters(db, c, at) || changed;
  changed = mergeTerms(db, c, at) || changed;
  changed = mergeNotes(db, c) || changed;
  if (c.status === 'closed' && (known?.status ?? 'open') === 'open') {
    const closedAt = c.closedAt ?? at;
    db.prepare("UPDATE cases SET status = 'closed', settlement = ?, closed_at = ? WHERE id = ?").run(c.settlement, closedAt, c.id);
    appendCaseEvent(db, c.id, closedAt, viaServer(c.closedBy), 'closed', { settlement: c.settlement, viaServer: true });
    changed = true;
  }
  return changed ? c.id : null;
}

function hasUnsentCommands(db: Database, caseId: string): boolean {
  return db.prepare(
    "SELECT 1 FROM outbox WHERE name LIKE 'cases.%' AND (json_extract(args, '$.caseId') = ? OR json_extract(args, '$.case.id') = ?) LIMIT 1",
  ).get(caseId, caseId) !== undefined;
}

/** A new case from another desk, filed under this desk's copy of its unit's JRWA. */
function insertCase(db: Database, c: RemoteCase): boolean {
  const owner = jrwaOwnerOf(db, c.unitCode);
  const versionId = owner === null ? undefined : db
    .prepare<[string, string], number>('SELECT version_id FROM jrwa_versions WHERE owner_code = ? AND valid_from <= ? ORDER BY valid_from DESC LIMIT 1')
    .pluck().get(owner, c.startedOn);
  // Without the unit's JRWA here the case cannot be filed; it arrives once the organisation does.
  if (versionId === undefined) return false;
  db.prepare(
    `INSERT INTO cases (id, unit_code, jrwa_version_id, jrwa_symbol, year, number, sign, title, matter_type, started_on, status, handler_login, opened_at, opened_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
  ).run(c.id, c.unitCode, versionId, c.jrwaSymbol, c.year, c.number, c.sign, c.title, c.matterType, c.startedOn, knownPerson(db, c.handlerLogin), c.openedAt, c.openedByLogin);
  appendCaseEvent(db, c.id, c.openedAt, { login: c.openedByLogin, name: c.openedByName, post: '' }, 'opened', { sign: c.sign, unitCode: c.unitCode, jrwaSymbol: c.jrwaSymbol, viaServer: true });
  return true;
}

function mergeLetters(db: Database, c: RemoteCase, at: string): boolean {
  let changed = false;
  const attached = new Map((c.items ?? []).map((i) => [i.id, i]));
  for (const itemId of c.itemIds) {
    const item = db.prepare<[string], { rpw_number: string }>('SELECT rpw_number FROM incoming_items WHERE id = ?').get(itemId);
    // A letter this desk cannot see (another unit's, restricted) stays off its copy of the case.
    if (!item) continue;
    const by = attached.get(itemId);
    // PostgreSQL's "…+00:00" written as this desk writes instants, so the metryka sorts as one.
    const when = by?.attachedAt ? new Date(by.attachedAt).toISOString() : at;
    if (db.prepare('INSERT OR IGNORE INTO case_items (case_id, item_id, attached_at) VALUES (?, ?, ?)').run(c.id, itemId, when).changes === 1) {
      appendCaseEvent(db, c.id, when, viaServer(by?.attachedBy), 'item_attached', { itemId, rpwNumber: item.rpw_number, viaServer: true });
      changed = true;
    }
  }
  return changed;
}

/** Pauses and art. 36 notices: those this desk has not seen are added, an open pause is ended. */
function mergeTerms(db: Database, c: RemoteCase, at: string): boolean {
  let changed = false;
  for (const p of c.pauses) {
    const local = db.prepare<[string, string], { to_date: string | null }>('SELECT to_date FROM case_pauses WHERE case_id = ? AND from_date = ?').get(c.id, p.from);
    if (!local) {
      db.prepare('INSERT INTO case_pauses (case_id, from_date, to_date, reason) VALUES (?, ?, ?, ?)').run(c.id, p.from, p.to, p.reason);
      appendCaseEvent(db, c.id, at, viaServer(p.pausedBy), 'paused', { from: p.from, reason: p.reason, viaServer: true });
      if (p.to !== null) appendCaseEvent(db, c.id, at, viaServer(p.resumedBy), 'resumed', { from: p.from, to: p.to, viaServer: true });
      changed = true;
    } else if (local.to_date === null && p.to !== null) {
      db.prepare('UPDATE case_pauses SET to_date = ? WHERE case_id = ? AND from_date = ?').run(p.to, c.id, p.from);
      appendCaseEvent(db, c.id, at, viaServer(p.resumedBy), 'resumed', { from: p.from, to: p.to, viaServer: true });
      changed = true;
    }
  }
  for (const e of c.extensions) {
    if (db.prepare('SELECT 1 FROM case_extensions WHERE case_id = ? AND notified_on = ? AND new_due_date = ?').get(c.id, e.noticeOn, e.newDate)) continue;
    db.prepare('INSERT INTO case_extensions (case_id, notified_on, new_due_date, reason) VALUES (?, ?, ?, ?)').run(c.id, e.noticeOn, e.newDate, e.reason);
    appendCaseEvent(db, c.id, at, viaServer(e.addedBy), 'extended', { noticeOn: e.noticeOn, newDate: e.newDate, reason: e.reason, viaServer: true });
    changed = true;
  }
  return changed;
}

/** Notes by their id: one written here and pulled back is not shown twice. */
function mergeNotes(db: Database, c: RemoteCase): boolean {
  let changed = false;
  for (const n of c.notes) {
    if (db.prepare("SELECT 1 FROM case_events WHERE case_id = ? AND kind = 'note' AND json_extract(details, '$.noteId') = ?").get(c.id, n.id)) continue;
    appendCaseEvent(db, c.id, n.at, { login: n.authorLogin, name: n.authorName, post: '' }, 'note', { text: n.text, noteId: n.id, viaServer: true });
    changed = true;
  }
  return changed;
}

function knownPerson(db: Database, login: string | null): string | null {
  return login !== null && db.prepare('SELECT 1 FROM people WHERE login = ?').get(login) ? login : null;
}

/** The person named by the server, or the server itself when it did not say (older snapshots). */
function viaServer(name: string | null | undefined): Actor {
  return name === null || name === undefined ? SERVER_ACTOR : { login: 'system', name, post: '' };
}
