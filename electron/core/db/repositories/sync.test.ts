import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../../shared/sync/protocol.ts';
import { sampleRegisterArgs } from '../../test-support/sample-item.ts';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { openDatabase } from '../open.ts';
import { cancelItem, getItem, registerItem } from './incoming-items.ts';
import { addLeasedBlock, leasedNumbersLeft, NoNumbersLeftError, voidNumbers } from './numbering.ts';
import { applyPushResults, clientOf, outboxBatch, syncCounts } from './outbox.ts';
import {
  applyPulledChanges, cursorOf, listSyncIssues, resolveSyncIssue, syncStateFor, voidUnusedNumbers,
} from './sync.ts';

const tempDir = useTempDirs();
const SERVER = 'https://kancelaria.urzad.example.pl';
const AT = '2026-11-20T10:00:00.000Z';

function syncedDb() {
  const db = openDatabase(join(tempDir(), 'k.sqlite'));
  syncStateFor(db, SERVER, AT);
  addLeasedBlock(db, 'rpw', { deskCode: 'KO', year: 2026, firstNo: 51, lastNo: 53 }, clientOf(db, 'anna', AT), AT);
  return db;
}

const synced = { numbering: 'leased-only', outbox: 'anna' } as const;
const annas = (db: ReturnType<typeof syncedDb>) => clientOf(db, 'anna', AT);

