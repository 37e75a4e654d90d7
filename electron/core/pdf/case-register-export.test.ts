import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OpenCase } from '../../../shared/cases.ts';
import { caseRegisterHeading } from '../db/repositories/case-register.ts';
import { caseRegister, closeCase, openCase, type CaseNumbering } from '../db/repositories/cases.ts';
import { listPeople } from '../db/repositories/organisation.ts';
import { openDatabase } from '../db/open.ts';
import { uuidv7 } from '../ids.ts';
import { caseInput, CLERK, withDemoCity } from '../test-support/case-fixtures.ts';
import { pdfFonts, pdfInfo, pdfText } from '../test-support/pdf-probe.ts';
import { registeredSample } from '../test-support/sample-item.ts';
import { useTempDirs } from '../test-support/temp-dir.ts';
import { SOURCE_WORKER_URLS } from '../workers/worker-urls.ts';
import type { CaseRegisterDocument } from './case-register-export.ts';
import { startDocumentsWorker } from './documents-client.ts';

const tempDir = useTempDirs();
// The real documents worker thread, as the workstation runs it.
const documents = startDocumentsWorker(SOURCE_WORKER_URLS.documents);
afterAll(() => documents.close());

const AT = '2026-11-20T10:00:00.000Z';
const UNIT_AND_CLASS = { unitCode: 'GN-I', jrwaSymbol: '6831' } as const;

/**
 * A real spis spraw of GN-I, class 6831 and `year`, from a city whose 2026 holds: a closed case
 * opened from Zofia Żółć's letter, an own-initiative case, `filler` more from letters, one
 * waiting for the server's number, and cases of another class, unit and year that must stay out.
 */
