import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PushRequest, type SessionUser } from '../../shared/sync/protocol.ts';
import type { Sql } from '../db/database.ts';
import { makeUser, seedOrganisation } from '../test-support/fixtures.ts';
import { useServerDb } from '../test-support/test-db.ts';
import { leaseRkwBlock } from './leases.ts';
import { push } from './push.ts';

const serverDb = useServerDb();
const secrets = { trackingPinKey: 'test-key' };

async function openCase(db: Sql, unitCode: string, opener: SessionUser): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO cases (id, unit_code, jrwa_symbol, year, number, sign, title, matter_type, started_on, status, opened_by, handler_login)
     VALUES ($1, $2, '6831', 2026, 1, $3, 'Podział', 'kpa_general', '2026-11-20', 'open', $4, $5)`,
    [id, unitCode, `${unitCode}.6831.1.2026`, opener.id, opener.login],
  );
  return id;
}

async function setup() {
  const db = serverDb();
  await seedOrganisation(db);
  const anna = await makeUser(db, 'anna', 'registry_clerk', 'KO');
  const ewa = await makeUser(db, 'ewa', 'clerk', 'MZD');
  const caseId = await openCase(db, 'MZD', ewa);
  const seqs = new Map<string, number>();
  const send = async (user: SessionUser, clientId: string, name: string, args: unknown) => {
    const seq = (seqs.get(clientId) ?? 0) + 1;
    seqs.set(clientId, seq);
    const response = await push(db, user, PushRequest.parse({ clientId, mutations: [{ seq, name, args }] }), secrets, () => undefined);
    return response.results[0];
  };
  const letter = (rkwNumber: string) => ({ letter: { id: randomUUID(), caseId, rkwNumber, channel: 'registered_zpo', sentOn: '2026-12-01' } });
  return { db, anna, ewa, caseId, send, letter };
}

describe('RKW number blocks', () => {
  it('gives concurrent workstations disjoint blocks per desk or unit, to the roles that send letters only', async () => {
    const { db, anna, ewa } = await setup();
    const blocks = await Promise.all(Array.from({ length: 6 }, (_, i) => leaseRkwBlock(db, i % 2 === 0 ? anna : ewa, randomUUID(), { deskCode: 'KO', year: 2026, size: 5 })));
    const numbers = blocks.flatMap((b) => Array.from({ length: b.lastNo - b.firstNo + 1 }, (_, i) => b.firstNo + i)).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    // A unit without a desk numbers its own RKW; its counter is its own, as is the next year's.
    expect(await leaseRkwBlock(db, ewa, randomUUID(), { deskCode: 'MZD', year: 2026, size: 5 })).toEqual({ deskCode: 'MZD', year: 2026, firstNo: 1, lastNo: 5 });
    expect(await leaseRkwBlock(db, ewa, randomUUID(), { deskCode: 'KO', year: 2027, size: 5 })).toMatchObject({ firstNo: 1 });
    await expect(leaseRkwBlock(db, ewa, randomUUID(), { deskCode: 'XX', year: 2026, size: 5 })).rejects.toMatchObject({ code: 'unknown_desk' });
    const supervisor = await makeUser(db, 'sekretarz', 'supervisor', null);
    await expect(leaseRkwBlock(db, supervisor, randomUUID(), { deskCode: 'KO', year: 2026, size: 5 })).rejects.toMatchObject({ code: 'forbidden' });
    // The RPW counter of the same desk is untouched: the registers number independently.
    expect(await db.query('SELECT count(*)::int AS n FROM rpw_leases')).toEqual([{ n: 0 }]);
  });
});

describe('outgoing.dispatch: an RKW number only from the pushing client\'s block, and only once', () => {
  it('accepts a leased number, refuses an unleased, another client\'s, a malformed or a repeated one', async () => {
    const { db, anna, ewa, send, letter } = await setup();
    const annas = randomUUID();
    const ewas = randomUUID();
    await leaseRkwBlock(db, anna, annas, { deskCode: 'KO', year: 2026, size: 3 });
    await leaseRkwBlock(db, ewa, ewas, { deskCode: 'KO', year: 2026, size: 3 });

    const first = letter('RKW/KO/1/2026');
    expect(await send(anna, annas, 'outgoing.dispatch', first)).toMatchObject({ status: 'applied' });
    expect(await send(anna, annas, 'outgoing.dispatch', letter('RKW/KO/7/2026'))).toMatchObject({ status: 'rejected', error: { code: 'number_not_leased', message: 'sync.rejections.rkwNotLeased' } });
    expect(await send(anna, annas, 'outgoing.dispatch', letter('RKW/KO/4/2026'))).toMatchObject({ status: 'rejected', error: { code: 'number_not_leased' } });
    expect(await send(anna, annas, 'outgoing.dispatch', letter('RKW/KO/2026'))).toMatchObject({ status: 'rejected', error: { code: 'bad_number' } });
    const again = await send(anna, annas, 'outgoing.dispatch', letter('RKW/KO/1/2026'));
    expect(again).toMatchObject({ status: 'conflict', error: { code: 'number_taken', message: 'sync.rejections.rkwTaken' }, value: { id: first.letter.id, rkwNumber: 'RKW/KO/1/2026' } });
    expect(await send(ewa, ewas, 'outgoing.dispatch', letter('RKW/KO/4/2026'))).toMatchObject({ status: 'applied' });

    const rows = await db.query<{ rkw_number: string; desk_code: string; year: number; sequence: number }>('SELECT rkw_number, desk_code, year, sequence FROM outgoing_letters ORDER BY sequence');
    expect(rows).toEqual([
      { rkw_number: 'RKW/KO/1/2026', desk_code: 'KO', year: 2026, sequence: 1 },
      { rkw_number: 'RKW/KO/4/2026', desk_code: 'KO', year: 2026, sequence: 4 },
    ]);
    // The database itself refuses a second letter under a number, whatever wrote it.
    await expect(db.query("INSERT INTO outgoing_letters (id, case_id, rkw_number, desk_code, year, sequence, channel, sent_on, recorded_by) SELECT $1, case_id, 'x', 'KO', 2026, 1, 'email', '2026-12-01', 'x' FROM outgoing_letters LIMIT 1", [randomUUID()]))
      .rejects.toThrow(/unique|duplicate/u);
  });

  it('voids a block\'s unused numbers for its client only; a void number is never sent, a sent one never voided', async () => {
    const { db, anna, ewa, send, letter } = await setup();
    const annas = randomUUID();
    await leaseRkwBlock(db, anna, annas, { deskCode: 'KO', year: 2026, size: 4 });
    expect(await send(anna, annas, 'outgoing.dispatch', letter('RKW/KO/1/2026'))).toMatchObject({ status: 'applied' });
    expect(await send(ewa, randomUUID(), 'rkw.void', { deskCode: 'KO', year: 2026, sequences: [2] })).toMatchObject({ status: 'rejected', error: { code: 'number_not_leased' } });
    expect(await send(anna, annas, 'rkw.void', { deskCode: 'KO', year: 2026, sequences: [1] })).toMatchObject({ status: 'conflict', error: { code: 'number_taken' } });
    expect(await send(anna, annas, 'rkw.void', { deskCode: 'KO', year: 2026, sequences: [2, 3, 4] })).toMatchObject({ status: 'applied' });
    expect(await send(anna, annas, 'outgoing.dispatch', letter('RKW/KO/3/2026'))).toMatchObject({ status: 'conflict', error: { code: 'number_taken' } });
    expect(await db.query('SELECT sequence FROM rkw_void ORDER BY sequence')).toEqual([{ sequence: 2 }, { sequence: 3 }, { sequence: 4 }]);
    // Other desks' workstations pull the gaps as rkw_void changes.
    expect(await db.query("SELECT entity_id FROM changes WHERE entity = 'rkw_void' ORDER BY entity_id")).toEqual([
      { entity_id: 'RKW/KO/2/2026' }, { entity_id: 'RKW/KO/3/2026' }, { entity_id: 'RKW/KO/4/2026' },
    ]);
  });
});
