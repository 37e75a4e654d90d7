import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { migrate } from '../migrate.ts';
import { migrations } from './index.ts';

const tempDir = useTempDirs();
const CLIENT = '0196a0b0-0000-7000-8000-0000000000aa';

/**
 * A workstation at version 9 that moved server once (seq_base 10: seqs 1–10 went to the old
 * server), then numbered commands 1–5 for this one (seqs 11–15); 1–3 were acknowledged, 4–5 wait.
 */
function atVersion9(knownLogins: readonly string[]): Database.Database {
  const db = new Database(join(tempDir(), 'k.sqlite'));
  db.pragma('foreign_keys = ON');
  migrate(db, migrations, 9);
  db.prepare("INSERT INTO sync_state (id, client_id, server_url, seq_base) VALUES (1, ?, 'https://k.example.pl', 10)").run(CLIENT);
  const insert = db.prepare("INSERT INTO outbox (seq, name, args, created_at) VALUES (?, ?, '{}', 'now')");
  for (let seq = 11; seq <= 15; seq++) insert.run(seq, seq === 15 ? 'registry.cancel' : 'registry.register');
  db.prepare('DELETE FROM outbox WHERE seq <= 13').run();
  db.prepare("INSERT INTO sync_issues (seq, name, args, status, error_code, error_key, created_at) VALUES (3, 'registry.cancel', '{}', 'conflict', 'already_cancelled', 'k', 'now')").run();
  db.prepare("INSERT INTO desks (code, name, created_at) VALUES ('KO', 'KO', 'now')").run();
  db.prepare("INSERT INTO rpw_blocks (desk_code, year, first_no, last_no, next_no, origin) VALUES ('KO', 2026, 1, 200, 42, 'leased'), ('KO', 2025, 1, NULL, 9, 'local')").run();
  for (const login of knownLogins) db.prepare("INSERT INTO known_users (login, user_json, verifier, signed_in_at) VALUES (?, '{}', 'v', 'now')").run(login);
  return db;
}

describe('migration 0010 outbox per person', () => {
  it('keeps the waiting queue under its client id and numbers; with one person ever signed in here, it is theirs', () => {
    const db = atVersion9(['anna']);
    expect(migrate(db, migrations, 10)).toBe(10);
    expect(db.prepare('SELECT client_id, login, last_seq FROM sync_clients').all()).toEqual([{ client_id: CLIENT, login: 'anna', last_seq: 5 }]);
    expect(db.prepare('SELECT client_id, seq, login, name FROM outbox ORDER BY seq').all()).toEqual([
      { client_id: CLIENT, seq: 4, login: 'anna', name: 'registry.register' },
      { client_id: CLIENT, seq: 5, login: 'anna', name: 'registry.cancel' },
    ]);
    // The leased block stays usable by the client that leased it; a local block has no client.
    expect(db.prepare('SELECT origin, client_id FROM rpw_blocks ORDER BY id').all()).toEqual([
      { origin: 'leased', client_id: CLIENT }, { origin: 'local', client_id: null },
    ]);
    // An earlier issue keeps its number, tied to no client, so no new command's number clashes with it.
    expect(db.prepare('SELECT client_id, seq, error_code FROM sync_issues').all()).toEqual([{ client_id: null, seq: 3, error_code: 'already_cancelled' }]);
    expect(db.prepare('SELECT * FROM sync_state').get()).toEqual({ id: 1, server_url: 'https://k.example.pl', cursor: 0, last_sync_at: null });
    db.close();
  });

  it('leaves the queue unclaimed when several people signed in here, for the server to say whose it is', () => {
    const db = atVersion9(['anna', 'ewa']);
    migrate(db, migrations, 10);
    expect(db.prepare('SELECT client_id, login, last_seq FROM sync_clients').all()).toEqual([{ client_id: CLIENT, login: null, last_seq: 5 }]);
    expect(db.prepare('SELECT DISTINCT login FROM outbox').pluck().all()).toEqual([null]);
    db.close();
  });

  it('carries nothing when nothing waits and no leased number is left, and enforces one queue per person', () => {
    const db = new Database(join(tempDir(), 'k.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 9);
    db.prepare("INSERT INTO sync_state (id, client_id, server_url, seq_base) VALUES (1, ?, 'https://k.example.pl', 0)").run(CLIENT);
    migrate(db, migrations, 10);
    expect(db.prepare('SELECT count(*) FROM sync_clients').pluck().get()).toBe(0);
    const client = db.prepare("INSERT INTO sync_clients (client_id, login, created_at) VALUES (?, ?, 'now')");
    client.run('c1', 'anna');
    expect(() => client.run('c2', 'anna')).toThrow(/UNIQUE/);
    const command = db.prepare("INSERT INTO outbox (client_id, seq, login, name, args, created_at) VALUES (?, ?, 'anna', 'x', '{}', 'now')");
    command.run('c1', 1);
    expect(() => command.run('c1', 1)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => command.run('c1', 0)).toThrow(/CHECK/);
    expect(() => command.run('nobody', 2)).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
