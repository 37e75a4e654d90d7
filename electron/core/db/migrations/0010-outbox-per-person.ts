import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Migration } from './migration.ts';

/**
 * An outbox per person. Several clerks share one PC; the server lets only the person who began a
 * client id's queue push it, so one queue per installation made the second person's changes wait
 * behind the first's. Now:
 * - `sync_clients`: a client id per person towards the configured server (all are dropped when the
 *   server address changes), with the last command number it gave out: the server numbers each
 *   client's commands 1, 2, 3… and takes a gap for a lost command, a reused number for a duplicate;
 * - `outbox`: each command in its person's queue, numbered as the server counts them, tagged with
 *   who made the change;
 * - `rpw_blocks.client_id`: the server accepts a leased number only from the client that leased
 *   it, so a block is used by its person alone;
 * - `sync_issues` names the client of a refused command (numbers repeat across clients).
 *
 * The queue begun before this version keeps its client id and numbers (renumbering could apply a
 * command twice or never). Its owner is whoever first pushed with it, which this PC never wrote
 * down: if only one person ever signed in online here it is certainly theirs; otherwise it stays
 * unclaimed, and the sync engine lets the server say whose it is.
 */
export const migration0010OutboxPerPerson: Migration = {
  version: 10,
  name: 'outbox-per-person',
  up(db) {
    db.exec(`
      CREATE TABLE sync_clients (
        client_id  TEXT PRIMARY KEY,
        -- NULL only for the queue begun before this version, until the server says whose it is.
        login      TEXT UNIQUE,
        last_seq   INTEGER NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE outbox_per_person (
        client_id  TEXT NOT NULL REFERENCES sync_clients (client_id),
        seq        INTEGER NOT NULL CHECK (seq >= 1),
        -- Who made the change; NULL for a change from before this version whose maker is unknown.
        login      TEXT,
        name       TEXT NOT NULL,
        args       TEXT NOT NULL,
        created_at TEXT NOT NULL,
        attempts   INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        PRIMARY KEY (client_id, seq)
      ) STRICT;

      CREATE TABLE sync_issues_per_client (
        issue_no    INTEGER PRIMARY KEY,
        client_id   TEXT,
        seq         INTEGER,
        name        TEXT NOT NULL,
        args        TEXT NOT NULL,
        status      TEXT NOT NULL CHECK (status IN ('rejected', 'conflict')),
        error_code  TEXT NOT NULL,
        error_key   TEXT NOT NULL,
        server_data TEXT,
        created_at  TEXT NOT NULL,
        resolved_at TEXT,
        UNIQUE (client_id, seq)
      ) STRICT;

      ALTER TABLE rpw_blocks ADD COLUMN client_id TEXT REFERENCES sync_clients (client_id) ON DELETE SET NULL;
    `);
    // Earlier issues keep their old numbers without a client: a new command's number must never
    // clash with them.
    db.exec(`
      INSERT INTO sync_issues_per_client (issue_no, client_id, seq, name, args, status, error_code, error_key, server_data, created_at, resolved_at)
      SELECT issue_no, NULL, seq, name, args, status, error_code, error_key, server_data, created_at, resolved_at FROM sync_issues;
    `);
    const legacy = legacyQueue(db);
    if (legacy) carryOver(db, legacy);
    db.exec(`
      DROP TABLE outbox;
      ALTER TABLE outbox_per_person RENAME TO outbox;
      DROP TABLE sync_issues;
      ALTER TABLE sync_issues_per_client RENAME TO sync_issues;
      -- The client ids now live per person; the per-installation one and its offset are gone.
      ALTER TABLE sync_state DROP COLUMN client_id;
      ALTER TABLE sync_state DROP COLUMN seq_base;
    `);
  },
};

interface LegacyQueue {
  readonly clientId: string;
  readonly seqBase: number;
  /** The last number the server could have seen from this client id. */
  readonly lastSeq: number;
  readonly owner: string | null;
}

/** The installation's client id, if it has anything left to carry: waiting commands or unused leased numbers. */
function legacyQueue(db: Database): LegacyQueue | null {
  const state = db.prepare<[], { client_id: string; seq_base: number }>('SELECT client_id, seq_base FROM sync_state WHERE id = 1').get();
  const waiting = db.prepare<[], number>('SELECT count(*) FROM outbox').pluck().get() ?? 0;
  const numbersLeft = db.prepare<[], number>("SELECT count(*) FROM rpw_blocks WHERE origin = 'leased' AND next_no <= last_no").pluck().get() ?? 0;
  if (waiting === 0 && numbersLeft === 0) return null;
  const highest = db.prepare<[], number>("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").pluck().get() ?? 0;
  const seqBase = state?.seq_base ?? 0;
  // Only someone who signed in online here can have pushed with this client id.
  const people = db.prepare<[], string>('SELECT login FROM known_users').pluck().all();
  return {
    // No state row means nothing ever reached a server: a fresh id starts those commands at 1.
    clientId: state?.client_id ?? randomUUID(),
    seqBase,
    lastSeq: Math.max(0, highest - seqBase),
    owner: people.length === 1 ? (people[0] ?? null) : null,
  };
}

function carryOver(db: Database, legacy: LegacyQueue): void {
  db.prepare("INSERT INTO sync_clients (client_id, login, last_seq, created_at) VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))")
    .run(legacy.clientId, legacy.owner, legacy.lastSeq);
  // Rows at or below the offset predate the client id and were never going to be sent: the clerk
  // sees them as issues rather than losing them silently.
  db.prepare(
    `INSERT INTO sync_issues_per_client (client_id, seq, name, args, status, error_code, error_key, created_at)
     SELECT NULL, NULL, name, args, 'rejected', 'server_changed', 'sync.rejections.serverChanged', created_at FROM outbox WHERE seq <= ?`,
  ).run(legacy.seqBase);
  db.prepare(
    `INSERT INTO outbox_per_person (client_id, seq, login, name, args, created_at, attempts, last_error)
     SELECT ?, seq - ?, ?, name, args, created_at, attempts, last_error FROM outbox WHERE seq > ? ORDER BY seq`,
  ).run(legacy.clientId, legacy.seqBase, legacy.owner, legacy.seqBase);
  db.prepare("UPDATE rpw_blocks SET client_id = ? WHERE origin = 'leased'").run(legacy.clientId);
}
