import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Role, SessionUser, SignInResponse } from '../../shared/sync/protocol.ts';
import type { ServerDb, Sql } from '../db/database.ts';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from './passwords.ts';

export interface AuthPolicy {
  /** How long a token signs its holder in. */
  readonly tokenTtlMs: number;
  /** Wrong passwords in a row before the account locks… */
  readonly maxFailedLogins: number;
  /** …for this long. */
  readonly lockoutMs: number;
}

export const DEFAULT_AUTH_POLICY: AuthPolicy = { tokenTtlMs: 12 * 3600_000, maxFailedLogins: 5, lockoutMs: 15 * 60_000 };

export type SignInFailure = 'bad_credentials' | 'locked';

interface UserRow {
  id: string;
  login: string;
  display_name: string;
  role: Role;
  unit_code: string | null;
  password_hash: string;
  failed_logins: number;
  locked_until: Date | string | null;
}

const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

function toSessionUser(row: Pick<UserRow, 'id' | 'login' | 'display_name' | 'role' | 'unit_code'>): SessionUser {
  return { id: row.id, login: row.login, displayName: row.display_name, role: row.role, unitCode: row.unit_code };
}

export async function createUser(
  db: Sql,
  user: { login: string; displayName: string; password: string; role: Role; unitCode: string | null },
): Promise<SessionUser> {
  const [row] = await db.query<UserRow>(
    `INSERT INTO users (id, login, display_name, password_hash, role, unit_code) VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING id, login, display_name, role, unit_code`,
    [randomUUID(), user.login.trim().toLowerCase(), user.displayName, await hashPassword(user.password), user.role, user.unitCode],
  );
  if (!row) throw new Error('user insert returned nothing');
  return toSessionUser(row);
}

/**
 * Checks a login and password. A wrong password counts towards the lockout; the lockout answer
 * is the same whether or not the password was right, so a locked account cannot be probed.
 */
export async function signIn(
  db: ServerDb,
  request: { login: string; password: string; clientLabel: string },
  policy: AuthPolicy,
  now: Date = new Date(),
): Promise<SignInResponse | SignInFailure> {
  const [user] = await db.query<UserRow>('SELECT * FROM users WHERE login = $1', [request.login.trim().toLowerCase()]);
  if (!user) return verifyAgainstDecoy(request.password).then(() => 'bad_credentials' as const);
  if (user.locked_until !== null && new Date(user.locked_until) > now) return 'locked';
  if (!(await verifyPassword(request.password, user.password_hash))) {
    const failures = user.failed_logins + 1;
    const lock = failures >= policy.maxFailedLogins;
    await db.query('UPDATE users SET failed_logins = $2, locked_until = $3 WHERE id = $1', [
      user.id,
      lock ? 0 : failures,
      lock ? new Date(now.getTime() + policy.lockoutMs).toISOString() : null,
    ]);
    return lock ? 'locked' : 'bad_credentials';
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + policy.tokenTtlMs).toISOString();
  await db.transaction(async (tx) => {
    await tx.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [user.id]);
    await tx.query('INSERT INTO sessions (token_hash, user_id, client_label, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
      tokenHash(token), user.id, request.clientLabel, now.toISOString(), expiresAt,
    ]);
  });
  return { token, expiresAt, user: toSessionUser(user) };
}

/** The user a bearer token belongs to, or null when it is unknown or expired. */
export async function authenticate(db: Sql, token: string, now: Date = new Date()): Promise<SessionUser | null> {
  const [row] = await db.query<UserRow>(
    `SELECT u.id, u.login, u.display_name, u.role, u.unit_code FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.expires_at > $2`,
    [tokenHash(token), now.toISOString()],
  );
  return row ? toSessionUser(row) : null;
}

export async function signOut(db: Sql, token: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash(token)]);
}
