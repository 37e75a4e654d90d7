import type { Database, Statement } from 'better-sqlite3';

const caches = new WeakMap<Database, Map<string, Statement>>();

/**
 * A prepared statement, compiled once per connection. Preparing is not free (an INSERT into a
 * table with FTS triggers compiles the triggers too): pulling 100,000 letters re-preparing five
 * statements per letter spent most of its time compiling SQL.
 */
export function statement<P extends unknown[] = unknown[], R = unknown>(db: Database, sql: string): Statement<P, R> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared as unknown as Statement<P, R>;
}
