import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { formatRpwNumber } from '../../../../shared/registry.ts';
import type { Change, MutationResult, RpwLease } from '../../../../shared/sync/protocol.ts';
import { SyncIssue } from '../../../../shared/sync/status.ts';
import { z } from 'zod';
import { assignCaseSign } from './cases.ts';
import { applyRemoteItem } from './remote-items.ts';
import { applyRemoteRoute } from './remote-routes.ts';

/**
 * The workstation's side of sync (DESIGN.md "Sync"): the outbox the clerk's actions fill inside
 * their own transactions, what the server answered, the pull cursor, and leased RPW blocks. Every
 * function here is one SQLite transaction, so a crash leaves either the old or the new state.
 */

export interface SyncState {
  readonly clientId: string;
  readonly serverUrl: string;
  readonly lastSyncAt: string | null;
}

interface StateRow {
  client_id: string;
  server_url: string;
  seq_base: number;
  last_sync_at: string | null;
}

function stateRow(db: Database): StateRow | undefined {
  return db.prepare<[], StateRow>('SELECT client_id, server_url, seq_base, last_sync_at FROM sync_state WHERE id = 1').get();
}

/**
 * This installation's identity towards `serverUrl`. Another server (IT moved the workstation)
 * means a new client id, a cursor from 0, and commands numbered from 1 again; commands still
 * waiting for the old server become issues for the clerk, not silently sent elsewhere.
 */
export function syncStateFor(db: Database, serverUrl: string, at: string): SyncState {
  const run = db.transaction((): SyncState => {
    const row = stateRow(db);
    if (row && row.server_url === serverUrl) {
      return { clientId: row.client_id, serverUrl, lastSyncAt: row.last_sync_at };
    }
    if (row) {
      db.prepare(
        `INSERT INTO sync_issues (seq, name, args, status, error_code, error_key, server_data, created_at)
         SELECT seq, name, args, 'rejected', 'server_changed', 'sync.rejections.serverChanged', NULL, ? FROM outbox`,
      ).run(at);
      db.prepare('DELETE FROM outbox').run();
      db.prepare('DELETE FROM sync_cursors').run();
      // Numbers leased from the old server mean nothing to the new one.
      db.prepare("UPDATE rpw_blocks SET next_no = last_no + 1 WHERE origin = 'leased' AND next_no <= last_no").run();
    }
    const seqBase = db.prepare<[], number>("SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = 'outbox'").pluck().get() ?? 0;
    const clientId = randomUUID();
    db.prepare(
      `INSERT INTO sync_state (id, client_id, server_url, cursor, seq_base) VALUES (1, ?, ?, 0, ?)
       ON CONFLICT (id) DO UPDATE SET client_id = excluded.client_id, server_url = excluded.server_url, cursor = 0,
         seq_base = excluded.seq_base, last_sync_at = NULL`,
    ).run(clientId, serverUrl, seqBase);
    return { clientId, serverUrl, lastSyncAt: null };
  });
  return run.immediate();
}

/** Adds a command to the outbox. Called inside the transaction that made the local change. */
export function enqueueCommand(db: Database, name: string, args: unknown, at: string): void {
  if (!db.inTransaction) throw new Error('enqueueCommand must run inside the transaction of the change it records');
  db.prepare('INSERT INTO outbox (name, args, created_at) VALUES (?, ?, ?)').run(name, JSON.stringify(args), at);
}

export interface OutboxCommand {
  readonly seq: number;
  readonly name: string;
  readonly args: unknown;
}

/** The oldest waiting commands, numbered as the server counts them (1, 2, 3… per client id). */
export function outboxBatch(db: Database, limit: number): OutboxCommand[] {
  const base = stateRow(db)?.seq_base ?? 0;
  return db
    .prepare<[number, number], { seq: number; name: string; args: string }>('SELECT seq, name, args FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?')
    .all(base, limit)
    .map((row) => ({ seq: row.seq - base, name: row.name, args: JSON.parse(row.args) as unknown }));
}

/**
 * Records the server's answers: applied commands leave the outbox; refused and conflicting ones
 * move to `sync_issues` with the server's version beside the clerk's, for the conflicts view.
 */
