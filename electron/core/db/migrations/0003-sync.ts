import type { Migration } from './migration.ts';

/**
 * Offline-first sync with the central server (DESIGN.md "Sync"):
 * - `outbox`: commands the clerk's actions produced, in order, until the server has them;
 * - `sync_issues`: commands the server refused or found in conflict, kept for the clerk to see;
 * - `sync_state`: this installation's client id and its pull cursor (one row);
 * - `void_numbers`: RPW numbers of a leased block that ended unused, recorded, not skipped;
 * - `known_users`: who signed in here online before, with a scrypt verifier of their password, so
 *   they can unlock the local cache while the server is out of reach;
 * - items pulled from other workstations get `origin = 'remote'` and no PIN (only the receipt
 *   printed where the letter was registered shows it).
 */
export const migration0003Sync: Migration = {
  version: 3,
  name: 'sync',
  up(db) {
    db.exec(`
      -- AUTOINCREMENT: a seq is never reused, even once every row has been acknowledged and
      -- deleted; the server would take a reused seq for a duplicate and drop the command.
      CREATE TABLE outbox (
        seq        INTEGER PRIMARY KEY AUTOINCREMENT,
        name       TEXT NOT NULL,
        args       TEXT NOT NULL,
        created_at TEXT NOT NULL,
        attempts   INTEGER NOT NULL DEFAULT 0,
        last_error TEXT
      ) STRICT;

      -- seq: the outbox command the server refused; NULL for a pulled change that clashed here.
      CREATE TABLE sync_issues (
        issue_no    INTEGER PRIMARY KEY,
        seq         INTEGER UNIQUE,
        name        TEXT NOT NULL,
        args        TEXT NOT NULL,
        status      TEXT NOT NULL CHECK (status IN ('rejected', 'conflict')),
        error_code  TEXT NOT NULL,
        error_key   TEXT NOT NULL,
        server_data TEXT,
        created_at  TEXT NOT NULL,
        resolved_at TEXT
      ) STRICT;

      CREATE TABLE sync_state (
        id             INTEGER PRIMARY KEY CHECK (id = 1),
        client_id      TEXT NOT NULL,
        server_url     TEXT NOT NULL DEFAULT '',
        cursor         INTEGER NOT NULL DEFAULT 0,
        -- The server numbers a client's commands 1, 2, 3…; outbox seq minus this is that number,
        -- so a new client id (another server) starts at 1 while outbox seqs are never reused.
        seq_base       INTEGER NOT NULL DEFAULT 0,
        last_sync_at   TEXT
      ) STRICT;

      CREATE TABLE void_numbers (
        desk_code TEXT NOT NULL,
        year      INTEGER NOT NULL,
        sequence  INTEGER NOT NULL,
        voided_at TEXT NOT NULL,
        PRIMARY KEY (desk_code, year, sequence)
      ) STRICT;

      CREATE TABLE known_users (
        login        TEXT PRIMARY KEY,
        user_json    TEXT NOT NULL,
        verifier     TEXT NOT NULL,
        signed_in_at TEXT NOT NULL
      ) STRICT;

      ALTER TABLE incoming_items ADD COLUMN origin TEXT NOT NULL DEFAULT 'local' CHECK (origin IN ('local', 'remote'));
    `);
  },
};
