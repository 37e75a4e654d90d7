import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { migrate } from '../migrate.ts';
import { migrations } from './index.ts';

const tempDir = useTempDirs();

describe('migration 0018 intake report indexes', () => {
  it('lets the intake report count a period from one index and find a letter’s documents by its id', () => {
    const db = new Database(join(tempDir(), 'k.sqlite'));
    migrate(db, migrations, 17);
    expect(migrate(db, migrations, 18)).toBe(18);
    const plan = (sql: string): string => db.prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all().map((r) => r.detail).join('\n');
    expect(plan("SELECT received_on, desk_code, channel, count(*) FROM incoming_items WHERE received_on BETWEEN '2026-04-01' AND '2026-04-30' AND status = 'registered' GROUP BY 1, 2, 3"))
      .toMatch(/USING COVERING INDEX incoming_items_by_day_desk_channel/);
    expect(plan("SELECT count(*) FROM incoming_items WHERE status = 'registered' AND registered_at < '2026-04-30'")).toMatch(/USING COVERING INDEX incoming_items_registered_live/);
    expect(plan("SELECT 1 FROM item_documents WHERE item_id = 'x'")).toMatch(/USING (COVERING )?INDEX item_documents_by_item/);
    db.close();
  });
});
