import type { Database } from 'better-sqlite3';
import { officeIsoDate } from '../../../../shared/dates.ts';
import {
  formatRpwNumber,
  type IncomingItem,
  type ItemDetail,
  type ItemEvent,
  type ItemPage,
  type ItemRow,
  type RegisterItem,
} from '../../../../shared/registry.ts';
import { toFtsQuery } from '../fts-query.ts';
import { allocateNumber, type NumberingMode } from './numbering.ts';
import { clientOf, enqueueCommand } from './outbox.ts';

export interface RegisterArgs {
  readonly item: RegisterItem;
  readonly id: string;
  readonly deskCode: string;
  readonly year: number;
  readonly registeredAt: string;
  readonly registeredBy: string;
  readonly trackingCode: string;
  readonly trackingPin: string;
  readonly numbering: NumberingMode;
  /**
   * With a central server, the signed-in login: the command goes to their outbox in the same
   * transaction as the entry, and leased numbers come from their blocks. Null without a server.
   */
  readonly outbox: string | null;
}

interface ItemRecord {
  entry_no: number;
  id: string;
  rpw_number: string;
  desk_code: string;
  year: number;
  sequence: number;
  received_at: string;
  channel: IncomingItem['channel'];
  posted_on: string | null;
  correspondent_id: string | null;
  sender_name: string | null;
  sender_address: string | null;
  sender_reference: string | null;
  letter_date: string | null;
  subject: string | null;
  attachments_count: number;
  personal_delivery: number;
  access_level: IncomingItem['accessLevel'];
  original_location: string | null;
  postal_tracking_number: string | null;
  notes: string | null;
  status: IncomingItem['status'];
  cancel_reason: string | null;
  registered_at: string;
  registered_by: string;
  tracking_code: string;
  tracking_pin: string;
}

/**
 * Registers one letter: number, entry and metryka in one IMMEDIATE transaction. Either all of it
 * is on disk, or nothing is and no number was used.
 */
export function registerItem(db: Database, args: RegisterArgs): IncomingItem {
  const run = db.transaction((a: RegisterArgs): IncomingItem => {
    db.prepare('INSERT OR IGNORE INTO desks (code, name, created_at) VALUES (?, ?, ?)').run(a.deskCode, a.deskCode, a.registeredAt);
    const sequence = allocateNumber(db, 'rpw', a.deskCode, a.year, a.numbering, a.outbox === null ? null : clientOf(db, a.outbox, a.registeredAt));
    const rpwNumber = formatRpwNumber(a.deskCode, sequence, a.year);
    const { item } = a;
    db.prepare(
      `INSERT INTO incoming_items (
         id, rpw_number, desk_code, year, sequence, received_at, received_on, channel, posted_on,
         correspondent_id, sender_name, sender_address, sender_reference, letter_date, subject,
         attachments_count, personal_delivery, access_level, original_location, postal_tracking_number,
         notes, status, registered_at, registered_by, tracking_code, tracking_pin)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'registered', ?, ?, ?, ?)`,
    ).run(
      a.id, rpwNumber, a.deskCode, a.year, sequence,
      new Date(item.receivedAt).toISOString(), officeIsoDate(new Date(item.receivedAt)), item.channel, item.postedOn,
      item.sender.correspondentId, item.sender.name, item.sender.address, item.senderReference, item.letterDate, item.subject,
      item.attachmentsCount, item.personalDelivery ? 1 : 0, item.accessLevel, item.originalLocation, item.postalTrackingNumber,
      item.notes, a.registeredAt, a.registeredBy, a.trackingCode, a.trackingPin,
    );
    appendEvent(db, a.id, a.registeredAt, a.registeredBy, 'registered', { rpwNumber });
    const registered = readItem(db, a.id) ?? failMissing(a.id);
    if (a.outbox !== null) enqueueCommand(db, a.outbox, 'registry.register', { item: registered }, a.registeredAt);
    return registered;
  });
  return run.immediate(args);
}