export function applyPushResults(db: Database, results: readonly MutationResult[], at: string): { applied: number; issues: number } {
  const run = db.transaction(() => {
    const base = stateRow(db)?.seq_base ?? 0;
    let applied = 0;
    let issues = 0;
    for (const result of results) {
      const seq = result.seq + base;
      switch (result.status) {
        case 'applied':
          applied += 1;
          applyServerValue(db, seq, result.value, at);
          break;
        case 'rejected':
        case 'conflict':
          issues += db.prepare(
            `INSERT OR IGNORE INTO sync_issues (seq, name, args, status, error_code, error_key, server_data, created_at)
             SELECT seq, name, args, ?, ?, ?, ?, ? FROM outbox WHERE seq = ?`,
          ).run(result.status, result.error?.code ?? 'unknown', result.error?.message ?? 'errors.unexpected',
            result.value === null || result.value === undefined ? null : JSON.stringify(result.value), at, seq).changes;
          break;
        default:
          return assertNever(result.status);
      }
      db.prepare('DELETE FROM outbox WHERE seq = ?').run(seq);
    }
    return { applied, issues };
  });
  return run.immediate();
}

const NumberedCase = z.object({ number: z.number().int().positive(), sign: z.string().min(1) });

/** What an applied command's answer changes here: a case opened offline gets the server's sign. */
function applyServerValue(db: Database, seq: number, value: unknown, at: string): void {
  const command = db.prepare<[number], { name: string; args: string }>('SELECT name, args FROM outbox WHERE seq = ?').get(seq);
  if (command?.name !== 'cases.open') return;
  const numbered = NumberedCase.safeParse(value);
  const caseId = (JSON.parse(command.args) as { case?: { id?: unknown } }).case?.id;
  if (numbered.success && typeof caseId === 'string') assignCaseSign(db, { caseId, ...numbered.data, at });
}

/**
 * Applies one pulled page and moves the cursor, in one transaction: after a crash the page is
 * either wholly applied with its cursor, or pulled again (applying is idempotent).
 */
export function applyPulledChanges(db: Database, changes: readonly Change[], cursor: number, at: string, login: string): { itemIds: string[] } {
  const run = db.transaction(() => {
    const itemIds: string[] = [];
    for (const change of changes) {
      switch (change.entity) {
        case 'incoming_item':
          if (change.op === 'upsert' && applyRemoteItem(db, change.data, at)) itemIds.push(change.id);
          break;
        case 'rpw_void':
          applyVoidNumber(db, change.data, at);
          break;
        case 'item_route': {
          const itemId = applyRemoteRoute(db, change.data, at);
          if (itemId !== null) itemIds.push(itemId);
          break;
        }
        default:
          // An entity this version does not know yet (a newer server): skipped; the migration
          // that teaches it will reset the cursor so it is pulled again.
          break;
      }
    }
    db.prepare('INSERT INTO sync_cursors (login, cursor) VALUES (?, ?) ON CONFLICT (login) DO UPDATE SET cursor = excluded.cursor').run(login, cursor);
    db.prepare('UPDATE sync_state SET last_sync_at = ? WHERE id = 1').run(at);
    return { itemIds };
  });
  return run.immediate();
}

/** A 410 from the server: the cursor is older than its compacted log; pull everything again. */
export function resetCursor(db: Database, login: string): void {
  db.prepare('UPDATE sync_cursors SET cursor = 0 WHERE login = ?').run(login);
}

/** Where this person's last pull ended (0 for someone who never pulled here). */
export function cursorOf(db: Database, login: string): number {
  return db.prepare<[string], number>('SELECT cursor FROM sync_cursors WHERE login = ?').pluck().get(login) ?? 0;
}

function applyVoidNumber(db: Database, data: unknown, at: string): void {
  const value = data as { deskCode?: unknown; year?: unknown; sequence?: unknown };
  if (typeof value.deskCode !== 'string' || typeof value.year !== 'number' || typeof value.sequence !== 'number') return;
  db.prepare('INSERT OR IGNORE INTO void_numbers (desk_code, year, sequence, voided_at) VALUES (?, ?, ?, ?)').run(value.deskCode, value.year, value.sequence, at);
}

/** Keeps a block the server leased; numbering takes from it in order. */
export function addLeasedBlock(db: Database, lease: RpwLease, at: string): void {
  const run = db.transaction(() => {
    db.prepare('INSERT OR IGNORE INTO desks (code, name, created_at) VALUES (?, ?, ?)').run(lease.deskCode, lease.deskCode, at);
    const known = db.prepare('SELECT 1 FROM rpw_blocks WHERE desk_code = ? AND year = ? AND first_no = ?').get(lease.deskCode, lease.year, lease.firstNo);
    if (known) return;
    db.prepare("INSERT INTO rpw_blocks (desk_code, year, first_no, last_no, next_no, origin) VALUES (?, ?, ?, ?, ?, 'leased')")
      .run(lease.deskCode, lease.year, lease.firstNo, lease.lastNo, lease.firstNo);
  });
  run.immediate();
}

