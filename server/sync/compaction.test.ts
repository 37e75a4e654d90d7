import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PushRequest } from '../../shared/sync/protocol.ts';
import { makeUser, pushedItem, seedOrganisation } from '../test-support/fixtures.ts';
import { useServerDb } from '../test-support/test-db.ts';
import { compactOlderThan } from './compaction.ts';
import { leaseRpwBlock } from './leases.ts';
import { CursorTooOldError, pull } from './pull.ts';
import { push } from './push.ts';

const serverDb = useServerDb();

describe('change log compaction by age', () => {
  it('drops superseded changes older than the retention, keeps the latest state, and sends older cursors back to 0', async () => {
    const db = serverDb();
    await seedOrganisation(db);
    const clerk = await makeUser(db, 'anna', 'registry_clerk', 'KO');
    const clientId = randomUUID();
    await leaseRpwBlock(db, clerk, clientId, { deskCode: 'KO', year: 2026, size: 10 });
    const items = [1, 2, 3].map((n) => pushedItem('KO', n));
    await push(db, clerk, PushRequest.parse({ clientId, mutations: [
      ...items.map((item, i) => ({ seq: i + 1, name: 'registry.register', args: { item } })),
      { seq: 4, name: 'registry.cancel', args: { id: items[0]?.id, reason: 'Pomyłka w rejestracji' } },
    ] }), { trackingPinKey: 'k' }, () => undefined);
    // Versions 1–3 happened 100 days ago, the cancellation (4) today.
    await db.query("UPDATE changes SET committed_at = now() - interval '100 days' WHERE version <= 3");

    expect(await compactOlderThan(db, 120)).toBeNull();
    expect(await compactOlderThan(db, 90)).toBe(4);
    expect(await compactOlderThan(db, 90)).toBeNull();
    const kept = await db.query<{ version: number }>('SELECT version FROM changes ORDER BY version');
    expect(kept.map((r) => r.version)).toEqual([2, 3, 4]); // version 1 was superseded by the cancellation

    await expect(pull(db, clerk, { clientId, cursor: 2, limit: 100 })).rejects.toBeInstanceOf(CursorTooOldError);
    const fresh = await pull(db, clerk, { clientId, cursor: 0, limit: 100 });
    expect(fresh.changes.map((c) => (c.data as { status: string }).status)).toEqual(['registered', 'registered', 'cancelled']);
  });
});
