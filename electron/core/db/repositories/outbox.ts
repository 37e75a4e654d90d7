import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { assertNever } from '../../../../shared/result.ts';
import type { MutationResult } from '../../../../shared/sync/protocol.ts';
import { assignCaseSign } from './cases.ts';
import { applyRemoteReply } from './remote-replies.ts';

/**
 * Each person's outbox (DESIGN.md "Sync", migration 0010). Several clerks share a PC, and the
 * server lets only the person who began a client id's queue push it; so every person has their
 * own client id and queue, and one person's waiting changes never hold up another's. Commands are
 * numbered 1, 2, 3… per client id, as the server counts them: without a gap (the number is taken
 * in the transaction of the change) and never twice (`last_seq` outlives the rows).
 */

export interface OutboxCommand {
  readonly seq: number;
  readonly name: string;
  readonly args: unknown;
}

/** The client id of `login`'s queue towards the configured server, made on first need. */
export function clientOf(db: Database, login: string, at: string): string {
  const run = db.transaction((): string => {
    const known = db.prepare<[string], string>('SELECT client_id FROM sync_clients WHERE login = ?').pluck().get(login);
    if (known !== undefined) return known;
    const clientId = randomUUID();
    db.prepare('INSERT INTO sync_clients (client_id, login, last_seq, created_at) VALUES (?, ?, 0, ?)').run(clientId, login, at);
    return clientId;
  });
  return run.immediate();
}

/** Adds a command to `login`'s queue. Called inside the transaction that made the local change. */
export function enqueueCommand(db: Database, login: string, name: string, args: unknown, at: string): void {
  if (!db.inTransaction) throw new Error('enqueueCommand must run inside the transaction of the change it records');
  appendToQueue(db, clientOf(db, login, at), login, name, args, at);
}