/** Leased numbers not used yet for a desk and year. */
export function leasedNumbersLeft(db: Database, deskCode: string, year: number): number {
  return db
    .prepare<[string, number], number>(
      "SELECT coalesce(sum(last_no - next_no + 1), 0) FROM rpw_blocks WHERE desk_code = ? AND year = ? AND origin = 'leased' AND next_no <= last_no",
    )
    .pluck()
    .get(deskCode, year) ?? 0;
}

/**
 * Closes the leased blocks of years before `year`: their unused numbers are recorded as void
 * here and sent to the server as `rpw.void`, so the printed register explains every gap.
 */
export function voidUnusedNumbers(db: Database, year: number, at: string): number {
  const run = db.transaction(() => {
    const blocks = db
      .prepare<[number], { id: number; desk_code: string; year: number; next_no: number; last_no: number }>(
        "SELECT id, desk_code, year, next_no, last_no FROM rpw_blocks WHERE origin = 'leased' AND year < ? AND next_no <= last_no",
      )
      .all(year);
    let voided = 0;
    for (const block of blocks) {
      const sequences: number[] = [];
      for (let no = block.next_no; no <= block.last_no; no += 1) sequences.push(no);
      const insert = db.prepare('INSERT OR IGNORE INTO void_numbers (desk_code, year, sequence, voided_at) VALUES (?, ?, ?, ?)');
      for (const sequence of sequences) insert.run(block.desk_code, block.year, sequence, at);
      for (let i = 0; i < sequences.length; i += 1000) {
        enqueueCommand(db, 'rpw.void', { deskCode: block.desk_code, year: block.year, sequences: sequences.slice(i, i + 1000) }, at);
      }
      db.prepare('UPDATE rpw_blocks SET next_no = last_no + 1 WHERE id = ?').run(block.id);
      voided += sequences.length;
    }
    return voided;
  });
  return run.immediate();
}

/** RPW numbers recorded as void for a desk and year, for the register's gaps. */
export function voidNumbers(db: Database, deskCode: string, year: number): string[] {
  return db
    .prepare<[string, number], number>('SELECT sequence FROM void_numbers WHERE desk_code = ? AND year = ? ORDER BY sequence')
    .pluck()
    .all(deskCode, year)
    .map((sequence) => formatRpwNumber(deskCode, sequence, year));
}

export function syncCounts(db: Database): { pending: number; issues: number } {
  const base = stateRow(db)?.seq_base ?? 0;
  return {
    pending: db.prepare<[number], number>('SELECT count(*) FROM outbox WHERE seq > ?').pluck().get(base) ?? 0,
    issues: db.prepare<[], number>('SELECT count(*) FROM sync_issues WHERE resolved_at IS NULL').pluck().get() ?? 0,
  };
}

interface IssueRow {
  issue_no: number;
  seq: number | null;
  name: string;
  args: string;
  status: 'rejected' | 'conflict';
  error_code: string;
  error_key: string;
  server_data: string | null;
  created_at: string;
  resolved_at: string | null;
}

/** Refused and conflicting commands, newest first; unresolved ones before resolved ones. */
export function listSyncIssues(db: Database, limit: number): SyncIssue[] {
  return db
    .prepare<[number], IssueRow>('SELECT * FROM sync_issues ORDER BY resolved_at IS NOT NULL, issue_no DESC LIMIT ?')
    .all(limit)
    .map((row) => SyncIssue.parse({
      id: row.issue_no,
      seq: row.seq,
      command: row.name,
      status: row.status,
      errorCode: row.error_code,
      messageKey: row.error_key,
      local: JSON.parse(row.args) as unknown,
      server: row.server_data === null ? null : JSON.parse(row.server_data) as unknown,
      createdAt: row.created_at,
      resolvedAt: row.resolved_at,
    }));
}

/** The clerk has dealt with an issue; it stays listed as resolved (nothing is deleted). */
export function resolveSyncIssue(db: Database, id: number, at: string): boolean {
  return db.prepare('UPDATE sync_issues SET resolved_at = ? WHERE issue_no = ? AND resolved_at IS NULL').run(at, id).changes === 1;
}

function assertNever(value: never): never {
  throw new Error(`Unexpected value ${String(value)}`);
}