describe('workstation sync state', () => {
  it('numbers from leased blocks only, and puts every registration and cancellation in the outbox with it', () => {
    const db = syncedDb();
    const first = registerItem(db, sampleRegisterArgs(synced));
    expect(first.rpwNumber).toBe('RPW/KO/51/2026');
    cancelItem(db, { id: first.id, reason: 'Pomyłka w rejestracji', at: AT, actor: 'Anna Nowak', outbox: 'anna' });
    registerItem(db, sampleRegisterArgs(synced));
    registerItem(db, sampleRegisterArgs(synced));
    expect(() => registerItem(db, sampleRegisterArgs(synced))).toThrow(NoNumbersLeftError);
    expect(leasedNumbersLeft(db, 'rpw', 'KO', 2026, annas(db))).toBe(0);
    const batch = outboxBatch(db, annas(db), 10);
    expect(batch.map((c) => [c.seq, c.name])).toEqual([[1, 'registry.register'], [2, 'registry.cancel'], [3, 'registry.register'], [4, 'registry.register']]);
    expect(batch[0]?.args).toMatchObject({ item: { id: first.id, rpwNumber: 'RPW/KO/51/2026', trackingPin: first.trackingPin } });
    expect(syncCounts(db, 'anna')).toEqual({ pending: 4, othersPending: 0, issues: 0 });
  });

  it('drops applied commands and keeps refused ones as issues with the server version beside', () => {
    const db = syncedDb();
    const item = registerItem(db, sampleRegisterArgs(synced));
    cancelItem(db, { id: item.id, reason: 'Pomyłka w rejestracji', at: AT, actor: 'Anna Nowak', outbox: 'anna' });
    const serverVersion = { ...item, status: 'cancelled', cancelReason: 'Już anulowane' };
    applyPushResults(db, annas(db), [
      { seq: 1, status: 'applied', error: null, value: { rpwNumber: item.rpwNumber } },
      { seq: 2, status: 'conflict', error: { code: 'already_cancelled', message: 'sync.rejections.alreadyCancelled' }, value: serverVersion },
    ], AT);
    expect(syncCounts(db, 'anna')).toEqual({ pending: 0, othersPending: 0, issues: 1 });
    const [issue] = listSyncIssues(db, 10);
    expect(issue).toMatchObject({ seq: 2, command: 'registry.cancel', status: 'conflict', messageKey: 'sync.rejections.alreadyCancelled', local: { id: item.id }, server: { cancelReason: 'Już anulowane' } });
    expect(resolveSyncIssue(db, issue?.id ?? 0, AT)).toBe(true);
    expect(syncCounts(db, 'anna').issues).toBe(0);
    expect(listSyncIssues(db, 10)[0]?.resolvedAt).toBe(AT);
  });

  it('merges pulled letters: inserts new ones without PIN, cancels known ones, never overwrites a clashing number', () => {
    const db = syncedDb();
    const mine = registerItem(db, sampleRegisterArgs(synced));
    const { trackingPin: _pin, ...remote } = { ...mine, id: '0196a0b0-0000-7000-8000-000000000001', rpwNumber: 'RPW/KO/1/2026', sequence: 1, trackingCode: 'AAAAA-BBBBB', registeredBy: 'Ewa Zielińska' };
    const clash = { ...remote, id: '0196a0b0-0000-7000-8000-000000000002', rpwNumber: mine.rpwNumber, sequence: mine.sequence, trackingCode: 'CCCCC-DDDDD' };
    const changes: Change[] = [
      { version: 1, entity: 'incoming_item', id: remote.id, op: 'upsert', data: remote },
      { version: 2, entity: 'incoming_item', id: clash.id, op: 'upsert', data: clash },
      { version: 3, entity: 'incoming_item', id: mine.id, op: 'upsert', data: { ...mine, trackingPin: undefined, status: 'cancelled', cancelReason: 'Duplikat', cancelledBy: 'Ewa Zielińska', cancelledAt: AT } },
      { version: 4, entity: 'rpw_void', id: 'RPW/KO/7/2026', op: 'upsert', data: { deskCode: 'KO', year: 2026, sequence: 7 } },
      { version: 5, entity: 'case', id: 'x', op: 'upsert', data: {} },
    ];
    expect(applyPulledChanges(db, changes, 5, AT, 'anna').itemIds).toEqual([remote.id, mine.id]);
    expect(getItem(db, remote.id)?.item).toMatchObject({ rpwNumber: 'RPW/KO/1/2026', trackingPin: '', registeredBy: 'Ewa Zielińska' });
    expect(getItem(db, mine.id)?.item).toMatchObject({ status: 'cancelled', cancelReason: 'Duplikat', trackingPin: mine.trackingPin });
    expect(getItem(db, mine.id)?.events.map((e) => [e.kind, e.actor])).toEqual([['registered', 'Okienko 1'], ['cancelled', 'Ewa Zielińska']]);
    expect(getItem(db, clash.id)).toBeNull();
    expect(listSyncIssues(db, 10)[0]).toMatchObject({ seq: null, errorCode: 'number_clash', local: { id: mine.id }, server: { id: clash.id } });
    expect(voidNumbers(db, 'rpw', 'KO', 2026)).toEqual(['RPW/KO/7/2026']);
    expect(cursorOf(db, 'anna')).toBe(5);
    expect(cursorOf(db, 'ewa')).toBe(0); // each person pulls within their own scope, from their own cursor
    // Pulling the same page again (a crash before the answer was seen) changes nothing.
    expect(applyPulledChanges(db, changes, 5, AT, 'anna').itemIds).toEqual([]);
  });

  it('voids a past year’s unused leased numbers, here and as a command for the server', () => {
    const db = syncedDb();
    registerItem(db, sampleRegisterArgs(synced));
    expect(voidUnusedNumbers(db, 2027, AT)).toBe(2);
    expect(voidNumbers(db, 'rpw', 'KO', 2026)).toEqual(['RPW/KO/52/2026', 'RPW/KO/53/2026']);
    expect(outboxBatch(db, annas(db), 10).at(-1)).toMatchObject({ name: 'rpw.void', args: { deskCode: 'KO', year: 2026, sequences: [52, 53] } });
    expect(voidUnusedNumbers(db, 2027, AT)).toBe(0);
  });

  it('starts new clients numbered from 1 for another server, keeping what waited for the old one as issues', () => {
    const db = syncedDb();
    registerItem(db, sampleRegisterArgs(synced));
    const before = annas(db);
    syncStateFor(db, 'https://nowy.example.pl', AT);
    expect(annas(db)).not.toBe(before);
    expect(listSyncIssues(db, 10)[0]).toMatchObject({ errorCode: 'server_changed', command: 'registry.register' });
    expect(() => registerItem(db, sampleRegisterArgs(synced))).toThrow(NoNumbersLeftError);
    addLeasedBlock(db, 'rpw', { deskCode: 'KO', year: 2026, firstNo: 101, lastNo: 150 }, annas(db), AT);
    expect(registerItem(db, sampleRegisterArgs(synced)).rpwNumber).toBe('RPW/KO/101/2026');
    expect(outboxBatch(db, annas(db), 10).map((c) => c.seq)).toEqual([1]);
  });
});
