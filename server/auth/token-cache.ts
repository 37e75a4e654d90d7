import type { SessionUser } from '../../shared/sync/protocol.ts';
import type { Sql } from '../db/database.ts';
import { authenticate } from './sessions.ts';

/**
 * Remembers which user a token belongs to for a few seconds, so a workstation pulling and pushing
 * in a loop costs one session lookup per window instead of one per request. A sign-out on this
 * instance forgets the token at once; on another instance of the server it takes effect within
 * `ttlMs`.
 */
export class TokenCache {
  readonly #db: Sql;
  readonly #ttlMs: number;
  readonly #entries = new Map<string, { user: SessionUser; until: number }>();

  constructor(db: Sql, ttlMs = 10_000) {
    this.#db = db;
    this.#ttlMs = ttlMs;
  }

  async user(token: string, now: number = Date.now()): Promise<SessionUser | null> {
    const hit = this.#entries.get(token);
    if (hit && hit.until > now) return hit.user;
    const user = await authenticate(this.#db, token, new Date(now));
    if (this.#entries.size > 50_000) this.#entries.clear();
    if (user) this.#entries.set(token, { user, until: now + this.#ttlMs });
    else this.#entries.delete(token);
    return user;
  }

  forget(token: string): void {
    this.#entries.delete(token);
  }
}
