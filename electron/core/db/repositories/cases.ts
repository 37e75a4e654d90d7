import type { Database } from 'better-sqlite3';
import { officeIsoDate } from '../../../../shared/dates.ts';
import {
  formatCaseSign, provisionalCaseSign,
  type CaseEvent, type CaseRecord, type CaseRegisterRow, type OpenCase,
} from '../../../../shared/cases.ts';
import { statement } from '../statements.ts';
import { Refusal } from './refusal.ts';
import { enqueueCommand } from './outbox.ts';

/** Who acted, with the post they held then (the metryka records it as it was). */
export interface Actor {
  readonly login: string;
  readonly name: string;
  readonly post: string;
}

/** `local`: this database numbers signs. `server`: the case waits for the server's number. */
export type CaseNumbering = 'local' | 'server';

/** The unit whose JRWA a unit uses: itself or its nearest ancestor that is its own employer. */
export function jrwaOwnerOf(db: Database, unitCode: string): string | null {
  return db
    .prepare<[string], string>(
      `WITH RECURSIVE up (code, kind, parent_code, depth) AS (
         SELECT code, kind, parent_code, 0 FROM units WHERE code = ?
         UNION ALL SELECT u.code, u.kind, u.parent_code, up.depth + 1 FROM units u JOIN up ON u.code = up.parent_code
       )
       SELECT code FROM up WHERE kind IN ('office', 'municipal_unit') ORDER BY depth LIMIT 1`,
    )
    .pluck()
    .get(unitCode) ?? null;
}

/**
 * Opens a case in one IMMEDIATE transaction: checks the class takes cases in the unit's JRWA in
 * force on the start date, takes the next number for (unit, class, year) — unless the server
 * numbers it — attaches the letters and writes the first metryka entry.
 */
