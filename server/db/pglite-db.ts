import { PGlite } from '@electric-sql/pglite';
import type { ServerDb, Sql } from './database.ts';

/**
 * PostgreSQL in WASM from npm: `npm run server` works on a machine with no PostgreSQL installed.
 * One connection; PGlite queues transactions itself. `dataDir` null keeps it in memory (tests).
 */
export async function openPglite(dataDir: string | null): Promise<ServerDb> {
  // int8 (versions, counters) as plain numbers, as node-postgres is set up to return them.
  const options = { parsers: { 20: (value: string) => Number(value) } };
  const pg = dataDir === null ? new PGlite(options) : new PGlite(dataDir, options);
  await pg.waitReady;
  const over = (target: Pick<PGlite, 'query' | 'exec'>): Sql => ({
    async query<T extends object>(text: string, params: readonly unknown[] = []) {
      return (await target.query<T>(text, [...params])).rows;
    },
    async exec(text: string) {
      await target.exec(text);
    },
  });
  return {
    kind: 'pglite',
    ...over(pg),
    transaction: (work) => pg.transaction((tx) => work(over(tx))),
    close: () => pg.close(),
  };
}
