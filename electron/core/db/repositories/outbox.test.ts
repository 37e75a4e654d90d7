import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sampleRegisterArgs } from '../../test-support/sample-item.ts';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { openDatabase } from '../open.ts';
import { cancelItem, registerItem } from './incoming-items.ts';
import { applyPushResults, claimQueue, clientOf, enqueueCommand, outboxBatch, syncCounts, unclaimedQueue } from './outbox.ts';
import { addLeasedBlock, NoNumbersLeftError } from './numbering.ts';
import { syncStateFor, voidUnusedNumbers } from './sync.ts';

const tempDir = useTempDirs();
const AT = '2026-11-20T10:00:00.000Z';

function sharedPc(): Database {
  const db = openDatabase(join(tempDir(), 'k.sqlite'));
  syncStateFor(db, 'https://kancelaria.urzad.example.pl', AT);
  return db;
}

const registerAs = (db: Database, login: string) => registerItem(db, sampleRegisterArgs({ numbering: 'leased-only', outbox: login }));
const seqs = (db: Database, login: string) => outboxBatch(db, clientOf(db, login, AT), 100).map((c) => [c.seq, c.name]);
const applied = (...seq: number[]) => seq.map((s) => ({ seq: s, status: 'applied' as const, error: null, value: null }));

describe('an outbox per person on a shared workstation', () => {
  it('keeps each person’s commands in their own queue, with their own client id, numbered from 1', () => {
    const db = sharedPc();
    addLeasedBlock(db, 'rpw', { deskCode: 'KO', year: 2026, firstNo: 1, lastNo: 10 }, clientOf(db, 'anna', AT), AT);
    addLeasedBlock(db, 'rpw', { deskCode: 'KO', year: 2026, firstNo: 11, lastNo: 20 }, clientOf(db, 'ewa', AT), AT);
    const annas = registerAs(db, 'anna');
    const ewas = registerAs(db, 'ewa');
    registerAs(db, 'anna');
    cancelItem(db, { id: ewas.id, reason: 'Pomyłka w rejestracji', at: AT, actor: 'Ewa Zielińska', outbox: 'ewa' });
    // Each person numbers from the block leased with their own client id.
    expect([annas.sequence, ewas.sequence]).toEqual([1, 11]);
    expect(clientOf(db, 'anna', AT)).not.toBe(clientOf(db, 'ewa', AT));
    expect(seqs(db, 'anna')).toEqual([[1, 'registry.register'], [2, 'registry.register']]);
    expect(seqs(db, 'ewa')).toEqual([[1, 'registry.register'], [2, 'registry.cancel']]);
    expect(db.prepare('SELECT DISTINCT login FROM outbox ORDER BY login').pluck().all()).toEqual(['anna', 'ewa']);
    expect(syncCounts(db, 'ewa')).toEqual({ pending: 2, othersPending: 2, issues: 0 });
    expect(syncCounts(db, null)).toEqual({ pending: 0, othersPending: 4, issues: 0 });
    // Ewa's answers touch only Ewa's queue, even where the numbers are the same as Anna's.
    applyPushResults(db, clientOf(db, 'ewa', AT), applied(1, 2), AT);
    expect(syncCounts(db, 'anna')).toEqual({ pending: 2, othersPending: 0, issues: 0 });
    db.close();
  });

  it('never leaves a gap in a person’s numbers, and never gives a number twice', () => {
    const db = sharedPc();
    const change = (name: string, fail = false) => db.transaction(() => {
      enqueueCommand(db, 'anna', name, {}, AT);
      if (fail) throw new Error('the change itself failed');
    })();
    change('a');
    expect(() => change('rolled back', true)).toThrow('the change itself failed');
    change('b');
    expect(seqs(db, 'anna')).toEqual([[1, 'a'], [2, 'b']]);
    applyPushResults(db, clientOf(db, 'anna', AT), applied(1, 2), AT);
    change('c');
    expect(seqs(db, 'anna')).toEqual([[3, 'c']]);
    expect(() => enqueueCommand(db, 'anna', 'outside', {}, AT)).toThrow(/inside the transaction/);
    db.close();
  });

  it('numbers from nobody else’s block, and voids an old block through the queue that leased it', () => {
    const db = sharedPc();
    addLeasedBlock(db, 'rpw', { deskCode: 'KO', year: 2025, firstNo: 1, lastNo: 3 }, clientOf(db, 'anna', AT), AT);
    addLeasedBlock(db, 'rpw', { deskCode: 'KO', year: 2026, firstNo: 4, lastNo: 9 }, clientOf(db, 'anna', AT), AT);
    expect(() => registerAs(db, 'ewa')).toThrow(NoNumbersLeftError);
    enqueueOutside(db, 'ewa');
    expect(voidUnusedNumbers(db, 2026, AT)).toBe(3);
    expect(outboxBatch(db, clientOf(db, 'anna', AT), 10)).toMatchObject([{ seq: 1, name: 'rpw.void', args: { deskCode: 'KO', year: 2025, sequences: [1, 2, 3] } }]);
    expect(seqs(db, 'ewa')).toEqual([[1, 'routing.accept']]);
    db.close();
  });

  it('lets the server say whose the queue begun before 0010 is; its first owner with no queue of their own takes it over', () => {
    const db = sharedPc();
    const legacy = '0196a0b0-0000-7000-8000-0000000000aa';
    db.prepare("INSERT INTO sync_clients (client_id, login, last_seq, created_at) VALUES (?, NULL, 7, 'then')").run(legacy);
    db.prepare("INSERT INTO outbox (client_id, seq, login, name, args, created_at) VALUES (?, 7, NULL, 'registry.register', '{}', 'then')").run(legacy);
    addLeasedBlock(db, 'rpw', { deskCode: 'KO', year: 2026, firstNo: 1, lastNo: 5 }, legacy, AT);
    expect(syncCounts(db, 'ewa')).toEqual({ pending: 0, othersPending: 1, issues: 0 });
    expect(unclaimedQueue(db, 'ewa')).toEqual({ clientId: legacy, pending: 1 });

    // Ewa already has a queue: the server accepted her push, but she keeps her own client id.
    enqueueOutside(db, 'ewa');
    claimQueue(db, legacy, 'ewa');
    expect(db.prepare('SELECT login FROM outbox WHERE client_id = ?').pluck().get(legacy)).toBe('ewa');
    applyPushResults(db, legacy, applied(7), AT);
    expect(unclaimedQueue(db, 'ewa')).toBeNull(); // nothing to send, and she cannot take over its numbers
    // Anna has none: the server accepting her (an empty push) hands her the client id and its numbers.
    expect(unclaimedQueue(db, 'anna')).toEqual({ clientId: legacy, pending: 0 });
    claimQueue(db, legacy, 'anna');
    expect(clientOf(db, 'anna', AT)).toBe(legacy);
    expect(registerAs(db, 'anna').sequence).toBe(1);
    expect(seqs(db, 'anna')).toEqual([[8, 'registry.register']]);
    expect(unclaimedQueue(db, 'anna')).toBeNull();
    db.close();
  });

  it('drops the unclaimed queue once nothing is left in it', () => {
    const db = sharedPc();
    db.prepare("INSERT INTO sync_clients (client_id, login, last_seq, created_at) VALUES ('old', NULL, 3, 'then')").run();
    expect(unclaimedQueue(db, 'anna')).toBeNull();
    expect(db.prepare('SELECT count(*) FROM sync_clients').pluck().get()).toBe(0);
    db.close();
  });
});

/** A change of `login`'s that needs no leased number (a routing step), to give them a queue. */
function enqueueOutside(db: Database, login: string): void {
  db.transaction(() => enqueueCommand(db, login, 'routing.accept', { routeId: 'r' }, AT))();
}
