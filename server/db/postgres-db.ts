import { createHash } from 'node:crypto';
import pg from 'pg';
import type { ServerDb, Sql } from './database.ts';

// bigint (int8) columns — versions and counters — come back as JS numbers: they stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

/** A pool over a real PostgreSQL server (`DATABASE_URL`). */
export function openPostgres(connectionString: string, maxConnections = 10): ServerDb {
  const pool = new pg.Pool({ connectionString, max: maxConnections });
  // An idle client dropped by the server must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const over = (target: pg.Pool | pg.PoolClient): Sql => ({
    async query<T extends object>(text: string, params: readonly unknown[] = []) {
      // Named: each connection parses and plans a statement once, not on every request (at
      // hundreds of pushes a second, planning was a good part of PostgreSQL's CPU).
      return (await target.query<T>({ name: statementName(text), text, values: [...params] })).rows;
    },
    async exec(text: string) {
      await target.query(text); // no parameters: the simple protocol runs every statement
    },
  });
  return {
    kind: 'postgres',
    ...over(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(over(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `k${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    names.set(text, name);
  }
  return name;
}
