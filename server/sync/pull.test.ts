import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PullResponse, PushRequest } from '../../shared/sync/protocol.ts';
import { makeUser, pushedItem, seedOrganisation } from '../test-support/fixtures.ts';
import { useServerDb } from '../test-support/test-db.ts';
import { leaseRpwBlock } from './leases.ts';
import { compactChanges, pull, pullJson } from './pull.ts';
import { push } from './push.ts';

const serverDb = useServerDb();

describe('pull as JSON text (the HTTP answer)', () => {
  it('is the same page as pull, change for change, within the same scope', async () => {
    const db = serverDb();
    await seedOrganisation(db);
    const clerk = await makeUser(db, 'anna', 'registry_clerk', 'KO');
    const mopr = await makeUser(db, 'ewa', 'clerk', 'MOPR');
    const clientId = randomUUID();
    await leaseRpwBlock(db, clerk, clientId, { deskCode: 'KO', year: 2026, size: 10 });
    const items = [
      pushedItem('KO', 1, { accessLevel: 'restricted', subject: 'Sprawa poufna' }),
      pushedItem('KO', 2, { subject: 'Cytat: "drogi" \\ ścieżka\nnowa linia' }),
      pushedItem('KO', 3),
    ];
    await push(db, clerk, PushRequest.parse({ clientId, mutations: [
      ...items.map((item, i) => ({ seq: i + 1, name: 'registry.register', args: { item } })),
      { seq: 4, name: 'registry.cancel', args: { id: items[2]?.id, reason: 'Pomyłka w rejestracji' } },
    ] }), { trackingPinKey: 'k' }, () => undefined);

    for (const user of [clerk, mopr]) {
      for (const [cursor, limit] of [[0, 100], [0, 2], [2, 1], [4, 10]] as const) {
        const query = { clientId, cursor, limit };
        const text = await pullJson(db, user, query);
        expect(PullResponse.parse(JSON.parse(text))).toEqual(await pull(db, user, query));
      }
    }
    const moprPage = await pullJson(db, mopr, { clientId: randomUUID(), cursor: 0, limit: 100 });
    expect(moprPage).not.toContain('Sprawa poufna');
    expect((JSON.parse(moprPage) as PullResponse).changes.map((c) => (c.data as { subject: string }).subject))
      .toEqual(['Cytat: "drogi" \\ ścieżka\nnowa linia', 'Wniosek o wydanie zaświadczenia', 'Wniosek o wydanie zaświadczenia']);
  });
});

describe('pull scope', () => {
  it("gives a unit its own rows and its sections' rows, never its parent's or a sibling's", async () => {
    const db = serverDb();
    await db.exec(`
      INSERT INTO units (code, name) VALUES ('GN', 'Wydział Gospodarki Nieruchomościami'), ('UM', 'Urząd Miasta');
      INSERT INTO units (code, name, parent_code) VALUES ('GN-I', 'Referat I', 'GN'), ('GN-II', 'Referat II', 'GN');
      INSERT INTO units (code, name, parent_code) VALUES ('GN-I-A', 'Zespół A', 'GN-I');`);
    for (const unit of ['GN', 'GN-I', 'GN-II', 'GN-I-A', 'UM', null]) {
      const [row] = await db.query<{ v: number }>('UPDATE sync_version SET v = v + 1 WHERE id = 1 RETURNING v');
      await db.query("INSERT INTO changes (version, entity, entity_id, op, scope_unit, data) VALUES ($1, 'case', $2, 'upsert', $3, '{}')", [row?.v, `case-of-${unit ?? 'all'}`, unit]);
    }
    const seen = async (role: 'clerk' | 'unit_head' | 'supervisor', unit: string): Promise<string[]> => {
      const user = await makeUser(db, `${role}-${unit}`.toLowerCase(), role, unit);
      return (await pull(db, user, { clientId: randomUUID(), cursor: 0, limit: 100 })).changes.map((c) => c.id);
    };
    expect(await seen('unit_head', 'GN')).toEqual(['case-of-GN', 'case-of-GN-I', 'case-of-GN-II', 'case-of-GN-I-A', 'case-of-all']);
    expect(await seen('clerk', 'GN-I')).toEqual(['case-of-GN-I', 'case-of-GN-I-A', 'case-of-all']);
    expect(await seen('clerk', 'GN-II')).toEqual(['case-of-GN-II', 'case-of-all']);
    expect(await seen('supervisor', 'UM')).toHaveLength(6);
  });
});

describe('a restricted letter routed to another unit', () => {
  it('reaches the desk unit and the unit it was routed to, with its cancellation, and no other unit', async () => {
    const db = serverDb();
    await seedOrganisation(db);
    const registry = await makeUser(db, 'anna', 'registry_clerk', 'KO');
    const mopr = await makeUser(db, 'ewa', 'clerk', 'MOPR');
    const roads = await makeUser(db, 'piotr', 'clerk', 'MZD');
    const clientId = randomUUID();
    await leaseRpwBlock(db, registry, clientId, { deskCode: 'KO', year: 2026, size: 10 });
    const letter = pushedItem('KO', 1, { accessLevel: 'restricted', subject: 'Zasiłek celowy' });
    const seesLetter = async (user: typeof mopr) => (await pull(db, user, { clientId: randomUUID(), cursor: 0, limit: 100 })).changes
      .filter((c) => c.entity === 'incoming_item' && c.id === letter.id).map((c) => (c.data as { status: string }).status);
    await push(db, registry, PushRequest.parse({ clientId, mutations: [{ seq: 1, name: 'registry.register', args: { item: letter } }] }), { trackingPinKey: 'k' }, () => undefined);
    expect(await seesLetter(mopr)).toEqual([]);

    const route = { id: randomUUID(), unitCode: 'MOPR', role: 'lead', instruction: null, dueDate: null };
    await push(db, registry, PushRequest.parse({ clientId, mutations: [
      { seq: 2, name: 'routing.route', args: { itemId: letter.id, routes: [route] } },
      { seq: 3, name: 'registry.cancel', args: { id: letter.id, reason: 'Pomyłka w rejestracji' } },
    ] }), { trackingPinKey: 'k' }, () => undefined);
    // Compacted or not, the unit's desks get the letter as it now stands; the PIN never travels.
    expect(await seesLetter(mopr)).toEqual(['registered', 'cancelled']);
    expect(await seesLetter(roads)).toEqual([]);
    await compactChanges(db, 100);
    expect(await seesLetter(mopr)).toEqual(['cancelled']);
    expect(await seesLetter(roads)).toEqual([]);
    expect(JSON.stringify((await pull(db, mopr, { clientId: randomUUID(), cursor: 0, limit: 100 })).changes)).not.toContain('"trackingPin"');
  });
});
