import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseInput, CLERK, withDemoCity } from '../../test-support/case-fixtures.ts';
import { registeredSample } from '../../test-support/sample-item.ts';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { uuidv7 } from '../../ids.ts';
import { openDatabase } from '../open.ts';
import { Refusal } from './refusal.ts';
import { addCaseNote, attachItemToCase, caseRegister, closeCase, getCase, jrwaOwnerOf, openCase } from './cases.ts';

const tempDir = useTempDirs();
const AT = '2026-11-20T10:00:00.000Z';

function cityDb() {
  const file = join(tempDir(), 'k.sqlite');
  const db = openDatabase(file);
  withDemoCity(db);
  return { db, file };
}

describe('cases and the znak sprawy', () => {
  it('numbers signs UNIT.JRWA.NO.YEAR per unit, class and year', () => {
    const { db } = cityDb();
    const open = (overrides = {}) => openCase(db, { id: uuidv7(), input: caseInput(overrides), at: AT, actor: CLERK, numbering: 'local' });
    expect(open().sign).toBe('GN-I.6831.1.2026');
    expect(open().sign).toBe('GN-I.6831.2.2026');
    expect(open({ jrwaSymbol: '6730' }).sign).toBe('GN-I.6730.1.2026');
    expect(open({ unitCode: 'AB' }).sign).toBe('AB.6831.1.2026');
    expect(open({ startedOn: '2027-01-04' }).sign).toBe('GN-I.6831.1.2027');
  });

  it('opens cases only in end classes with a category, of the unit’s own JRWA', () => {
    const { db } = cityDb();
    const refusal = (overrides: object) => {
      try {
        openCase(db, { id: uuidv7(), input: caseInput(overrides), at: AT, actor: CLERK, numbering: 'local' });
        return null;
      } catch (error) {
        return error instanceof Refusal ? error.key : String(error);
      }
    };
    expect(refusal({ jrwaSymbol: '683' })).toBe('cases.notEndClass');
    expect(refusal({ jrwaSymbol: '9999' })).toBe('cases.unknownClass');
    expect(jrwaOwnerOf(db, 'GN-I')).toBe('UM');
    expect(jrwaOwnerOf(db, 'MZD-DI')).toBe('MZD');
    expect(refusal({ unitCode: 'MZD-DI' })).toBe('cases.unknownClass'); // MZD has no JRWA imported yet
  });

  it('keeps the case’s letters and metryka, and refuses changes once it is closed', () => {
    const { db } = cityDb();
    const letter = registeredSample(db, { subject: 'Wniosek o podział działki 12/3' });
    const opened = openCase(db, { id: uuidv7(), input: caseInput({ itemIds: [letter.id] }), at: AT, actor: CLERK, numbering: 'local' });
    addCaseNote(db, { caseId: opened.id, noteId: uuidv7(), text: 'Wezwano do uzupełnienia mapy', at: AT, actor: CLERK, outbox: false });
    const head = { login: 'jnowak', name: 'Jan Nowak', post: 'Naczelnik Wydziału' };
    closeCase(db, { caseId: opened.id, settlement: 'Decyzja zatwierdzająca podział', at: '2026-12-10T12:00:00.000Z', actor: head, outbox: false });
    const detail = getCase(db, opened.id);
    expect(detail?.itemIds).toEqual([letter.id]);
    expect(detail?.events.map((e) => [e.kind, e.actorPost])).toEqual([['opened', 'Inspektor'], ['item_attached', 'Inspektor'], ['note', 'Inspektor'], ['closed', 'Naczelnik Wydziału']]);
    expect(() => addCaseNote(db, { caseId: opened.id, noteId: uuidv7(), text: 'x', at: AT, actor: CLERK, outbox: false })).toThrow(Refusal);
    expect(() => attachItemToCase(db, { caseId: opened.id, itemId: letter.id, at: AT, actor: CLERK, outbox: false })).toThrow(Refusal);
    const [row] = caseRegister(db, { jrwaSymbol: '68', year: 2026, unitCode: null });
    expect(row).toMatchObject({ number: 1, sign: 'GN-I.6831.1.2026', senderName: 'Jan Kowalski', senderReference: 'JK/1/2026', letterDate: '2026-11-17', startedOn: '2026-11-20', closedOn: '2026-12-10', settlement: 'Decyzja zatwierdzająca podział' });
  });

  it('leaves a case waiting for the server without a number or a sign', () => {
    const { db } = cityDb();
    const waiting = openCase(db, { id: uuidv7(), input: caseInput(), at: AT, actor: CLERK, numbering: 'server' });
    expect(waiting).toMatchObject({ sign: null, number: null, provisional: true, displaySign: 'GN-I.6831.…/2026 (tymczasowy)' });
  });

  it('never gives one sign twice when two processes open cases at once', { timeout: 60_000 }, async () => {
    const { db, file } = cityDb();
    db.close();
    const run = () => new Promise<string[]>((resolve, reject) => {
      const child = spawn(process.execPath, [join(import.meta.dirname, '../../test-support/open-many-cases.ts'), file, '150'], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('exit', (code) => (code === 0 ? resolve(out.trim().split('\n')) : reject(new Error(`exit ${String(code)}`))));
    });
    const [a, b] = await Promise.all([run(), run()]);
    const all = [...a, ...b];
    expect(new Set(all).size).toBe(300);
    const numbers = all.map((sign) => Number(sign.split('.')[2])).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
  });
});