/** `outbox`: as in RegisterArgs, the signed-in login whose outbox records it (null: no server). */
export function cancelItem(db: Database, args: { id: string; reason: string; at: string; actor: string; outbox: string | null }): IncomingItem | null {
  const run = db.transaction((): IncomingItem | null => {
    const changed = db
      .prepare("UPDATE incoming_items SET status = 'cancelled', cancel_reason = ? WHERE id = ? AND status = 'registered'")
      .run(args.reason, args.id).changes;
    if (changed === 0) return null;
    appendEvent(db, args.id, args.at, args.actor, 'cancelled', { reason: args.reason });
    if (args.outbox !== null) enqueueCommand(db, args.outbox, 'registry.cancel', { id: args.id, reason: args.reason }, args.at);
    return readItem(db, args.id);
  });
  return run.immediate();
}

export function getItem(db: Database, id: string): ItemDetail | null {
  const item = readItem(db, id);
  if (!item) return null;
  const events = db
    .prepare<[string], { at: string; actor: string; actor_post: string | null; kind: ItemEvent['kind']; details: string }>(
      'SELECT at, actor, actor_post, kind, details FROM item_events WHERE item_id = ? ORDER BY event_no',
    )
    .all(id)
    .map((row) => ({ at: row.at, actor: row.actor, actorPost: row.actor_post, kind: row.kind, details: JSON.parse(row.details) as Record<string, unknown> }));
  return { item, events };
}

export interface ListArgs {
  readonly text: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly channel: string | null;
  readonly status: string | null;
  readonly deskCode: string | null;
  readonly before: number | null;
  readonly limit: number;
}

/**
 * Beyond this many hits a text search says "over 1000" instead of counting on: counting every
 * one of 100,000 letters that mention "wniosek" costs more than the page itself, and no clerk
 * reads past the first screens of such a search anyway.
 */
export const SEARCH_COUNT_CAP = 1000;

/**
 * One page of the register, newest entry first, with the total for the same filters. A text
 * search drives the page from the FTS index walked backwards by rowid (= entry_no), joining each
 * hit to its entry, so even a word in every tenth letter stops after one page instead of
 * collecting all matches first.
 */
export function listItems(db: Database, args: ListArgs): ItemPage {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (args.from !== null) { where.push('i.received_on >= ?'); params.push(args.from); }
  if (args.to !== null) { where.push('i.received_on <= ?'); params.push(args.to); }
  if (args.channel !== null) { where.push('i.channel = ?'); params.push(args.channel); }
  if (args.status !== null) { where.push('i.status = ?'); params.push(args.status); }
  if (args.deskCode !== null) { where.push('i.desk_code = ?'); params.push(args.deskCode); }
  const match = toFtsQuery(args.text);
  return match === null ? listAll(db, args, where, params) : listMatching(db, args, match, where, params);
}

function listAll(db: Database, args: ListArgs, where: readonly string[], params: readonly (string | number)[]): ItemPage {
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = db.prepare<(string | number)[], { n: number }>(`SELECT count(*) AS n FROM incoming_items i ${filter}`).get(...params)?.n ?? 0;
  const page = [...where, ...(args.before === null ? [] : ['i.entry_no < ?'])];
  const records = db
    .prepare<(string | number)[], ItemRecord>(
      `SELECT i.* FROM incoming_items i ${page.length > 0 ? `WHERE ${page.join(' AND ')}` : ''} ORDER BY i.entry_no DESC LIMIT ?`,
    )
    .all(...params, ...(args.before === null ? [] : [args.before]), args.limit + 1);
  return toPage(records, args.limit, total, true);
}

