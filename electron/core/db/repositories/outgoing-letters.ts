import type { Database } from 'better-sqlite3';
import { awaitsProofSql, awizoFictionDate, formatRkwNumber, type DeliveryKind, type OutgoingChannel, type OutgoingLetter } from '../../../../shared/outgoing/outgoing.ts';
import { appendCaseEvent, closeCase, type Actor } from './cases.ts';
import { allocateNumber } from './numbering.ts';
import { clientOf, enqueueCommand } from './outbox.ts';
import { Refusal } from './refusal.ts';

interface OutgoingRow {
  id: string;
  desk_code: string;
  year: number;
  sequence: number;
  case_id: string | null;
  case_sign: string | null;
  reply_id: string | null;
  subject: string;
  addressee_name: string;
  address_lines: string;
  channel: OutgoingChannel;
  postage_grosze: number | null;
  mass_grams: number | null;
  tracking_number: string | null;
  sent_on: string;
  registered_by: string;
  registered_at: string;
  delivered_on: string | null;
  delivery_kind: DeliveryKind | null;
  returned_on: string | null;
  return_reason: string | null;
}

const SELECT = `
  SELECT o.id, o.desk_code, o.year, o.sequence, o.case_id, c.sign AS case_sign, o.reply_id, o.subject, o.addressee_name,
         o.address_lines, o.channel, o.postage_grosze, o.mass_grams, o.tracking_number, o.sent_on, o.registered_by,
         o.registered_at, o.delivered_on, o.delivery_kind, o.returned_on, o.return_reason
  FROM outgoing_letters o LEFT JOIN cases c ON c.id = o.case_id`;

function toLetter(row: OutgoingRow): OutgoingLetter {
  return {
    id: row.id, rkwNumber: formatRkwNumber(row.desk_code, row.sequence, row.year), deskCode: row.desk_code, year: row.year,
    sequence: row.sequence, caseId: row.case_id, caseSign: row.case_sign, replyId: row.reply_id, subject: row.subject,
    addresseeName: row.addressee_name, addressLines: row.address_lines, channel: row.channel, postageGrosze: row.postage_grosze,
    massGrams: row.mass_grams, trackingNumber: row.tracking_number, sentOn: row.sent_on, registeredBy: row.registered_by,
    registeredAt: row.registered_at, deliveredOn: row.delivered_on, deliveryKind: row.delivery_kind, returnedOn: row.returned_on,
    returnReason: row.return_reason,
  };
}

export function getOutgoing(db: Database, id: string): OutgoingLetter | null {
  const row = db.prepare<[string], OutgoingRow>(`${SELECT} WHERE o.id = ?`).get(id);
  return row ? toLetter(row) : null;
}

export function outgoingOfCase(db: Database, caseId: string): OutgoingLetter[] {
  return db.prepare<[string], OutgoingRow>(`${SELECT} WHERE o.case_id = ? ORDER BY o.letter_no`).all(caseId).map(toLetter);
}

export interface OutgoingFilter {
  readonly from: string;
  readonly to: string;
  readonly channel: OutgoingChannel | null;
  readonly deskCode: string | null;
  readonly awaitingProof: boolean;
  readonly limit: number;
}

/** The register for a period, in the order it was written (by desk, then number). */
export function listOutgoing(db: Database, filter: OutgoingFilter): OutgoingLetter[] {
  return db
    .prepare<[Record<string, string | number | null>], OutgoingRow>(
      `${SELECT}
       WHERE o.sent_on BETWEEN @from AND @to AND (@channel IS NULL OR o.channel = @channel) AND (@desk IS NULL OR o.desk_code = @desk)
         AND (@awaiting = 0 OR (${awaitsProofSql('o')}))
       ORDER BY o.sent_on, o.desk_code, o.year, o.sequence LIMIT @limit`,
    )
    .all({ from: filter.from, to: filter.to, channel: filter.channel, desk: filter.deskCode, awaiting: filter.awaitingProof ? 1 : 0, limit: filter.limit })
    .map(toLetter);
}

/** Letters by id, in the order asked (for labels and envelopes the clerk picked); unknown ids are left out. */
export function outgoingByIds(db: Database, ids: readonly string[]): OutgoingLetter[] {
  const read = db.prepare<[string], OutgoingRow>(`${SELECT} WHERE o.id = ?`);
  return ids.flatMap((id) => {
    const row = read.get(id);
    return row ? [toLetter(row)] : [];
  });
}

/** One day's registered post of a desk, in RKW order: the lines of its pocztowa książka nadawcza. */
export function dispatchBookLetters(db: Database, date: string, deskCode: string | null): OutgoingLetter[] {
  return db
    .prepare<[{ date: string; desk: string | null }], OutgoingRow>(
      `${SELECT} WHERE o.sent_on = @date AND (@desk IS NULL OR o.desk_code = @desk) AND o.channel IN ('registered_zpo', 'registered')
       ORDER BY o.desk_code, o.year, o.sequence`,
    )
    .all({ date, desk: deskCode })
    .map(toLetter);
}

