import type { Database } from 'better-sqlite3';
import { formatRkwNumber } from '../../../../shared/outgoing/outgoing.ts';
import { formatRpwNumber } from '../../../../shared/registry.ts';
import type { NumberLease, NumberRegister } from '../../../../shared/sync/protocol.ts';
import { appendToQueue } from './outbox.ts';

/**
 * Where register numbers come from, for the incoming (RPW) and the outgoing (RKW) register alike
 * (DESIGN.md "Numbering"). `local`: this database is the desk's only numbering authority, and an
 * open-ended block is opened on first use each year. `leased-only`: numbers come solely from
 * blocks leased from the central server; with none left, the entry must wait (offline) or lease.
 */
export type NumberingMode = 'local' | 'leased-only';

/**
 * Each register's tables. Names come from this constant only, never from input. `entries`: the
 * register itself, whose rows carry the number as desk_code, year, sequence.
 */
const REGISTERS = {
  rpw: { blocks: 'rpw_blocks', voided: 'void_numbers', entries: 'incoming_items', format: formatRpwNumber, deskRow: true },
  rkw: { blocks: 'rkw_blocks', voided: 'rkw_void_numbers', entries: 'outgoing_letters', format: formatRkwNumber, deskRow: false },
} as const satisfies Record<NumberRegister, unknown>;

export const NUMBER_REGISTERS: readonly NumberRegister[] = ['rpw', 'rkw'];

export class NoNumbersLeftError extends Error {
  readonly register: NumberRegister;
  constructor(register: NumberRegister, deskCode: string, year: number) {
    super(`No ${register.toUpperCase()} numbers left for desk ${deskCode} in ${String(year)}`);
    this.name = 'NoNumbersLeftError';
    this.register = register;
  }
}

interface BlockRow {
  id: number;
  next_no: number;
  last_no: number | null;
}

/**
 * Takes the next number of a register for a desk and year. Must run inside the transaction that
 * writes the entry (BEGIN IMMEDIATE), so the number is burned only if the entry is written, and
 * two writers on the same file are serialised by SQLite's write lock. `clientId`: whose leased
 * blocks to take from (the signed-in person's); the server accepts a number only from the client
 * that leased it.
 */
export function allocateNumber(db: Database, register: NumberRegister, deskCode: string, year: number, mode: NumberingMode, clientId: string | null): number {
  if (!db.inTransaction) throw new Error('allocateNumber must run inside the transaction that writes the entry');
  if (mode === 'leased-only' && clientId === null) throw new Error('leased-only numbering needs the client whose blocks to use');
  const { blocks, entries } = REGISTERS[register];
  const nextBlock = db.prepare<[string, number, string, string | null], BlockRow>(
    `SELECT id, next_no, last_no FROM ${blocks}
      WHERE desk_code = ? AND year = ? AND (last_no IS NULL OR next_no <= last_no)
        AND (? = 'local' OR (origin = 'leased' AND client_id = ?))
      ORDER BY first_no LIMIT 1`,
  );
  const used = db.prepare<[string, number, number], number>(`SELECT 1 FROM ${entries} WHERE desk_code = ? AND year = ? AND sequence = ?`).pluck();
  const advance = db.prepare(`UPDATE ${blocks} SET next_no = next_no + 1 WHERE id = ?`);
  for (let block = nextBlock.get(deskCode, year, mode, clientId); block; block = nextBlock.get(deskCode, year, mode, clientId)) {
    advance.run(block.id);
    // A number this register already holds (written in local mode before the server came) is
    // passed over: the book has it already, and writing it again would break the entry.
    if (used.get(deskCode, year, block.next_no) === undefined) return block.next_no;
  }
  if (mode === 'leased-only') throw new NoNumbersLeftError(register, deskCode, year);
  // First entry of the year at this desk: continue after anything already numbered (leased blocks
  // used up earlier in the year), never from 1 again.
  const { highest } = db
    .prepare<[string, number], { highest: number }>(`SELECT coalesce(max(coalesce(last_no, next_no - 1)), 0) AS highest FROM ${blocks} WHERE desk_code = ? AND year = ?`)
    .get(deskCode, year) ?? { highest: 0 };
  const first = highest + 1;
  db.prepare(`INSERT INTO ${blocks} (desk_code, year, first_no, last_no, next_no, origin) VALUES (?, ?, ?, NULL, ?, 'local')`).run(deskCode, year, first, first + 1);
  return first;
}

/**
 * Keeps a block the server leased to `clientId`; numbering takes from it in order, for that
 * client's person only (the server accepts a number only from the client that leased it).
 */