function listMatching(db: Database, args: ListArgs, match: string, where: readonly string[], params: readonly (string | number)[]): ItemPage {
  const conditions = ['incoming_fts MATCH ?', ...where];
  // CROSS JOIN keeps the FTS table as the outer loop: the planner must not start from an index
  // on incoming_items and probe the FTS index once per letter.
  const from = 'incoming_fts f CROSS JOIN incoming_items i ON i.entry_no = f.rowid';
  const counted = db
    .prepare<(string | number)[], { n: number }>(`SELECT count(*) AS n FROM (SELECT 1 FROM ${from} WHERE ${conditions.join(' AND ')} LIMIT ?)`)
    .get(match, ...params, SEARCH_COUNT_CAP + 1)?.n ?? 0;
  const page = [...conditions, ...(args.before === null ? [] : ['f.rowid < ?'])];
  const records = db
    .prepare<(string | number)[], ItemRecord>(`SELECT i.* FROM ${from} WHERE ${page.join(' AND ')} ORDER BY f.rowid DESC LIMIT ?`)
    .all(match, ...params, ...(args.before === null ? [] : [args.before]), args.limit + 1);
  return toPage(records, args.limit, Math.min(counted, SEARCH_COUNT_CAP), counted <= SEARCH_COUNT_CAP);
}

function toPage(records: readonly ItemRecord[], limit: number, total: number, totalExact: boolean): ItemPage {
  const hasMore = records.length > limit;
  const page = records.slice(0, limit);
  return { rows: page.map(toRow), next: hasMore ? (page.at(-1)?.entry_no ?? null) : null, total, totalExact };
}

export interface ExportArgs {
  readonly from: string;
  readonly to: string;
  readonly deskCode: string | null;
  /** Above this many entries nothing is read: the caller asks for a shorter period. */
  readonly limit: number;
}

/**
 * The register for a period (by date received) in book order: desk, year, number. Cancelled
 * entries are included: the printed register must show every number that was issued.
 */
export function itemsForExport(db: Database, args: ExportArgs): { total: number; items: IncomingItem[] } {
  const filter = `WHERE received_on >= ? AND received_on <= ?${args.deskCode === null ? '' : ' AND desk_code = ?'}`;
  const params = args.deskCode === null ? [args.from, args.to] : [args.from, args.to, args.deskCode];
  const total = db.prepare<string[], { n: number }>(`SELECT count(*) AS n FROM incoming_items ${filter}`).get(...params)?.n ?? 0;
  if (total > args.limit) return { total, items: [] };
  const records = db.prepare<string[], ItemRecord>(`SELECT * FROM incoming_items ${filter} ORDER BY desk_code, year, sequence`).all(...params);
  return { total, items: records.map(toItem) };
}

/** Desk codes that have registered anything here, for the register's desk filter. */
export function listDeskCodes(db: Database): string[] {
  return db.prepare<[], string>('SELECT code FROM desks ORDER BY code').pluck().all();
}

function appendEvent(db: Database, itemId: string, at: string, actor: string, kind: ItemEvent['kind'], details: Record<string, unknown>): void {
  db.prepare('INSERT INTO item_events (item_id, at, actor, kind, details) VALUES (?, ?, ?, ?, ?)').run(itemId, at, actor, kind, JSON.stringify(details));
}

function readItem(db: Database, id: string): IncomingItem | null {
  const record = db.prepare<[string], ItemRecord>('SELECT * FROM incoming_items WHERE id = ?').get(id);
  return record ? toItem(record) : null;
}

function failMissing(id: string): never {
  throw new Error(`Item ${id} vanished inside its own transaction`);
}

function toRow(r: ItemRecord): ItemRow {
  return {
    id: r.id,
    rpwNumber: r.rpw_number,
    receivedAt: r.received_at,
    channel: r.channel,
    senderName: r.sender_name,
    subject: r.subject,
    status: r.status,
    deskCode: r.desk_code,
    attachmentsCount: r.attachments_count,
  };
}

function toItem(r: ItemRecord): IncomingItem {
  return {
    ...toRow(r),
    year: r.year,
    sequence: r.sequence,
    postedOn: r.posted_on,
    correspondentId: r.correspondent_id,
    senderAddress: r.sender_address,
    senderReference: r.sender_reference,
    letterDate: r.letter_date,
    personalDelivery: r.personal_delivery === 1,
    accessLevel: r.access_level,
    originalLocation: r.original_location,
    postalTrackingNumber: r.postal_tracking_number,
    notes: r.notes,
    cancelReason: r.cancel_reason,
    registeredAt: r.registered_at,
    registeredBy: r.registered_by,
    trackingCode: r.tracking_code,
    trackingPin: r.tracking_pin,
  };
}