export interface DispatchArgs {
  readonly id: string;
  readonly replyId: string;
  /** The registry desk sending it; null on a unit's own PC: the case's unit numbers its own RKW. */
  readonly deskCode: string | null;
  readonly channel: OutgoingChannel;
  readonly addresseeName: string;
  readonly addressLines: string;
  readonly sentOn: string;
  readonly postageGrosze: number | null;
  readonly massGrams: number | null;
  readonly trackingNumber: string | null;
  /** Closing the loop: the case is closed in the same transaction, so a sent reply never leaves it half-done. */
  readonly close: { readonly settlement: string } | null;
  /**
   * With a central server: the RKW number comes from a block leased to the actor on this PC (none
   * left: NoNumbersLeftError), and the letter's public path learns the reply went out (and the
   * closure follows it).
   */
  readonly outbox: boolean;
  readonly at: string;
  readonly actor: Actor;
}

/**
 * Puts an accepted reply in the outgoing register under the next RKW number of its desk and year,
 * records it in the case's and the letters' metryka, and closes the case if asked. A reply goes
 * out once; again only after every earlier dispatch came back undelivered (a corrected address).
 */
export function dispatchReply(db: Database, args: DispatchArgs): OutgoingLetter {
  const run = db.transaction((): OutgoingLetter => {
    const reply = db
      .prepare<[string], { case_id: string; state: string; unit_code: string; status: string; decided_at: string | null; template_name: string }>(
        `SELECT r.case_id, r.state, c.unit_code, c.status, r.decided_at, t.name AS template_name
           FROM replies r JOIN cases c ON c.id = r.case_id JOIN letter_templates t ON t.id = r.template_id AND t.version = r.template_version
          WHERE r.id = ?`,
      )
      .get(args.replyId);
    if (!reply) throw new Refusal('errors.not_found');
    if (reply.state !== 'accepted') throw new Refusal('outgoing.errors.notFinal');
    if (reply.decided_at !== null && args.sentOn < reply.decided_at.slice(0, 10)) throw new Refusal('outgoing.errors.sentBeforeAccepted');
    const pending = db.prepare<[string], number>('SELECT count(*) FROM outgoing_letters WHERE reply_id = ? AND returned_on IS NULL').pluck().get(args.replyId) ?? 0;
    if (pending > 0) throw new Refusal('outgoing.errors.alreadySent');
    const deskCode = deskFor(args.deskCode, reply.unit_code);
    const year = Number(args.sentOn.slice(0, 4));
    const sequence = args.outbox
      ? allocateNumber(db, 'rkw', deskCode, year, 'leased-only', clientOf(db, args.actor.login, args.at))
      : allocateNumber(db, 'rkw', deskCode, year, 'local', null);
    db.prepare(
      `INSERT INTO outgoing_letters (id, desk_code, year, sequence, case_id, reply_id, subject, addressee_name, address_lines, channel,
         postage_grosze, mass_grams, tracking_number, sent_on, registered_by, registered_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(args.id, deskCode, year, sequence, reply.case_id, args.replyId, reply.template_name, args.addresseeName, args.addressLines, args.channel,
      args.postageGrosze, args.massGrams, args.trackingNumber, args.sentOn, args.actor.name, args.at);
    const letter = getOutgoing(db, args.id) ?? missing(args.id);
    const facts = { replyId: args.replyId, outgoingId: args.id, rkwNumber: letter.rkwNumber, channel: args.channel, sentOn: args.sentOn };
    appendCaseEvent(db, reply.case_id, args.at, args.actor, 'reply_dispatched', facts);
    appendItemEvents(db, reply.case_id, args.at, args.actor, 'reply_sent', { ...facts, caseSign: letter.caseSign });
    if (args.outbox) {
      enqueueCommand(db, args.actor.login, 'outgoing.dispatch', { letter: { id: args.id, caseId: reply.case_id, rkwNumber: letter.rkwNumber, channel: args.channel, sentOn: args.sentOn } }, args.at);
    }
    if (args.close !== null && reply.status !== 'closed') {
      closeCase(db, { caseId: reply.case_id, settlement: args.close.settlement, at: args.at, actor: args.actor, outbox: args.outbox });
    }
    return letter;
  });
  return run.immediate();
}

/** The desk whose RKW numbers a letter takes: the PC's registry desk, or else the case's unit numbers its own. */
function deskFor(deskCode: string | null, unitCode: string): string {
  return deskCode === null || deskCode === '' ? unitCode : deskCode;
}

/** The desk a reply would be sent from (to lease its numbers before sending); null for an unknown reply. */
export function rkwDeskOf(db: Database, replyId: string, deskCode: string | null): string | null {
  const unitCode = db.prepare<[string], string>('SELECT c.unit_code FROM replies r JOIN cases c ON c.id = r.case_id WHERE r.id = ?').pluck().get(replyId);
  return unitCode === undefined ? null : deskFor(deskCode, unitCode);
}

export type DeliveryOutcome =
  | { readonly kind: 'signed' | 'electronic_proof'; readonly deliveredOn: string }
  | { readonly kind: 'awizo_fiction'; readonly firstNoticeOn: string };

/**
 * Delivery as the return receipt says: the date the citizen's own deadlines run from, so it is a
 * date and a kind, recorded once. For the awizo fiction the deemed day is derived from the first notice.
 */
export function recordDelivery(db: Database, args: { id: string; outcome: DeliveryOutcome; today: string; at: string; actor: Actor; outbox: boolean }): OutgoingLetter {
  const run = db.transaction((): OutgoingLetter => {
    const letter = openOutcome(db, args.id);
    const deliveredOn = args.outcome.kind === 'awizo_fiction' ? awizoFictionDate(args.outcome.firstNoticeOn) : args.outcome.deliveredOn;
    const noticeOrDelivery = args.outcome.kind === 'awizo_fiction' ? args.outcome.firstNoticeOn : deliveredOn;
    if (noticeOrDelivery < letter.sentOn) throw new Refusal('outgoing.errors.beforeSent');
    if (noticeOrDelivery > args.today) throw new Refusal('outgoing.errors.future');
    // The fiction is a fact only once the holding period is over; until then the letter is still awaited.
    if (deliveredOn > args.today) throw new Refusal('outgoing.errors.fictionNotYet');
    db.prepare('UPDATE outgoing_letters SET delivered_on = ?, delivery_kind = ?, outcome_by = ?, outcome_at = ? WHERE id = ?')
      .run(deliveredOn, args.outcome.kind, args.actor.name, args.at, args.id);
    const facts = { outgoingId: args.id, rkwNumber: letter.rkwNumber, deliveredOn, deliveryKind: args.outcome.kind };
    if (letter.caseId !== null) {
      appendCaseEvent(db, letter.caseId, args.at, args.actor, 'reply_delivered', facts);
      appendItemEvents(db, letter.caseId, args.at, args.actor, 'reply_delivered', facts);
      if (args.outbox) enqueueCommand(db, args.actor.login, 'outgoing.outcome', { id: args.id, deliveredOn, deliveryKind: args.outcome.kind }, args.at);
    }
    return getOutgoing(db, args.id) ?? missing(args.id);
  });
  return run.immediate();
}

/** The letter came back undelivered (zwrot): it may then be sent again, e.g. to a corrected address. */
export function recordReturn(db: Database, args: { id: string; returnedOn: string; reason: string; today: string; at: string; actor: Actor; outbox: boolean }): OutgoingLetter {
  const run = db.transaction((): OutgoingLetter => {
    const letter = openOutcome(db, args.id);
    if (args.returnedOn < letter.sentOn) throw new Refusal('outgoing.errors.beforeSent');
    if (args.returnedOn > args.today) throw new Refusal('outgoing.errors.future');
    db.prepare('UPDATE outgoing_letters SET returned_on = ?, return_reason = ?, outcome_by = ?, outcome_at = ? WHERE id = ?')
      .run(args.returnedOn, args.reason, args.actor.name, args.at, args.id);
    const facts = { outgoingId: args.id, rkwNumber: letter.rkwNumber, returnedOn: args.returnedOn, reason: args.reason };
    if (letter.caseId !== null) {
      appendCaseEvent(db, letter.caseId, args.at, args.actor, 'reply_undelivered', facts);
      appendItemEvents(db, letter.caseId, args.at, args.actor, 'reply_undelivered', facts);
      if (args.outbox) enqueueCommand(db, args.actor.login, 'outgoing.outcome', { id: args.id, returnedOn: args.returnedOn }, args.at);
    }
    return getOutgoing(db, args.id) ?? missing(args.id);
  });
  return run.immediate();
}

function openOutcome(db: Database, id: string): OutgoingLetter {
  const letter = getOutgoing(db, id);
  if (!letter) throw new Refusal('errors.not_found');
  if (letter.deliveredOn !== null || letter.returnedOn !== null) throw new Refusal('outgoing.errors.outcomeRecorded');
  return letter;
}

/** The letters of the case learn about their reply: the path a resident and the desk follow. */
function appendItemEvents(db: Database, caseId: string, at: string, actor: Actor, kind: 'reply_sent' | 'reply_delivered' | 'reply_undelivered', details: Record<string, unknown>): void {
  const insert = db.prepare('INSERT INTO item_events (item_id, at, actor, actor_post, kind, details) SELECT item_id, ?, ?, ?, ?, ? FROM case_items WHERE case_id = ?');
  insert.run(at, actor.name, actor.post, kind, JSON.stringify(details), caseId);
}

function missing(id: string): never {
  throw new Error(`outgoing letter ${id} vanished inside its own transaction`);
}
