import type { ServerDb } from '../db/database.ts';
import type { Logger } from '../log.ts';
import { compactChanges } from './pull.ts';

/**
 * Compacts the change log below the newest version committed more than `days` ago: superseded
 * rows go, the latest state of everything stays, and clients whose cursor is older get 410 and
 * pull from 0 again. Returns the new horizon, or null when nothing is old enough.
 */
export async function compactOlderThan(db: ServerDb, days: number, now: Date = new Date()): Promise<number | null> {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  const [row] = await db.query<{ v: number | null; oldest: number }>(
    'SELECT (SELECT max(version) FROM changes WHERE committed_at < $1) AS v, (SELECT oldest FROM sync_horizon WHERE id = 1) AS oldest',
    [cutoff],
  );
  if (!row || row.v === null || row.v + 1 <= row.oldest) return null;
  await compactChanges(db, row.v + 1);
  return row.v + 1;
}

/** Runs the compaction now and then every `everyMs`; the timer never keeps the process alive. */
export function scheduleCompaction(db: ServerDb, days: number, log: Logger, everyMs = 3_600_000): () => void {
  const run = (): void => {
    compactOlderThan(db, days)
      .then((horizon) => {
        if (horizon !== null) log.info('change log compacted', { horizon, days });
      })
      .catch((error: unknown) => log.error('change log compaction failed', { error }));
  };
  const first = setTimeout(run, 60_000);
  const timer = setInterval(run, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