export function openCase(db: Database, args: { id: string; input: OpenCase; at: string; actor: Actor; numbering: CaseNumbering }): CaseRecord {
  // With the server numbering, the case also goes to the outbox in this same transaction.
  const run = db.transaction((): CaseRecord => {
    const { input } = args;
    const owner = jrwaOwnerOf(db, input.unitCode);
    if (owner === null) throw new Refusal('cases.unknownUnit');
    const jrwa = db
      .prepare<[string, string, string], { version_id: number; category: string | null; has_children: number }>(
        `SELECT c.version_id, c.category,
                EXISTS (SELECT 1 FROM jrwa_classes k WHERE k.version_id = c.version_id AND k.symbol LIKE c.symbol || '_') AS has_children
         FROM jrwa_classes c
         WHERE c.symbol = ? AND c.version_id = (
           SELECT version_id FROM jrwa_versions WHERE owner_code = ? AND valid_from <= ? ORDER BY valid_from DESC LIMIT 1)`,
      )
      .get(input.jrwaSymbol, owner, input.startedOn);
    if (!jrwa) throw new Refusal('cases.unknownClass');
    if (jrwa.has_children === 1 || jrwa.category === null) throw new Refusal('cases.notEndClass');
    const year = Number(input.startedOn.slice(0, 4));
    let number: number | null = null;
    if (args.numbering === 'local') {
      db.prepare(
        `INSERT INTO case_sign_counters (unit_code, jrwa_symbol, year, last_no) VALUES (?, ?, ?, 1)
         ON CONFLICT DO UPDATE SET last_no = last_no + 1`,
      ).run(input.unitCode, input.jrwaSymbol, year);
      number = db.prepare<[string, string, number], number>('SELECT last_no FROM case_sign_counters WHERE unit_code = ? AND jrwa_symbol = ? AND year = ?')
        .pluck().get(input.unitCode, input.jrwaSymbol, year) ?? null;
    }
    const sign = number === null ? null : formatCaseSign(input.unitCode, input.jrwaSymbol, number, year);
    db.prepare(
      `INSERT INTO cases (id, unit_code, jrwa_version_id, jrwa_symbol, year, number, sign, title, matter_type, started_on, status, handler_login, opened_at, opened_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
    ).run(args.id, input.unitCode, jrwa.version_id, input.jrwaSymbol, year, number, sign, input.title, input.matterType, input.startedOn, input.handlerLogin, args.at, args.actor.login);
    appendCaseEvent(db, args.id, args.at, args.actor, 'opened', { sign, unitCode: input.unitCode, jrwaSymbol: input.jrwaSymbol });
    for (const itemId of input.itemIds) attach(db, args.id, itemId, args.at, args.actor);
    if (args.numbering === 'server') {
      enqueueCommand(db, args.actor.login, 'cases.open', { case: { id: args.id, unitCode: input.unitCode, jrwaSymbol: input.jrwaSymbol, title: input.title, matterType: input.matterType, startedOn: input.startedOn, itemIds: input.itemIds, handlerLogin: input.handlerLogin } }, args.at);
    }
    return readCase(db, args.id) ?? missing(args.id);
  });
  return run.immediate();
}

export function attachItemToCase(db: Database, args: { caseId: string; itemId: string; at: string; actor: Actor; outbox: boolean }): CaseRecord {
  const run = db.transaction((): CaseRecord => {
    const current = readCase(db, args.caseId);
    if (!current) throw new Refusal('errors.not_found');
    if (current.status === 'closed') throw new Refusal('cases.closedReadOnly');
    const already = db.prepare('SELECT 1 FROM case_items WHERE case_id = ? AND item_id = ?').get(args.caseId, args.itemId) !== undefined;
    if (already) throw new Refusal('cases.alreadyAttached');
    attach(db, args.caseId, args.itemId, args.at, args.actor);
    if (args.outbox) enqueueCommand(db, args.actor.login, 'cases.attachItem', { caseId: args.caseId, itemId: args.itemId }, args.at);
    return current;
  });
  return run.immediate();
}

/** `noteId` names the note everywhere: the server keeps it once, and a desk that pulls it back knows it. */
export function addCaseNote(db: Database, args: { caseId: string; noteId: string; text: string; at: string; actor: Actor; outbox: boolean }): void {
  const run = db.transaction(() => {
    const current = readCase(db, args.caseId);
    if (!current) throw new Refusal('errors.not_found');
    if (current.status === 'closed') throw new Refusal('cases.closedReadOnly');
    appendCaseEvent(db, args.caseId, args.at, args.actor, 'note', { text: args.text, noteId: args.noteId });
    if (args.outbox) enqueueCommand(db, args.actor.login, 'cases.note', { caseId: args.caseId, noteId: args.noteId, text: args.text }, args.at);
  });
  run.immediate();
}

/** Closes a case with how it was settled; from then on it is read-only. */
export function closeCase(db: Database, args: { caseId: string; settlement: string; at: string; actor: Actor; outbox: boolean }): CaseRecord {
  const run = db.transaction((): CaseRecord => {
    const current = readCase(db, args.caseId);
    if (!current) throw new Refusal('errors.not_found');
    if (current.status === 'closed') throw new Refusal('cases.alreadyClosed');
    appendCaseEvent(db, args.caseId, args.at, args.actor, 'closed', { settlement: args.settlement });
    db.prepare("UPDATE cases SET status = 'closed', settlement = ?, closed_at = ? WHERE id = ?").run(args.settlement, args.at, args.caseId);
    if (args.outbox) enqueueCommand(db, args.actor.login, 'cases.close', { caseId: args.caseId, settlement: args.settlement }, args.at);
    return readCase(db, args.caseId) ?? missing(args.caseId);
  });
  return run.immediate();
}

export function getCase(db: Database, id: string): { case: CaseRecord; itemIds: string[]; events: CaseEvent[] } | null {
  const found = readCase(db, id);
  if (!found) return null;
  const itemIds = db.prepare<[string], string>('SELECT item_id FROM case_items WHERE case_id = ? ORDER BY attached_at, item_id').pluck().all(id);
  const events = db
    .prepare<[string], { at: string; actor_login: string; actor_name: string; actor_post: string; kind: CaseEvent['kind']; details: string; document: string | null }>(
      'SELECT at, actor_login, actor_name, actor_post, kind, details, document FROM case_events WHERE case_id = ? ORDER BY event_no',
    )
    .all(id)
    .map((e) => ({ at: e.at, actorLogin: e.actor_login, actorName: e.actor_name, actorPost: e.actor_post, kind: e.kind, details: JSON.parse(e.details) as Record<string, unknown>, document: e.document }));
  return { case: found, itemIds, events };
}

/**
 * The spis spraw for a JRWA class (or a whole branch: '67' covers 6730 and 6733) and a year, in
 * number order, with the opening letter's sender, reference and date (domain.md §3.3).
 */
/**
 * The spis spraw of a class (at any level: a group covers its subclasses) and year, optionally only
 * the cases started within a period of it (domain.md §3.3: "over any chosen period").
 */
/** The letter a case (alias c) was opened from, the first attached: its sender heads registers and reports. */
export const FIRST_LETTER_OF_CASE = '(SELECT item_id FROM case_items ci WHERE ci.case_id = c.id ORDER BY ci.attached_at, ci.item_id LIMIT 1)';

export function caseRegister(db: Database, args: { jrwaSymbol: string; year: number; unitCode: string | null; from?: string | null; to?: string | null }): CaseRegisterRow[] {
  return db
    .prepare<[Record<string, string | number | null>], { number: number | null; sign: string | null; unit_code: string; jrwa_symbol: string; year: number; title: string; started_on: string; closed_at: string | null; settlement: string | null; handler: string | null; sender_name: string | null; sender_reference: string | null; letter_date: string | null }>(
      `SELECT c.number, c.sign, c.unit_code, c.jrwa_symbol, c.year, c.title, c.started_on, c.closed_at, c.settlement,
              p.display_name AS handler, i.sender_name, i.sender_reference, i.letter_date
       FROM cases c
       LEFT JOIN people p ON p.login = c.handler_login
       LEFT JOIN incoming_items i ON i.id = ${FIRST_LETTER_OF_CASE}
       WHERE c.jrwa_symbol LIKE @jrwa || '%' AND c.year = @year AND (@unit IS NULL OR c.unit_code = @unit)
         AND (@from IS NULL OR c.started_on >= @from) AND (@to IS NULL OR c.started_on <= @to)
       ORDER BY c.unit_code, c.jrwa_symbol, c.number IS NULL, c.number, c.case_no`,
    )
    .all({ jrwa: args.jrwaSymbol, year: args.year, unit: args.unitCode, from: args.from ?? null, to: args.to ?? null })
    .map((r) => ({
      number: r.number,
      sign: r.sign ?? provisionalCaseSign(r.unit_code, r.jrwa_symbol, r.year),
      title: r.title,
      senderName: r.sender_name,
      senderReference: r.sender_reference,
      letterDate: r.letter_date,
      startedOn: r.started_on,
      // The office's calendar day, not UTC's: a case closed at 00:30 Polish time is closed that day.
      closedOn: r.closed_at === null ? null : officeIsoDate(new Date(r.closed_at)),
      handlerName: r.handler,
      settlement: r.settlement,
    }));
}

/** The central server numbered a provisional case: it gets its final sign, once. */
export const SERVER_ACTOR: Actor = { login: 'system', name: 'Serwer centralny', post: '' };

export function assignCaseSign(db: Database, args: { caseId: string; number: number; sign: string; at: string }): boolean {
  if (!db.inTransaction) throw new Error('assignCaseSign runs inside the transaction that records the server answer');
  const changed = db.prepare('UPDATE cases SET number = ?, sign = ? WHERE id = ? AND sign IS NULL').run(args.number, args.sign, args.caseId).changes;
  if (changed === 1) appendCaseEvent(db, args.caseId, args.at, SERVER_ACTOR, 'sign_assigned', { sign: args.sign });
  return changed === 1;
}

function attach(db: Database, caseId: string, itemId: string, at: string, actor: Actor): void {
  const item = db.prepare<[string], { rpw_number: string }>('SELECT rpw_number FROM incoming_items WHERE id = ?').get(itemId);
  if (!item) throw new Refusal('cases.unknownItem');
  const added = db.prepare('INSERT OR IGNORE INTO case_items (case_id, item_id, attached_at) VALUES (?, ?, ?)').run(caseId, itemId, at).changes;
  if (added === 1) appendCaseEvent(db, caseId, at, actor, 'item_attached', { itemId, rpwNumber: item.rpw_number });
}

/** One metryka entry; `document` names the file it concerns (a SHA-256 in the content store), if any. */
export function appendCaseEvent(db: Database, caseId: string, at: string, actor: Actor, kind: CaseEvent['kind'], details: Record<string, unknown>, document: string | null = null): void {
  statement(db, 'INSERT INTO case_events (case_id, at, actor_login, actor_name, actor_post, kind, details, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(caseId, at, actor.login, actor.name, actor.post, kind, JSON.stringify(details), document);
}

interface CaseRow {
  id: string;
  sign: string | null;
  unit_code: string;
  jrwa_symbol: string;
  year: number;
  number: number | null;
  title: string;
  matter_type: string;
  started_on: string;
  status: 'open' | 'closed';
  settlement: string | null;
  handler_login: string | null;
  opened_at: string;
  closed_at: string | null;
}

function readCase(db: Database, id: string): CaseRecord | null {
  const r = db.prepare<[string], CaseRow>('SELECT * FROM cases WHERE id = ?').get(id);
  if (!r) return null;
  return {
    id: r.id,
    sign: r.sign,
    displaySign: r.sign ?? provisionalCaseSign(r.unit_code, r.jrwa_symbol, r.year),
    provisional: r.sign === null,
    unitCode: r.unit_code,
    jrwaSymbol: r.jrwa_symbol,
    year: r.year,
    number: r.number,
    title: r.title,
    matterType: r.matter_type,
    startedOn: r.started_on,
    status: r.status,
    settlement: r.settlement,
    handlerLogin: r.handler_login,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
  };
}

function missing(id: string): never {
  throw new Error(`Case ${id} vanished inside its own transaction`);
}

/** What the deadline engine needs of a case besides its start and matter type. */
export interface DeadlineFacts {
  readonly pauses: { from: string; to: string | null; reason: string }[];
  readonly extensions: { noticeOn: string; newDate: string; reason: string }[];
}

export function deadlineFacts(db: Database, caseId: string): DeadlineFacts {
  return {
    pauses: db.prepare<[string], { from: string; to: string | null; reason: string }>('SELECT from_date AS "from", to_date AS "to", reason FROM case_pauses WHERE case_id = ? ORDER BY from_date').all(caseId),
    extensions: db.prepare<[string], { noticeOn: string; newDate: string; reason: string }>('SELECT notified_on AS noticeOn, new_due_date AS newDate, reason FROM case_extensions WHERE case_id = ? ORDER BY extension_no').all(caseId),
  };
}

/** Art. 35 § 5: from this day the term does not run (waiting for the party, an expert…). */
export function pauseCase(db: Database, args: { caseId: string; from: string; reason: string; at: string; actor: Actor; outbox: boolean }): void {
  const run = db.transaction(() => {
    const current = openCaseOrRefuse(db, args.caseId);
    if (args.from < current.startedOn) throw new Refusal('cases.pauseBeforeStart');
    if (db.prepare('SELECT 1 FROM case_pauses WHERE case_id = ? AND to_date IS NULL').get(args.caseId)) throw new Refusal('cases.alreadyPaused');
    db.prepare('INSERT INTO case_pauses (case_id, from_date, to_date, reason) VALUES (?, ?, NULL, ?)').run(args.caseId, args.from, args.reason);
    appendCaseEvent(db, args.caseId, args.at, args.actor, 'paused', { from: args.from, reason: args.reason });
    if (args.outbox) enqueueCommand(db, args.actor.login, 'cases.pause', { caseId: args.caseId, from: args.from, reason: args.reason }, args.at);
  });
  run.immediate();
}

export function resumeCase(db: Database, args: { caseId: string; to: string; at: string; actor: Actor; outbox: boolean }): void {
  const run = db.transaction(() => {
    openCaseOrRefuse(db, args.caseId);
    const pause = db.prepare<[string], { from_date: string }>('SELECT from_date FROM case_pauses WHERE case_id = ? AND to_date IS NULL').get(args.caseId);
    if (!pause) throw new Refusal('cases.notPaused');
    if (args.to < pause.from_date) throw new Refusal('validation.periodReversed');
    db.prepare('UPDATE case_pauses SET to_date = ? WHERE case_id = ? AND from_date = ?').run(args.to, args.caseId, pause.from_date);
    appendCaseEvent(db, args.caseId, args.at, args.actor, 'resumed', { from: pause.from_date, to: args.to });
    if (args.outbox) enqueueCommand(db, args.actor.login, 'cases.resume', { caseId: args.caseId, to: args.to }, args.at);
  });
  run.immediate();
}

/** Art. 36: the party is told the case will take longer, why, and the new date; the original stays. */
export function extendCase(db: Database, args: { caseId: string; noticeOn: string; newDate: string; reason: string; at: string; actor: Actor; outbox: boolean }): void {
  const run = db.transaction(() => {
    openCaseOrRefuse(db, args.caseId);
    if (args.newDate <= args.noticeOn) throw new Refusal('cases.extensionNotLater');
    db.prepare('INSERT INTO case_extensions (case_id, notified_on, new_due_date, reason) VALUES (?, ?, ?, ?)').run(args.caseId, args.noticeOn, args.newDate, args.reason);
    appendCaseEvent(db, args.caseId, args.at, args.actor, 'extended', { noticeOn: args.noticeOn, newDate: args.newDate, reason: args.reason });
    if (args.outbox) enqueueCommand(db, args.actor.login, 'cases.extend', { caseId: args.caseId, noticeOn: args.noticeOn, newDate: args.newDate, reason: args.reason }, args.at);
  });
  run.immediate();
}

/** Open cases handled by `login`, with their deadline facts: for the "due within 3 days" list. */
export function openCasesOf(db: Database, login: string, limit: number): { case: CaseRecord; facts: DeadlineFacts }[] {
  return db
    .prepare<[string, number], { id: string }>("SELECT id FROM cases WHERE handler_login = ? AND status = 'open' ORDER BY started_on LIMIT ?")
    .all(login, limit)
    .map(({ id }) => ({ case: readCase(db, id) ?? missing(id), facts: deadlineFacts(db, id) }));
}

/** The cases a letter belongs to (usually one), with their deadline facts: for the register entry. */
export function casesOfItem(db: Database, itemId: string): { case: CaseRecord; facts: DeadlineFacts }[] {
  return db
    .prepare<[string], string>('SELECT case_id FROM case_items WHERE item_id = ? ORDER BY attached_at')
    .pluck()
    .all(itemId)
    .map((id) => ({ case: readCase(db, id) ?? missing(id), facts: deadlineFacts(db, id) }));
}

/**
 * Cases one person sees in "Moje sprawy": those they handle, or (scope `myUnits`) those of the
 * units they head, sections included; open ones first by start, then the closed if asked for.
 */
export function casesOf(db: Database, args: { login: string; scope: 'mine' | 'myUnits'; includeClosed: boolean; limit: number }): { case: CaseRecord; facts: DeadlineFacts }[] {
  const ids = db
    .prepare<[{ login: string; scope: string; includeClosed: number; limit: number }], string>(
      `WITH RECURSIVE headed (code) AS (
         SELECT p.unit_code FROM people p JOIN person_roles r ON r.login = p.login AND r.role = 'unit_head' WHERE p.login = @login AND p.active = 1
         UNION SELECT u.code FROM units u JOIN headed h ON u.parent_code = h.code
       )
       SELECT id FROM cases
       WHERE (CASE WHEN @scope = 'mine' THEN handler_login = @login ELSE unit_code IN (SELECT code FROM headed) END)
         AND (@includeClosed = 1 OR status = 'open')
       ORDER BY status DESC, started_on, opened_at LIMIT @limit`,
    )
    .pluck()
    .all({ login: args.login, scope: args.scope, includeClosed: args.includeClosed ? 1 : 0, limit: args.limit });
  return ids.map((id) => ({ case: readCase(db, id) ?? missing(id), facts: deadlineFacts(db, id) }));
}

function openCaseOrRefuse(db: Database, caseId: string): CaseRecord {
  const current = readCase(db, caseId);
  if (!current) throw new Refusal('errors.not_found');
  if (current.status === 'closed') throw new Refusal('cases.closedReadOnly');
  return current;
}
