import { describe, expect, it } from 'vitest';
import { useOneCaseDb } from '../../test-support/one-case-db.ts';

describe('server migration 0015 substitutions', { timeout: 60_000 }, () => {
  const oneCase = useOneCaseDb();

  it('keeps a zastępstwo per absent person, substitute and start day, and refuses a reversed or self one', async () => {
    const { db } = oneCase();
    await db.query("INSERT INTO substitutions VALUES ('jan', 'ewa', '2026-07-01', '2026-07-14')");
    await expect(db.query("INSERT INTO substitutions VALUES ('jan', 'ewa', '2026-07-01', '2026-07-20')")).rejects.toThrow(/duplicate|unique/i);
    await expect(db.query("INSERT INTO substitutions VALUES ('jan', 'ewa', '2026-08-10', '2026-08-01')")).rejects.toThrow(/check/i);
    await expect(db.query("INSERT INTO substitutions VALUES ('jan', 'jan', '2026-08-01', '2026-08-10')")).rejects.toThrow(/check/i);
    expect(await db.query("SELECT to_char(to_date, 'YYYY-MM-DD') AS until FROM substitutions WHERE substitute_login = 'ewa'")).toEqual([{ until: '2026-07-14' }]);
  });
});