/** Adds a command to a given client's queue (a leased block's void goes where the block came from). */
export function appendToQueue(db: Database, clientId: string, login: string | null, name: string, args: unknown, at: string): void {
  const seq = db.prepare<[string], number>('UPDATE sync_clients SET last_seq = last_seq + 1 WHERE client_id = ? RETURNING last_seq').pluck().get(clientId);
  if (seq === undefined) throw new Error(`No sync client ${clientId}`);
  db.prepare('INSERT INTO outbox (client_id, seq, login, name, args, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(clientId, seq, login, name, JSON.stringify(args), at);
}

/** The oldest waiting commands of one client id, numbered as the server counts them. */
export function outboxBatch(db: Database, clientId: string, limit: number): OutboxCommand[] {
  return db
    .prepare<[string, number], { seq: number; name: string; args: string }>('SELECT seq, name, args FROM outbox WHERE client_id = ? ORDER BY seq LIMIT ?')
    .all(clientId, limit)
    .map((row) => ({ seq: row.seq, name: row.name, args: JSON.parse(row.args) as unknown }));
}

/**
 * `outboxBatch`, unless some file still waits to be uploaded: then no commands, and the caller
 * uploads first. A command naming a file is queued in the same transaction as the file's upload
 * (blob-transfers.ts), so a batch read while nothing waits names only files the server has, even
 * when the clerk imported a document while a sync cycle was already past its uploads.
 */
export function outboxBatchAfterUploads(db: Database, clientId: string, limit: number): { commands: OutboxCommand[]; uploadsWaiting: boolean } {
  return db.transaction(() => {
    const waiting = db.prepare("SELECT 1 FROM blob_transfers WHERE direction = 'upload' LIMIT 1").get() !== undefined;
    return waiting ? { commands: [], uploadsWaiting: true } : { commands: outboxBatch(db, clientId, limit), uploadsWaiting: false };
  })();
}

/**
 * Records the server's answers to one client's push: applied commands leave the outbox; refused
 * and conflicting ones move to `sync_issues` with the server's version beside the clerk's.
 */
export function applyPushResults(db: Database, clientId: string, results: readonly MutationResult[], at: string): { applied: number; issues: number } {
  const run = db.transaction(() => {
    let applied = 0;
    let issues = 0;
    for (const result of results) {
      const command = db.prepare<[string, number], { name: string; args: string }>('SELECT name, args FROM outbox WHERE client_id = ? AND seq = ?').get(clientId, result.seq);
      if (!command) continue; // an answer seen before (a duplicated request): nothing waits for it
      switch (result.status) {
        case 'applied':
          applied += 1;
          applyServerValue(db, command, result.value, at);
          break;
        case 'rejected':
        case 'conflict':
          issues += db.prepare(
            `INSERT OR IGNORE INTO sync_issues (client_id, seq, name, args, status, error_code, error_key, server_data, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          ).run(clientId, result.seq, command.name, command.args, result.status, result.error?.code ?? 'unknown', result.error?.message ?? 'errors.unexpected',
            result.value === null || result.value === undefined ? null : JSON.stringify(result.value), at).changes;
          break;
        default:
          return assertNever(result.status);
      }
      db.prepare('DELETE FROM outbox WHERE client_id = ? AND seq = ?').run(clientId, result.seq);
      // A reply's conflict carries the server's reply: this desk shows it from now on (the clerk's
      // version stays in the issue, beside it), even if the pull that had it skipped it.
      if (result.status === 'conflict' && command.name.startsWith('replies.')) applyRemoteReply(db, result.value, at);
    }
    return { applied, issues };
  });
  return run.immediate();
}

const NumberedCase = z.object({ number: z.number().int().positive(), sign: z.string().min(1) });

/** What an applied command's answer changes here: a case opened offline gets the server's sign. */
function applyServerValue(db: Database, command: { name: string; args: string }, value: unknown, at: string): void {
  if (command.name !== 'cases.open') return;
  const numbered = NumberedCase.safeParse(value);
  const caseId = (JSON.parse(command.args) as { case?: { id?: unknown } }).case?.id;
  if (numbered.success && typeof caseId === 'string') assignCaseSign(db, { caseId, ...numbered.data, at });
}

/**
 * The queue begun before per-person outboxes whose owner the server has not named yet, if `login`
 * has a reason to try it: commands wait in it, or its leased numbers could become theirs. Once
 * nothing is left in it (no commands, no unused numbers) it is dropped.
 */
export function unclaimedQueue(db: Database, login: string): { clientId: string; pending: number } | null {
  const run = db.transaction(() => {
    const clientId = db.prepare<[], string>('SELECT client_id FROM sync_clients WHERE login IS NULL').pluck().get();
    if (clientId === undefined) return null;
    const pending = db.prepare<[string], number>('SELECT count(*) FROM outbox WHERE client_id = ?').pluck().get(clientId) ?? 0;
    const numbersLeft = db.prepare<[string], number>('SELECT count(*) FROM rpw_blocks WHERE client_id = ? AND next_no <= last_no').pluck().get(clientId) ?? 0;
    if (pending === 0 && numbersLeft === 0) {
      db.prepare('DELETE FROM sync_clients WHERE client_id = ?').run(clientId);
      return null;
    }
    const hasOwn = db.prepare('SELECT 1 FROM sync_clients WHERE login = ?').get(login) !== undefined;
    return pending === 0 && hasOwn ? null : { clientId, pending };
  });
  return run.immediate();
}

/**
 * The server accepted `login`'s push with the unclaimed client id, so it is theirs: its commands
 * are recorded as theirs, and if they have no queue of their own yet it becomes their queue (its
 * numbering and leased blocks with it). Otherwise it stays apart until it has been emptied.
 */
export function claimQueue(db: Database, clientId: string, login: string): void {
  const run = db.transaction(() => {
    db.prepare('UPDATE outbox SET login = ? WHERE client_id = ? AND login IS NULL').run(login, clientId);
    db.prepare('UPDATE sync_clients SET login = ? WHERE client_id = ? AND login IS NULL AND NOT EXISTS (SELECT 1 FROM sync_clients WHERE login = ?)')
      .run(login, clientId, login);
  });
  run.immediate();
}

/**
 * What waits: `pending` in the signed-in person's queue (what their sync sends), `othersPending`
 * in everyone else's (sent when they sign in here again), and unresolved issues.
 */
export function syncCounts(db: Database, login: string | null): { pending: number; othersPending: number; issues: number } {
  const total = db.prepare<[], number>('SELECT count(*) FROM outbox').pluck().get() ?? 0;
  const pending = login === null ? 0 : db
    .prepare<[string], number>('SELECT count(*) FROM outbox WHERE client_id = (SELECT client_id FROM sync_clients WHERE login = ?)')
    .pluck()
    .get(login) ?? 0;
  return {
    pending,
    othersPending: total - pending,
    issues: db.prepare<[], number>('SELECT count(*) FROM sync_issues WHERE resolved_at IS NULL').pluck().get() ?? 0,
  };
}
