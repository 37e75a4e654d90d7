import type { Migration } from './migration.ts';

/**
 * Files on their way to or from the central server (issue 4): one row per stored file (by its
 * SHA-256) and direction, until the transfer is done. Queued in the transaction of the record
 * that names the file (a document imported here: upload; a document pulled from the server:
 * download), so a crash never leaves a record whose file nobody is fetching or sending. A failed
 * transfer stays, with how often it failed and when to try again.
 */
export const migration0021BlobTransfers: Migration = {
  version: 21,
  name: 'blob-transfers',
  up(db) {
    db.exec(`
      CREATE TABLE blob_transfers (
        sha256           TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
        direction        TEXT NOT NULL CHECK (direction IN ('upload', 'download')),
        queued_at        TEXT NOT NULL,
        attempts         INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error       TEXT,
        next_attempt_at  TEXT,
        PRIMARY KEY (sha256, direction)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX blob_transfers_due ON blob_transfers (direction, next_attempt_at);
    `);
  },
};
