import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useOneCaseDb } from '../../test-support/one-case-db.ts';

describe('server migration 0008 case-sync', { timeout: 60_000 }, () => {
  const oneCase = useOneCaseDb();

  it('keeps a closed case with its settlement and date, and an open one without', async () => {
    const { db, caseId } = oneCase();
    await expect(db.query("UPDATE cases SET status = 'closed' WHERE id = $1", [caseId])).rejects.toThrow(/cases_closed_consistent/u);
    await expect(db.query("UPDATE cases SET status = 'closed', settlement = 'Decyzja' WHERE id = $1", [caseId])).rejects.toThrow(/cases_closed_consistent/u);
    await db.query("UPDATE cases SET status = 'closed', settlement = 'Decyzja', closed_at = now(), closed_by = 'Anna' WHERE id = $1", [caseId]);
    expect(await db.query('SELECT status, settlement, handler_login FROM cases WHERE id = $1', [caseId])).toEqual([{ status: 'closed', settlement: 'Decyzja', handler_login: 'anna' }]);
  });

  it('keeps each note once by the id its desk gave it', async () => {
    const { db, caseId } = oneCase();
    const noteId = randomUUID();
    const add = () => db.query("INSERT INTO case_notes (id, case_id, text, author_login, author_name) VALUES ($1, $2, 'Notatka', 'anna', 'Anna') ON CONFLICT (id) DO NOTHING", [noteId, caseId]);
    await add();
    await add();
    expect(await db.query('SELECT text FROM case_notes WHERE case_id = $1', [caseId])).toEqual([{ text: 'Notatka' }]);
    await expect(db.query("INSERT INTO case_notes (id, case_id, text, author_login, author_name) VALUES ($1, $2, 'x', 'anna', 'Anna')", [randomUUID(), randomUUID()])).rejects.toThrow(/foreign key/u);
  });
});