export function addLeasedBlock(db: Database, register: NumberRegister, lease: NumberLease, clientId: string, at: string): void {
  const { blocks, deskRow } = REGISTERS[register];
  const run = db.transaction(() => {
    if (deskRow) db.prepare('INSERT OR IGNORE INTO desks (code, name, created_at) VALUES (?, ?, ?)').run(lease.deskCode, lease.deskCode, at);
    // The same lease kept twice is kept once; a local block (numbered before the server) is no lease.
    const known = db.prepare(`SELECT 1 FROM ${blocks} WHERE desk_code = ? AND year = ? AND first_no = ? AND origin = 'leased'`).get(lease.deskCode, lease.year, lease.firstNo);
    if (known) return;
    db.prepare(`INSERT INTO ${blocks} (desk_code, year, first_no, last_no, next_no, origin, client_id) VALUES (?, ?, ?, ?, ?, 'leased', ?)`)
      .run(lease.deskCode, lease.year, lease.firstNo, lease.lastNo, lease.firstNo, clientId);
  });
  run.immediate();
}

/** Numbers leased to `clientId` and not used yet, for a desk and year. */
export function leasedNumbersLeft(db: Database, register: NumberRegister, deskCode: string, year: number, clientId: string): number {
  return db
    .prepare<[string, number, string], number>(
      `SELECT coalesce(sum(last_no - next_no + 1), 0) FROM ${REGISTERS[register].blocks}
        WHERE desk_code = ? AND year = ? AND origin = 'leased' AND next_no <= last_no AND client_id = ?`,
    )
    .pluck()
    .get(deskCode, year, clientId) ?? 0;
}

/**
 * The desks (or units) `clientId` leased numbers for since `sinceYear`: where its person actually
 * writes entries, so the sync engine keeps those topped up and leases nothing for anyone else.
 */
export function leasedDesks(db: Database, register: NumberRegister, clientId: string, sinceYear: number): string[] {
  return db
    .prepare<[string, number], string>(`SELECT DISTINCT desk_code FROM ${REGISTERS[register].blocks} WHERE origin = 'leased' AND client_id = ? AND year >= ? ORDER BY desk_code`)
    .pluck()
    .all(clientId, sinceYear);
}

/**
 * Closes a register's leased blocks of years before `year`: their unused numbers are recorded as
 * void here and sent to the server as `rpw.void` / `rkw.void`, so the printed register explains
 * every gap. The void goes into the queue of the client that leased the block, whoever is signed
 * in: the server takes it from that client only. Runs inside the caller's transaction.
 */
export function voidUnusedLeased(db: Database, register: NumberRegister, year: number, at: string): number {
  const { blocks: table, voided } = REGISTERS[register];
  const blocks = db
    .prepare<[number], { id: number; desk_code: string; year: number; next_no: number; last_no: number; client_id: string; login: string | null }>(
      // A block with numbers left always has its client: the old server's were closed when it changed.
      `SELECT b.id, b.desk_code, b.year, b.next_no, b.last_no, b.client_id, c.login
       FROM ${table} b JOIN sync_clients c ON c.client_id = b.client_id
       WHERE b.origin = 'leased' AND b.year < ? AND b.next_no <= b.last_no`,
    )
    .all(year);
  const insert = db.prepare(`INSERT OR IGNORE INTO ${voided} (desk_code, year, sequence, voided_at) VALUES (?, ?, ?, ?)`);
  let count = 0;
  for (const block of blocks) {
    const sequences: number[] = [];
    for (let no = block.next_no; no <= block.last_no; no += 1) sequences.push(no);
    for (const sequence of sequences) insert.run(block.desk_code, block.year, sequence, at);
    for (let i = 0; i < sequences.length; i += 1000) {
      appendToQueue(db, block.client_id, block.login, `${register}.void`, { deskCode: block.desk_code, year: block.year, sequences: sequences.slice(i, i + 1000) }, at);
    }
    db.prepare(`UPDATE ${table} SET next_no = last_no + 1 WHERE id = ?`).run(block.id);
    count += sequences.length;
  }
  return count;
}

/** Leased numbers mean nothing to another server: every block still open is closed (inside the caller's transaction). */
export function closeLeasedBlocks(db: Database): void {
  for (const register of NUMBER_REGISTERS) {
    db.prepare(`UPDATE ${REGISTERS[register].blocks} SET next_no = last_no + 1 WHERE origin = 'leased' AND next_no <= last_no`).run();
  }
}

/** A void number pulled from the server (another workstation's block ended unused). */
export function recordVoidNumber(db: Database, register: NumberRegister, data: unknown, at: string): void {
  const value = data as { deskCode?: unknown; year?: unknown; sequence?: unknown };
  if (typeof value.deskCode !== 'string' || typeof value.year !== 'number' || typeof value.sequence !== 'number') return;
  db.prepare(`INSERT OR IGNORE INTO ${REGISTERS[register].voided} (desk_code, year, sequence, voided_at) VALUES (?, ?, ?, ?)`).run(value.deskCode, value.year, value.sequence, at);
}

/** A register's numbers recorded as void for a desk and year, for the register's gaps. */
export function voidNumbers(db: Database, register: NumberRegister, deskCode: string, year: number): string[] {
  const { voided, format } = REGISTERS[register];
  return db
    .prepare<[string, number], number>(`SELECT sequence FROM ${voided} WHERE desk_code = ? AND year = ? ORDER BY sequence`)
    .pluck()
    .all(deskCode, year)
    .map((sequence) => format(deskCode, sequence, year));
}
