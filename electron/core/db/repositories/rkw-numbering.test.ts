import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { TemplateInput } from '../../../../shared/replies/templates.ts';
import { caseInput, CLERK, withDemoCity } from '../../test-support/case-fixtures.ts';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { uuidv7 } from '../../ids.ts';
import { openDatabase } from '../open.ts';
import { openCase } from './cases.ts';
import { saveLetterTemplate } from './letter-templates.ts';
import { addLeasedBlock, leasedDesks, leasedNumbersLeft, NoNumbersLeftError, voidNumbers } from './numbering.ts';
import { clientOf, outboxBatch } from './outbox.ts';
import { dispatchReply } from './outgoing-letters.ts';
import { acceptReply, draftReply, submitReply } from './replies.ts';
import { applyPulledChanges, syncStateFor, voidUnusedNumbers } from './sync.ts';

const tempDir = useTempDirs();
const AT = '2026-11-20T10:00:00.000Z';
const SERVER = 'https://kancelaria.urzad.example.pl';
const HEAD = { login: 'jkozlowski2', name: 'Jan Kozłowski', post: 'Kierownik Referatu' };

function demoDb(): Database {
  const db = openDatabase(join(tempDir(), 'k.sqlite'));
  withDemoCity(db);
  return db;
}

/** A case of Referat GN-I with a reply its head accepted: ready to be sent. */
function acceptedReply(db: Database): string {
  const template = saveLetterTemplate(db, { id: uuidv7(), input: TemplateInput.parse({ unitCode: 'UM', name: 'Odpowiedź', place: 'Opole', body: 'Treść' }), at: AT, by: 'admin' });
  const opened = openCase(db, { id: uuidv7(), input: caseInput(), at: AT, actor: CLERK, numbering: 'local' });
  const reply = draftReply(db, { id: uuidv7(), caseId: opened.id, templateId: template.id, addressee: 'Jan Nowak', at: AT, actor: CLERK });
  submitReply(db, { id: reply.id, at: AT, actor: CLERK });
  acceptReply(db, { id: reply.id, finalSha256: 'a'.repeat(64), finalSign: opened.sign ?? '', at: AT, actor: HEAD });
  return reply.id;
}

function send(db: Database, options: { outbox: boolean; deskCode?: string | null; sentOn?: string; actor?: typeof CLERK }): string {
  return dispatchReply(db, {
    id: uuidv7(), replyId: acceptedReply(db), deskCode: options.deskCode === undefined ? 'KO' : options.deskCode, channel: 'ordinary',
    addresseeName: 'Jan Nowak', addressLines: 'ul. Ozimska 1\n45-057 Opole', sentOn: options.sentOn ?? '2026-12-01', postageGrosze: null, massGrams: null,
    trackingNumber: null, close: null, outbox: options.outbox, at: AT, actor: options.actor ?? CLERK,
  }).rkwNumber;
}

