import type { Database } from 'better-sqlite3';
import { SessionUser } from '../../../../shared/sync/protocol.ts';

/**
 * People who signed in on this workstation online. The verifier (a scrypt hash made by the auth
 * service) lets them unlock the local cache when the server cannot be reached; it never leaves
 * the machine and is replaced at each online sign-in, so a changed password takes over there.
 */
export function rememberUser(db: Database, user: SessionUser, verifier: string, at: string): void {
  db.prepare(
    `INSERT INTO known_users (login, user_json, verifier, signed_in_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (login) DO UPDATE SET user_json = excluded.user_json, verifier = excluded.verifier, signed_in_at = excluded.signed_in_at`,
  ).run(user.login.toLowerCase(), JSON.stringify(user), verifier, at);
}

export function knownUser(db: Database, login: string): { user: SessionUser; verifier: string } | null {
  const row = db
    .prepare<[string], { user_json: string; verifier: string }>('SELECT user_json, verifier FROM known_users WHERE login = ?')
    .get(login.trim().toLowerCase());
  if (!row) return null;
  const user = SessionUser.safeParse(JSON.parse(row.user_json));
  return user.success ? { user: user.data, verifier: row.verifier } : null;
}
