import type { Database } from 'better-sqlite3';

/**
 * Where RPW numbers come from. `local`: this database is the desk's only numbering authority,
 * and an open-ended block is opened on first use each year. `leased-only`: numbers come solely
 * from blocks leased from the central server; with none left, registration must stop (the
 * server issue switches to this mode).
 */
export type NumberingMode = 'local' | 'leased-only';

export class NoNumbersLeftError extends Error {
  constructor(deskCode: string, year: number) {
    super(`No RPW numbers left for desk ${deskCode} in ${String(year)}`);
    this.name = 'NoNumbersLeftError';
  }
}

interface BlockRow {
  id: number;
  next_no: number;
}

/**
 * Takes the next RPW number for a desk and year. Must run inside the registering transaction
 * (BEGIN IMMEDIATE), so the number is burned only if the entry is written, and two writers on
 * the same file are serialised by SQLite's write lock. `clientId`: whose leased blocks to take
 * from (the signed-in person's); the server accepts a number only from the client that leased it.
 */
export function allocateRpwNumber(db: Database, deskCode: string, year: number, mode: NumberingMode, clientId: string | null = null): number {
  if (!db.inTransaction) throw new Error('allocateRpwNumber must run inside the registering transaction');
  if (mode === 'leased-only' && clientId === null) throw new Error('leased-only numbering needs the client whose blocks to use');
  const block = db
    .prepare<[string, number, string, string | null], BlockRow>(
      `SELECT id, next_no FROM rpw_blocks
        WHERE desk_code = ? AND year = ? AND (last_no IS NULL OR next_no <= last_no)
          AND (? = 'local' OR (origin = 'leased' AND client_id = ?))
        ORDER BY first_no LIMIT 1`,
    )
    .get(deskCode, year, mode, clientId);
  if (block) {
    db.prepare('UPDATE rpw_blocks SET next_no = next_no + 1 WHERE id = ?').run(block.id);
    return block.next_no;
  }
  if (mode === 'leased-only') throw new NoNumbersLeftError(deskCode, year);
  // First entry of the year at this desk: continue after anything already numbered (leased blocks
  // used up earlier in the year), never from 1 again.
  const { highest } = db
    .prepare<[string, number], { highest: number }>(
      'SELECT coalesce(max(coalesce(last_no, next_no - 1)), 0) AS highest FROM rpw_blocks WHERE desk_code = ? AND year = ?',
    )
    .get(deskCode, year) ?? { highest: 0 };
  const first = highest + 1;
  db.prepare("INSERT INTO rpw_blocks (desk_code, year, first_no, last_no, next_no, origin) VALUES (?, ?, ?, NULL, ?, 'local')")
    .run(deskCode, year, first, first + 1);
  return first;
}