describe('RKW numbers with a central server', () => {
  it('come from the sender\'s own leased blocks in order, never a colleague\'s, and stop when none are left', () => {
    const db = demoDb();
    syncStateFor(db, SERVER, AT);
    const mine = clientOf(db, CLERK.login, AT);
    addLeasedBlock(db, 'rkw', { deskCode: 'KO', year: 2026, firstNo: 11, lastNo: 12 }, mine, AT);
    addLeasedBlock(db, 'rkw', { deskCode: 'KO', year: 2026, firstNo: 1, lastNo: 2 }, mine, AT);
    addLeasedBlock(db, 'rkw', { deskCode: 'KO', year: 2026, firstNo: 3, lastNo: 4 }, clientOf(db, 'ewa', AT), AT);
    // The RPW blocks of the same desk are another register's: they never number a letter sent.
    addLeasedBlock(db, 'rpw', { deskCode: 'KO', year: 2026, firstNo: 5, lastNo: 9 }, mine, AT);

    expect([send(db, { outbox: true }), send(db, { outbox: true }), send(db, { outbox: true })]).toEqual(['RKW/KO/1/2026', 'RKW/KO/2/2026', 'RKW/KO/11/2026']);
    expect(leasedNumbersLeft(db, 'rkw', 'KO', 2026, mine)).toBe(1);
    expect(send(db, { outbox: true })).toBe('RKW/KO/12/2026');
    expect(() => send(db, { outbox: true })).toThrow(NoNumbersLeftError);
    // Refused whole: no entry, no number burned, nothing queued for it.
    expect(db.prepare('SELECT count(*) FROM outgoing_letters').pluck().get()).toBe(4);
    expect(outboxBatch(db, mine, 50).filter((c) => c.name === 'outgoing.dispatch').map((c) => (c.args as { letter: { rkwNumber: string } }).letter.rkwNumber))
      .toEqual(['RKW/KO/1/2026', 'RKW/KO/2/2026', 'RKW/KO/11/2026', 'RKW/KO/12/2026']);
    // A colleague signed in here sends from their own block.
    expect(send(db, { outbox: true, actor: { login: 'ewa', name: 'Ewa Zielińska', post: 'Referent' } })).toBe('RKW/KO/3/2026');
    expect(leasedDesks(db, 'rkw', mine, 2026)).toEqual(['KO']);
    db.close();
  });

  it('void a past year\'s unused numbers for the server, and mean nothing once the workstation moves to another server', () => {
    const db = demoDb();
    syncStateFor(db, SERVER, AT);
    const mine = clientOf(db, CLERK.login, AT);
    addLeasedBlock(db, 'rkw', { deskCode: 'GN-I', year: 2026, firstNo: 1, lastNo: 3 }, mine, AT);
    addLeasedBlock(db, 'rkw', { deskCode: 'GN-I', year: 2027, firstNo: 1, lastNo: 3 }, mine, AT);
    // No registry desk on this PC: the case's unit numbers its own letters.
    expect(send(db, { outbox: true, deskCode: null })).toBe('RKW/GN-I/1/2026');
    expect(voidUnusedNumbers(db, 2027, AT)).toBe(2);
    expect(voidNumbers(db, 'rkw', 'GN-I', 2026)).toEqual(['RKW/GN-I/2/2026', 'RKW/GN-I/3/2026']);
    expect(outboxBatch(db, mine, 10).at(-1)).toMatchObject({ name: 'rkw.void', args: { deskCode: 'GN-I', year: 2026, sequences: [2, 3] } });
    expect(() => send(db, { outbox: true, deskCode: null, sentOn: '2026-12-02' })).toThrow(NoNumbersLeftError);
    // Another PC's void numbers arrive by pull, into the RKW book's gaps only.
    applyPulledChanges(db, [{ version: 1, entity: 'rkw_void', id: 'RKW/GN-I/9/2026', op: 'upsert', data: { deskCode: 'GN-I', year: 2026, sequence: 9 } }], 1, AT, CLERK.login);
    expect(voidNumbers(db, 'rkw', 'GN-I', 2026)).toEqual(['RKW/GN-I/2/2026', 'RKW/GN-I/3/2026', 'RKW/GN-I/9/2026']);
    expect(voidNumbers(db, 'rpw', 'GN-I', 2026)).toEqual([]);

    syncStateFor(db, 'https://nowy.example.pl', AT);
    const renewed = clientOf(db, CLERK.login, AT);
    expect(() => send(db, { outbox: true, deskCode: null, sentOn: '2027-01-04' })).toThrow(NoNumbersLeftError);
    addLeasedBlock(db, 'rkw', { deskCode: 'GN-I', year: 2027, firstNo: 40, lastNo: 49 }, renewed, AT);
    expect(send(db, { outbox: true, deskCode: null, sentOn: '2027-01-04' })).toBe('RKW/GN-I/40/2027');
    db.close();
  });

  it('pass over a number the register already holds from before the server, and number locally as before without one', () => {
    const db = demoDb();
    expect([send(db, { outbox: false }), send(db, { outbox: false })]).toEqual(['RKW/KO/1/2026', 'RKW/KO/2/2026']);
    expect(send(db, { outbox: false, deskCode: null })).toBe('RKW/GN-I/1/2026');
    syncStateFor(db, SERVER, AT);
    addLeasedBlock(db, 'rkw', { deskCode: 'KO', year: 2026, firstNo: 1, lastNo: 5 }, clientOf(db, CLERK.login, AT), AT);
    expect(send(db, { outbox: true })).toBe('RKW/KO/3/2026');
    db.close();
  });
});
