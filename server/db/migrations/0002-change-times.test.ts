import { describe, expect, it } from 'vitest';
import { openPglite } from '../pglite-db.ts';
import { migrate } from '../migrate.ts';
import { initial } from './0001-initial.ts';
import { changeTimes } from './0002-change-times.ts';

// PGlite takes seconds to start on a loaded machine.
describe('server migration 0002 change-times', { timeout: 60_000 }, () => {
  it('gives changes logged before it a commit time, and new ones theirs', async () => {
    const db = await openPglite(null);
    expect(await migrate(db, [initial])).toEqual([1]);
    await db.exec(`INSERT INTO changes (version, entity, entity_id, op, data) VALUES (1, 'incoming_item', 'a', 'upsert', '{}')`);
    expect(await migrate(db, [initial, changeTimes])).toEqual([2]);
    await db.exec(`INSERT INTO changes (version, entity, entity_id, op, data) VALUES (2, 'incoming_item', 'b', 'upsert', '{}')`);
    const rows = await db.query<{ entity_id: string; committed_at: Date }>('SELECT entity_id, committed_at FROM changes ORDER BY version');
    expect(rows.map((r) => r.entity_id)).toEqual(['a', 'b']);
    for (const row of rows) expect(Math.abs(new Date(row.committed_at).getTime() - Date.now())).toBeLessThan(60_000);
    await db.close();
  });
});