function register(filler: number, year = 2026): { document: CaseRegisterDocument; handlerName: string } {
  const db = openDatabase(join(tempDir(), 'k.sqlite'));
  withDemoCity(db);
  const handler = listPeople(db, { unitCode: 'GN-I', role: null })[0];
  if (!handler) throw new Error('the demo city has nobody in GN-I');
  const open = (overrides: Partial<OpenCase>, numbering: CaseNumbering = 'local') => openCase(db, { id: uuidv7(), input: caseInput(overrides), at: AT, actor: CLERK, numbering });
  const letter = registeredSample(db, { sender: { correspondentId: null, name: 'Zofia Żółć', address: null }, senderReference: 'ZŻ/7/2026' });
  const closed = open({ itemIds: [letter.id], title: 'Podział działki 12/3', handlerLogin: handler.login });
  closeCase(db, { caseId: closed.id, settlement: 'Wydano decyzję', at: '2026-12-10T12:00:00.000Z', actor: CLERK, outbox: false });
  open({ title: 'Scalenie gruntów z urzędu', startedOn: '2026-11-23' });
  for (let i = 0; i < filler; i++) open({ itemIds: [registeredSample(db).id], title: `Podział nr ${String(i + 3)}` });
  open({ title: 'Czeka na numer z serwera' }, 'server');
  open({ jrwaSymbol: '6730', title: 'Inna klasa' });
  open({ unitCode: 'GN-II', title: 'Inna komórka' });
  open({ startedOn: '2027-01-04', title: 'Inny rok' });
  const query = { ...UNIT_AND_CLASS, year };
  const heading = caseRegisterHeading(db, query);
  const rows = caseRegister(db, query);
  db.close();
  if (heading?.jrwaHeading == null) throw new Error('GN-I has class 6831 in the demo JRWA');
  return { document: { ...query, unitName: heading.unitName, jrwaHeading: heading.jrwaHeading, generatedOn: '2026-12-31', rows }, handlerName: handler.displayName };
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');

describe('the spis spraw (case register of a class and year)', () => {
  it('prints as an A4 landscape book: header on every page, the §3.3 columns, cases in number order', async () => {
    const { document, handlerName } = register(60);
    const pdf = await documents.render({ kind: 'case-register-pdf', register: document });
    const info = pdfInfo(pdf);
    expect(info).toMatchObject({ widthMm: 297, heightMm: 210, title: 'Spis spraw GN-I 6831 2026' });
    expect(info.pages).toBeGreaterThan(1);
    const text = pdfText(pdf, { layout: true });
    for (const heading of ['Spis spraw — rok 2026', 'Komórka organizacyjna: Referat Gospodarki Nieruchomościami (GN-I)', 'Klasa JRWA: 6831 — Podziały nieruchomości', 'Data sporządzenia: 31.12.2026']) {
      expect(text.split(heading)).toHaveLength(info.pages + 1);
    }
    // Narrow columns wrap their headings, but never inside a word.
    expect(text).toMatch(/^Lp\. +Nr +Znak sprawy +Tytuł sprawy +Nadawca +Znak pisma +Data +Data +Data +Prowadzący +Uwagi \(sposób\n +sprawy +pisma +wszczęcia +ostatecznego +załatwienia\)\n +załatwienia$/mu);
    const [first = '', last = ''] = handlerName.split(' ');
    expect(text).toMatch(new RegExp(`^ *1 +1 +GN-I\\.6831\\.1\\.2026 +Podział działki 12/3 +Zofia Żółć +ZŻ/7/2026 +17\\.11\\.2026 +20\\.11\\.2026 +10\\.12\\.2026 +${escape(first)}(?: ${escape(last)})? +Wydano decyzję$`, 'mu'));
    expect(text).toContain(last);
    // Own initiative and still open: no sender, no letter, no closure.
    expect(text).toMatch(/^ *2 +2 +GN-I\.6831\.2\.2026 +Scalenie gruntów z urzędu +23\.11\.2026$/mu);
    const rowStarts = [...text.matchAll(/^ *(\d+) +(\d+|—) +(GN-I\.6831\.\S+)/gmu)].map((m) => [m[1], m[2], m[3]]);
    expect(rowStarts).toEqual([
      ...Array.from({ length: 62 }, (_, i) => [String(i + 1), String(i + 1), `GN-I.6831.${String(i + 1)}.2026`]),
      ['63', '—', 'GN-I.6831.…/2026'],
    ]);
    expect(text).toMatch(/^ *63 +— +GN-I\.6831\.…\/2026 +Czeka na numer z serwera +20\.11\.2026\n +\(tymczasowy\)$/mu);
    expect(text).not.toMatch(/Inna klasa|Inna komórka|Inny rok/u);
    expect(text).toContain(`Strona ${String(info.pages)} z ${String(info.pages)}`);
    expect(pdfFonts(pdf).every((font) => font.embedded)).toBe(true);
  });

  it('says so when the class has no cases that year, and is still a whole document', async () => {
    const { document } = register(0, 2025);
    expect(document.rows).toEqual([]);
    const pdf = await documents.render({ kind: 'case-register-pdf', register: document });
    expect(pdfInfo(pdf).pages).toBe(1);
    const text = pdfText(pdf, { layout: true });
    expect(text).toContain('Spis spraw — rok 2025');
    expect(text).toContain('Brak spraw w tej klasie w tym roku.');
    expect(text).toContain('Strona 1 z 1');
  });

  it('exports CSV the way the register does: BOM, semicolons, quoted, CRLF, the same columns', async () => {
    const { document, handlerName } = register(0);
    const csv = await documents.render({ kind: 'case-register-csv', rows: document.rows });
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).split('\r\n');
    expect(lines).toEqual([
      '"Lp.";"Nr sprawy";"Znak sprawy";"Tytuł sprawy";"Nadawca";"Znak pisma";"Data pisma";"Data wszczęcia";"Data ostatecznego załatwienia";"Prowadzący";"Uwagi (sposób załatwienia)"',
      `"1";"1";"GN-I.6831.1.2026";"Podział działki 12/3";"Zofia Żółć";"ZŻ/7/2026";"17.11.2026";"20.11.2026";"10.12.2026";"${handlerName}";"Wydano decyzję"`,
      '"2";"2";"GN-I.6831.2.2026";"Scalenie gruntów z urzędu";"";"";"";"23.11.2026";"";"";""',
      '"3";"—";"GN-I.6831.…/2026 (tymczasowy)";"Czeka na numer z serwera";"";"";"";"20.11.2026";"";"";""',
      '',
    ]);
    const empty = await documents.render({ kind: 'case-register-csv', rows: [] });
    expect(empty.toString('utf8').slice(1).split('\r\n')).toEqual([lines[0], '']);
  });
});
