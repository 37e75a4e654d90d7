import type { Database } from 'better-sqlite3';
import type { Change } from '../../../../shared/sync/protocol.ts';
import { SyncIssue } from '../../../../shared/sync/status.ts';
import { closeLeasedBlocks, NUMBER_REGISTERS, recordVoidNumber, voidUnusedLeased } from './numbering.ts';
import { applyRemoteCase } from './remote-cases.ts';
import { applyRemoteDocument } from './remote-documents.ts';
import { applyRemoteItem } from './remote-items.ts';
import { applyRemoteReply } from './remote-replies.ts';
import { applyRemoteRoute } from './remote-routes.ts';

/**
 * The workstation's side of sync (DESIGN.md "Sync"), besides the outbox (`outbox.ts`): the state
 * towards the server, pulled pages and cursors, refused commands, and closing leased number blocks
 * (the blocks themselves: numbering.ts). Every function here is one SQLite transaction, so a crash
 * leaves either the old or the new state.
 */

export interface SyncState {
  readonly serverUrl: string;
  readonly lastSyncAt: string | null;
}

/**
 * The workstation's state towards `serverUrl`. Another server (IT moved the workstation) means
 * new client ids for everyone, cursors from 0, and commands numbered from 1 again; commands still
 * waiting for the old server become issues for the clerk, not silently sent elsewhere.
 */
export function syncStateFor(db: Database, serverUrl: string, at: string): SyncState {
  const run = db.transaction((): SyncState => {
    const row = db.prepare<[], { server_url: string; last_sync_at: string | null }>('SELECT server_url, last_sync_at FROM sync_state WHERE id = 1').get();
    if (row && row.server_url === serverUrl) return { serverUrl, lastSyncAt: row.last_sync_at };
    if (row) {
      db.prepare(
        `INSERT INTO sync_issues (client_id, seq, name, args, status, error_code, error_key, server_data, created_at)
         SELECT client_id, seq, name, args, 'rejected', 'server_changed', 'sync.rejections.serverChanged', NULL, ? FROM outbox ORDER BY created_at, seq`,
      ).run(at);
      db.prepare('DELETE FROM outbox').run();
      // Numbers leased from the old server mean nothing to the new one.
      closeLeasedBlocks(db);
      db.prepare('DELETE FROM sync_clients').run();
      db.prepare('DELETE FROM sync_cursors').run();
    }
    db.prepare(
      `INSERT INTO sync_state (id, server_url, cursor) VALUES (1, ?, 0)
       ON CONFLICT (id) DO UPDATE SET server_url = excluded.server_url, cursor = 0, last_sync_at = NULL`,
    ).run(serverUrl);
    return { serverUrl, lastSyncAt: null };
  });
  return run.immediate();
}

/**
 * Applies one pulled page and moves the cursor, in one transaction: after a crash the page is
 * either wholly applied with its cursor, or pulled again (applying is idempotent).
 */
export function applyPulledChanges(db: Database, changes: readonly Change[], cursor: number, at: string, login: string): { itemIds: string[]; caseIds: string[] } {
  const run = db.transaction(() => {
    const itemIds: string[] = [];
    const caseIds: string[] = [];
    for (const change of changes) {
      switch (change.entity) {
        case 'incoming_item':
          if (change.op === 'upsert' && applyRemoteItem(db, change.data, at)) itemIds.push(change.id);
          break;
        case 'rpw_void':
          recordVoidNumber(db, 'rpw', change.data, at);
          break;
        case 'rkw_void':
          recordVoidNumber(db, 'rkw', change.data, at);
          break;
        case 'item_route': {
          const itemId = applyRemoteRoute(db, change.data, at);
          if (itemId !== null) itemIds.push(itemId);
          break;
        }
        case 'item_document': {
          const itemId = change.op === 'upsert' ? applyRemoteDocument(db, change.data, at) : null;
          if (itemId !== null) itemIds.push(itemId);
          break;
        }
        case 'case': {
          const caseId = change.op === 'upsert' ? applyRemoteCase(db, change.data, at) : null;
          if (caseId !== null) caseIds.push(caseId);
          break;
        }
        case 'reply': {
          const caseId = change.op === 'upsert' ? applyRemoteReply(db, change.data, at) : null;
          if (caseId !== null) caseIds.push(caseId);
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
    return { itemIds, caseIds };
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

/**
 * Closes the leased blocks of years before `year`, in both registers: their unused numbers are
 * recorded as void and queued for the server (numbering.ts, `voidUnusedLeased`).
 */
export function voidUnusedNumbers(db: Database, year: number, at: string): number {
  const run = db.transaction(() => NUMBER_REGISTERS.reduce((count, register) => count + voidUnusedLeased(db, register, year, at), 0));
  return run.immediate();
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
