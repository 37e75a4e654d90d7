import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useOneCaseDb } from '../../test-support/one-case-db.ts';

describe('server migration 0011 case-item-authors', { timeout: 60_000 }, () => {
  const oneCase = useOneCaseDb();

  it('keeps who attached a letter to a case and when, and leaves older links without them', async () => {
    const { db, caseId } = oneCase();
    let sequence = 0;
    const letter = async (): Promise<string> => {
      const id = randomUUID();
      sequence += 1;
      await db.query(
        `INSERT INTO incoming_items (id, rpw_number, desk_code, year, sequence, status, item, registered_by)
         VALUES ($1, $2, 'KO', 2026, $3, 'registered', '{}', (SELECT id FROM users WHERE login = 'anna'))`,
        [id, `RPW/KO/${String(sequence)}/2026`, sequence],
      );
      return id;
    };
    const [older, newer] = [await letter(), await letter()];
    await db.query('INSERT INTO case_items (case_id, item_id) VALUES ($1, $2)', [caseId, older]);
    await db.query("INSERT INTO case_items (case_id, item_id, attached_by, attached_at) VALUES ($1, $2, 'Anna', '2026-11-21T09:00:00Z')", [caseId, newer]);
    const rows = await db.query<{ item_id: string; attached_by: string | null; at: string | null }>(
      "SELECT item_id, attached_by, to_char(attached_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS at FROM case_items WHERE case_id = $1",
      [caseId],
    );
    expect(rows.find((r) => r.item_id === older)).toMatchObject({ attached_by: null, at: null });
    expect(rows.find((r) => r.item_id === newer)).toMatchObject({ attached_by: 'Anna', at: '2026-11-21 09:00' });
  });
});
