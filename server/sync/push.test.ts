import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PushRequest, type SessionUser } from '../../shared/sync/protocol.ts';
import { makeUser, pushedItem, seedOrganisation } from '../test-support/fixtures.ts';
import { useServerDb } from '../test-support/test-db.ts';
import { pinHash } from './commands/registry.ts';
import { leaseRpwBlock } from './leases.ts';
import { compactChanges, CursorTooOldError, pull } from './pull.ts';
import { ForeignClientError, push } from './push.ts';

const serverDb = useServerDb();
const secrets = { trackingPinKey: 'test-key' };

async function setup() {
  const db = serverDb();
  await seedOrganisation(db);
  const clerk = await makeUser(db, 'anna', 'registry_clerk', 'KO');
  const clientId = randomUUID();
  const lease = await leaseRpwBlock(db, clerk, clientId, { deskCode: 'KO', year: 2026, size: 10 });
  const pokes: number[] = [];
  const send = (user: SessionUser, client: string, mutations: { seq: number; name: string; args: unknown }[]) =>
    push(db, user, PushRequest.parse({ clientId: client, mutations }), secrets, (v) => pokes.push(v));
  return { db, clerk, clientId, lease, pokes, send };
}

describe('push: commands applied exactly once, in order', () => {
  it('applies a registration, and a retry of the same seq returns the stored result without applying again', async () => {
    const { db, clerk, clientId, lease, pokes, send } = await setup();
    expect(lease).toEqual({ deskCode: 'KO', year: 2026, firstNo: 1, lastNo: 10 });
    const item = pushedItem('KO', 1);
    const first = await send(clerk, clientId, [{ seq: 1, name: 'registry.register', args: { item } }]);
    expect(first).toEqual({ results: [{ seq: 1, status: 'applied', error: null, value: { rpwNumber: 'RPW/KO/1/2026' } }], lastSeq: 1, expectedSeq: null });
    // The response was lost; the workstation pushes the same command again, twice.
    const again = await send(clerk, clientId, [{ seq: 1, name: 'registry.register', args: { item } }]);
    await send(clerk, clientId, [{ seq: 1, name: 'registry.register', args: { item } }]);
    expect(again.results).toEqual(first.results);
    expect(await db.query('SELECT rpw_number FROM incoming_items')).toEqual([{ rpw_number: 'RPW/KO/1/2026' }]);
    expect(pokes).toEqual([1]);
  });

  it('stops at a gap and says which seq it expects', async () => {
    const { clerk, clientId, send } = await setup();
    const result = await send(clerk, clientId, [{ seq: 2, name: 'registry.register', args: { item: pushedItem('KO', 2) } }]);
    expect(result).toEqual({ results: [], lastSeq: 0, expectedSeq: 1 });
  });

  it('records refusals and moves on: a number outside the lease, a taken number, an unknown command, bad args', async () => {
    const { db, clerk, clientId, send } = await setup();
    const result = await send(clerk, clientId, [
      { seq: 1, name: 'registry.register', args: { item: pushedItem('KO', 11) } },
      { seq: 2, name: 'registry.register', args: { item: pushedItem('KO', 3) } },
      { seq: 3, name: 'registry.register', args: { item: pushedItem('KO', 3) } },
      { seq: 4, name: 'registry.teleport', args: {} },
      { seq: 5, name: 'registry.cancel', args: { id: 'nie-uuid', reason: 'x' } },
      { seq: 6, name: 'registry.register', args: { item: pushedItem('KO', 4) } },
    ]);
    expect(result.results.map((r) => [r.seq, r.status, r.error?.code ?? null])).toEqual([
      [1, 'rejected', 'number_not_leased'],
      [2, 'applied', null],
      [3, 'conflict', 'number_taken'],
      [4, 'rejected', 'unknown_command'],
      [5, 'rejected', 'invalid_input'],
      [6, 'applied', null],
    ]);
    expect(result.lastSeq).toBe(6);
    expect((await db.query<{ sequence: number }>('SELECT sequence FROM incoming_items ORDER BY sequence')).map((r) => r.sequence)).toEqual([3, 4]);
  });

  it('refuses a clerk without a registry role, and another user continuing someone else\'s client id', async () => {
    const { db, clerk, clientId, send } = await setup();
    const roadClerk = await makeUser(db, 'piotr', 'clerk', 'MZD');
    const own = await send(roadClerk, randomUUID(), [{ seq: 1, name: 'registry.register', args: { item: pushedItem('KO', 1) } }]);
    expect(own.results[0]).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
    await send(clerk, clientId, []);
    await expect(send(roadClerk, clientId, [])).rejects.toBeInstanceOf(ForeignClientError);
  });

  it('never lets two concurrent pushes of the same command both apply', async () => {
    const { db, clerk, clientId, send } = await setup();
    const items = [1, 2, 3, 4, 5].map((n) => pushedItem('KO', n));
    const batch = items.map((item, i) => ({ seq: i + 1, name: 'registry.register', args: { item } }));
    const answers = await Promise.all([send(clerk, clientId, batch), send(clerk, clientId, batch), send(clerk, clientId, batch)]);
    for (const answer of answers) expect(answer.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
    expect(await db.query('SELECT count(*)::int AS n FROM incoming_items')).toEqual([{ n: 5 }]);
    expect(await db.query('SELECT count(*)::int AS n FROM mutation_results')).toEqual([{ n: 5 }]);
  });
});

describe('push: one database call per registration or early refusal', () => {
  it('keeps a refusal decided before the database exactly once: a retry of its seq gets the stored refusal', async () => {
    const { db, clerk, clientId, pokes, send } = await setup();
    const refused = await send(clerk, clientId, [{ seq: 1, name: 'registry.teleport', args: {} }]);
    expect(refused.results).toEqual([{ seq: 1, status: 'rejected', error: { code: 'unknown_command', message: 'sync.rejections.unknownCommand' }, value: null }]);
    const retried = await send(clerk, clientId, [{ seq: 1, name: 'registry.register', args: { item: pushedItem('KO', 1) } }]);
    expect(retried).toEqual({ results: refused.results, lastSeq: 1, expectedSeq: null });
    const badNumber = await send(clerk, clientId, [{ seq: 2, name: 'registry.register', args: { item: { ...pushedItem('KO', 2), rpwNumber: 'RPW/KO/3/2026' } } }]);
    expect(badNumber.results[0]).toMatchObject({ status: 'rejected', error: { code: 'bad_number' } });
    expect(await db.query('SELECT count(*)::int AS n FROM incoming_items')).toEqual([{ n: 0 }]);
    expect(pokes).toEqual([]);
  });

  it('answers a taken number with the letter that holds it, and logs one change per registration in version order', async () => {
    const { db, clerk, clientId, pokes, send } = await setup();
    const first = pushedItem('KO', 1);
    const result = await send(clerk, clientId, [
      { seq: 1, name: 'registry.register', args: { item: first } },
      { seq: 2, name: 'registry.register', args: { item: pushedItem('KO', 1) } },
      { seq: 3, name: 'registry.register', args: { item: pushedItem('KO', 2, { accessLevel: 'restricted' }) } },
    ]);
    const { trackingPin: _pin, ...firstPublic } = first;
    expect(result.results[1]).toEqual({ seq: 2, status: 'conflict', error: { code: 'number_taken', message: 'sync.rejections.numberTaken' }, value: firstPublic });
    expect(pokes).toEqual([1, 2]);
    expect(await db.query('SELECT version, entity, scope_unit FROM changes ORDER BY version')).toEqual([
      { version: 1, entity: 'incoming_item', scope_unit: null },
      { version: 2, entity: 'incoming_item', scope_unit: 'KO' },
    ]);
    const [stored] = await db.query<{ tracking_pin_hash: string; registered_by: string }>('SELECT tracking_pin_hash, registered_by FROM incoming_items WHERE id = $1', [first.id]);
    expect(stored).toEqual({ tracking_pin_hash: pinHash(secrets.trackingPinKey, first.trackingCode, first.trackingPin), registered_by: clerk.id });
  });

  it('refuses another user\'s client id whether the command is one call or a transaction, and records nothing', async () => {
    const { db, clerk, clientId, send } = await setup();
    await send(clerk, clientId, []);
    const other = await makeUser(db, 'marta', 'registry_clerk', 'KO');
    await expect(send(other, clientId, [{ seq: 1, name: 'registry.register', args: { item: pushedItem('KO', 1) } }])).rejects.toBeInstanceOf(ForeignClientError);
    await expect(send(other, clientId, [{ seq: 1, name: 'registry.cancel', args: { id: randomUUID(), reason: 'pomyłka' } }])).rejects.toBeInstanceOf(ForeignClientError);
    await expect(send(other, clientId, [{ seq: 1, name: 'registry.teleport', args: {} }])).rejects.toBeInstanceOf(ForeignClientError);
    expect(await db.query('SELECT count(*)::int AS n FROM mutation_results')).toEqual([{ n: 0 }]);
    expect(await db.query('SELECT last_seq, user_id FROM sync_clients')).toEqual([{ last_seq: 0, user_id: clerk.id }]);
  });
});

describe('pull: changes by version cursor, within scope', () => {
  it('pages whole versions, ends on the current version, and lets a fresh client start from 0 after compaction', async () => {
    const { db, clerk, clientId, send } = await setup();
    const mutations = [1, 2, 3, 4, 5].map((n) => ({ seq: n, name: 'registry.register', args: { item: pushedItem('KO', n) } }));
    await send(clerk, clientId, mutations);
    const cancelled = mutations[0]?.args.item.id ?? '';
    await send(clerk, clientId, [{ seq: 6, name: 'registry.cancel', args: { id: cancelled, reason: 'pomyłka przy rejestracji' } }]);

    const first = await pull(db, clerk, { clientId, cursor: 0, limit: 4 });
    expect(first.changes.map((c) => c.version)).toEqual([1, 2, 3, 4]);
    expect(first).toMatchObject({ cursor: 4, hasMore: true, lastSeq: 6 });
    const second = await pull(db, clerk, { clientId, cursor: first.cursor, limit: 4 });
    expect(second.changes.map((c) => [c.version, (c.data as { status: string }).status])).toEqual([[5, 'registered'], [6, 'cancelled']]);
    expect(second).toMatchObject({ cursor: 6, hasMore: false });
    expect(JSON.stringify(second.changes)).not.toContain('trackingPin');

    await compactChanges(db, 6);
    await expect(pull(db, clerk, { clientId, cursor: 3, limit: 100 })).rejects.toBeInstanceOf(CursorTooOldError);
    const fresh = await pull(db, clerk, { clientId: randomUUID(), cursor: 0, limit: 100 });
    expect(fresh.changes).toHaveLength(5);
    expect(fresh.changes.find((c) => c.id === cancelled)?.data).toMatchObject({ status: 'cancelled' });
  });

  it('never hands a restricted letter to a clerk of another unit', async () => {
    const { db, clerk, clientId, send } = await setup();
    const mopr = await makeUser(db, 'ewa', 'clerk', 'MOPR');
    const ko = await makeUser(db, 'jan', 'clerk', 'KO');
    await send(clerk, clientId, [
      { seq: 1, name: 'registry.register', args: { item: pushedItem('KO', 1, { accessLevel: 'restricted', subject: 'Sprawa poufna' }) } },
      { seq: 2, name: 'registry.register', args: { item: pushedItem('KO', 2) } },
    ]);
    const seen = async (user: SessionUser) => (await pull(db, user, { clientId: randomUUID(), cursor: 0, limit: 100 })).changes.map((c) => (c.data as { subject: string }).subject);
    expect(await seen(mopr)).toEqual(['Wniosek o wydanie zaświadczenia']);
    expect(await seen(ko)).toEqual(['Sprawa poufna', 'Wniosek o wydanie zaświadczenia']);
    const quiet = await pull(db, mopr, { clientId: randomUUID(), cursor: 0, limit: 100 });
    expect(quiet.cursor).toBe(2);
  });
});

describe('RPW number blocks', () => {
  it('gives concurrent workstations disjoint blocks and refuses an unknown desk', async () => {
    const { db, clerk } = await setup();
    const blocks = await Promise.all(Array.from({ length: 6 }, () => leaseRpwBlock(db, clerk, randomUUID(), { deskCode: 'KO', year: 2026, size: 5 })));
    const numbers = blocks.flatMap((b) => Array.from({ length: b.lastNo - b.firstNo + 1 }, (_, i) => b.firstNo + i)).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => i + 11));
    await expect(leaseRpwBlock(db, clerk, randomUUID(), { deskCode: 'XX', year: 2026, size: 5 })).rejects.toMatchObject({ code: 'unknown_desk' });
  });
});
