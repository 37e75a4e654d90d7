import type { Database } from 'better-sqlite3';

/**
 * The queue of files to send to and fetch from the central server (migration 0021). Generic: a
 * record of any kind that names a stored file queues its transfer here, in the transaction that
 * writes the record; the sync engine moves the files (uploads before it pushes, so the server has
 * them when the command naming them arrives; downloads after it pulls).
 */

export type BlobDirection = 'upload' | 'download';

/** Send this stored file to the server before the next push. Call inside the record's transaction. */
export function queueBlobUpload(db: Database, sha256: string, at: string): void {
  queue(db, sha256, 'upload', at);
}

/** Fetch this file from the server into the content store. Call inside the record's transaction. */
export function queueBlobDownload(db: Database, sha256: string, at: string): void {
  queue(db, sha256, 'download', at);
}

function queue(db: Database, sha256: string, direction: BlobDirection, at: string): void {
  db.prepare('INSERT OR IGNORE INTO blob_transfers (sha256, direction, queued_at) VALUES (?, ?, ?)').run(sha256, direction, at);
}

/** Files waiting in one direction whose next try is due at `at`, oldest first. */
export function blobTransfersDue(db: Database, direction: BlobDirection, at: string, limit: number): string[] {
  return db
    .prepare<[BlobDirection, string, number], string>(
      'SELECT sha256 FROM blob_transfers WHERE direction = ? AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY queued_at, sha256 LIMIT ?',
    )
    .pluck()
    .all(direction, at, limit);
}

/** A transfer is done: it leaves the queue (a download's records are told by `finishDownload`). */
export function finishBlobTransfer(db: Database, sha256: string, direction: BlobDirection): void {
  db.prepare('DELETE FROM blob_transfers WHERE sha256 = ? AND direction = ?').run(sha256, direction);
}

/** A transfer failed: it stays queued, tried again from `retryAt`. */
export function failBlobTransfer(db: Database, args: { sha256: string; direction: BlobDirection; error: string; retryAt: string }): void {
  db.prepare('UPDATE blob_transfers SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE sha256 = ? AND direction = ?')
    .run(args.error.slice(0, 500), args.retryAt, args.sha256, args.direction);
}

/** Failures so far of one queued transfer (0 when it is not queued). */
export function blobTransferAttempts(db: Database, sha256: string, direction: BlobDirection): number {
  return db.prepare<[string, BlobDirection], number>('SELECT attempts FROM blob_transfers WHERE sha256 = ? AND direction = ?').pluck().get(sha256, direction) ?? 0;
}

/** When the earliest failed transfer is to be tried again, if any waits for a time. */
export function nextBlobRetryAt(db: Database): string | null {
  return db.prepare<[], string | null>('SELECT min(next_attempt_at) FROM blob_transfers').pluck().get() ?? null;
}

/** How many files wait in each direction (for the sync status). */
export function blobTransferCounts(db: Database): { uploads: number; downloads: number } {
  const row = db.prepare<[], { uploads: number; downloads: number }>(
    "SELECT count(*) FILTER (WHERE direction = 'upload') AS uploads, count(*) FILTER (WHERE direction = 'download') AS downloads FROM blob_transfers",
  ).get();
  return { uploads: row?.uploads ?? 0, downloads: row?.downloads ?? 0 };
}

/** Whether this file is still on its way here from the server. */
export function blobDownloadPending(db: Database, sha256: string): boolean {
  return db.prepare<[string], number>("SELECT 1 FROM blob_transfers WHERE sha256 = ? AND direction = 'download'").pluck().get(sha256) !== undefined;
}

/** Of an entry's documents, those with a file still on its way from the server. */
export function documentsAwaitingFiles(db: Database, itemId: string): string[] {
  return db
    .prepare<[string], string>(
      `SELECT d.id FROM item_documents d WHERE d.item_id = ?
         AND EXISTS (SELECT 1 FROM blob_transfers t WHERE t.direction = 'download' AND t.sha256 IN (d.original_sha256, d.pdf_sha256))`,
    )
    .pluck()
    .all(itemId);
}
