import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderReportCsv, renderReportPdf, renderReportXlsx } from '../../pdf/report-export.ts';
import { intakeTable, outgoingTable } from '../../reports/report-table.ts';
import { pdfFonts, pdfText } from '../../test-support/pdf-probe.ts';
import { caseInput, withDemoCity } from '../../test-support/case-fixtures.ts';
import { HEAD_GN } from '../../test-support/report-fixture.ts';
import { sampleItem, sampleRegisterArgs } from '../../test-support/sample-item.ts';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { uuidv7 } from '../../ids.ts';
import { openDatabase } from '../open.ts';
import { openCase } from './cases.ts';
import { cancelItem, registerItem } from './incoming-items.ts';
import { addItemDocument } from './item-documents.ts';
import { recordDelivery, recordReturn } from './outgoing-letters.ts';
import { drillFlow, intakeReport, outgoingFlowReport } from './report-flow.ts';
import { routeItem } from './routing.ts';

/**
 * A hand-built April 2026 (ISO weeks: 04-05 is the Sunday of W14, 04-06…04-12 is W15, 04-30 is in W18):
 *
 *  L1 KO  post      04-05  scanned          routed to GN-I
 *  L2 KO  epuap     04-06  scanned (2 docs) routed to GN-II
 *  L3 KO  in_person 04-06  —                no route (registered 04-06 08:05Z)
 *  L4 KO2 post      04-12  —                routed to GN-I
 *  L5 KO2 email     04-30  —                no route (registered 04-30 08:05Z: 12 h before "now")
 *  L6 KO  post      04-07  cancelled: counted nowhere
 *  L7 KO  post      03-31  outside the period, no route (waiting as of now all the same)
 *
 *  RKW (sent_on, channel, case unit, postage, outcome):
 *  O1 KO   04-02 registered_zpo GN-I  12,50  none → awaiting proof
 *  O2 KO   04-03 registered_zpo GN-I  12,50  signed 04-07
 *  O3 KO   04-08 registered_zpo GN-II 12,50  awizo from 04-09 → art. 44 fiction
 *  O4 KO   04-10 registered     GN-II  9,00  returned 04-24
 *  O5 GN-I 04-15 e_doreczenia   GN-I    —    none → awaiting proof
 *  O6 KO   04-20 ordinary       (no case) 4,50
 *  O7 KO   04-30 epuap          GN-II   —    electronic proof 04-30
 *  O8 KO   03-31 registered_zpo GN-I  12,50  outside the period
 *  O9 KO   04-21 registered_zpo GN-II 12,50  returned 05-05
 */
const tempDir = useTempDirs();
const NOW = '2026-04-30T20:00:00.000Z';
const DESK = { login: 'tdudek', name: 'Tomasz Dudek', post: 'Referent' };

function build(db: Database) {
  withDemoCity(db);
  const letter = (desk: string, channel: 'post' | 'epuap' | 'in_person' | 'email', day: string): string =>
    registerItem(db, sampleRegisterArgs({ deskCode: desk, item: sampleItem({ channel, receivedAt: `2026-${day}T08:00:00.000Z`, subject: `Pismo z ${day}` }), registeredAt: `2026-${day}T08:05:00.000Z` })).id;
  const route = (itemId: string, unit: string): void => {
    routeItem(db, { input: { itemId, leadUnitCode: unit, infoUnitCodes: [], instruction: null, dueDate: null }, ids: { lead: uuidv7(), info: [] }, at: '2026-04-30T09:00:00.000Z', actor: DESK, outbox: false });
  };
  let docNo = 0;
  const scan = (itemId: string): void => {
    docNo++;
    addItemDocument(db, {
      id: uuidv7(), itemId, originalName: 'skan.tiff', originalFormat: 'tiff', originalMediaType: 'image/tiff', originalSha256: String(docNo).padStart(64, 'a'),
      originalSize: 3275, pdfSha256: 'f'.repeat(64), pdfSize: 36097, pageCount: 1, importedAt: '2026-04-30T09:00:00.000Z', importedByLogin: 'stanowisko', importedByName: 'Okienko 1',
    });
  };
  const L1 = letter('KO', 'post', '04-05'); scan(L1); route(L1, 'GN-I');
  const L2 = letter('KO', 'epuap', '04-06'); scan(L2); scan(L2); route(L2, 'GN-II');
  const L3 = letter('KO', 'in_person', '04-06');
  const L4 = letter('KO2', 'post', '04-12'); route(L4, 'GN-I');
  const L5 = letter('KO2', 'email', '04-30');
  const L6 = letter('KO', 'post', '04-07');
  cancelItem(db, { id: L6, reason: 'Pomyłka', at: '2026-04-07T09:00:00.000Z', actor: 'Okienko 1', outbox: null });
  const L7 = letter('KO', 'post', '03-31');

  const caseIn = (unit: string): string => openCase(db, { id: uuidv7(), input: caseInput({ unitCode: unit, startedOn: '2026-03-20' }), at: '2026-03-20T10:00:00.000Z', actor: HEAD_GN, numbering: 'local' }).id;
  const gnI = caseIn('GN-I');
  const gnII = caseIn('GN-II');
  // Dispatching needs an accepted reply (templates, akceptacja); the entry itself is what the report reads.
  const insert = db.prepare(`INSERT INTO outgoing_letters (id, desk_code, year, sequence, case_id, subject, addressee_name, address_lines, channel, postage_grosze, sent_on, registered_by, registered_at)
    VALUES (?, ?, 2026, ?, ?, 'Odpowiedź', 'Jan Nowak', 'ul. Długa 1', ?, ?, ?, 'Okienko 1', ?)`);
  let sequence = 0;
  const sent = (desk: string, day: string, channel: string, caseId: string | null, postage: number | null): string => {
    const id = uuidv7();
    insert.run(id, desk, ++sequence, caseId, channel, postage, `2026-${day}`, `2026-${day}T12:00:00.000Z`);
    return id;
  };
  const outcome = { today: '2026-05-10', at: '2026-05-10T10:00:00.000Z', actor: DESK, outbox: false };
  const O1 = sent('KO', '04-02', 'registered_zpo', gnI, 1250);
  const O2 = sent('KO', '04-03', 'registered_zpo', gnI, 1250);
  recordDelivery(db, { id: O2, outcome: { kind: 'signed', deliveredOn: '2026-04-07' }, ...outcome });
  const O3 = sent('KO', '04-08', 'registered_zpo', gnII, 1250);
  recordDelivery(db, { id: O3, outcome: { kind: 'awizo_fiction', firstNoticeOn: '2026-04-09' }, ...outcome });
  const O4 = sent('KO', '04-10', 'registered', gnII, 900);
  recordReturn(db, { id: O4, returnedOn: '2026-04-24', reason: 'Adresat nieznany', ...outcome });
  const O5 = sent('GN-I', '04-15', 'e_doreczenia', gnI, null);
  const O6 = sent('KO', '04-20', 'ordinary', null, 450);
  const O7 = sent('KO', '04-30', 'epuap', gnII, null);
  recordDelivery(db, { id: O7, outcome: { kind: 'electronic_proof', deliveredOn: '2026-04-30' }, ...outcome });
  sent('KO', '03-31', 'registered_zpo', gnI, 1250);
  const O9 = sent('KO', '04-21', 'registered_zpo', gnII, 1250);
  recordReturn(db, { id: O9, returnedOn: '2026-05-05', reason: 'Nie podjęto w terminie', ...outcome });
  return { L1, L2, L3, L4, L5, L7, O1, O3, O5, O6, O9 };
}

function fixture() {
  const db = openDatabase(join(tempDir(), 'k.sqlite'));
  return { db, ids: build(db) };
}

const APRIL = { from: '2026-04-01', to: '2026-04-30', waitingHours: 24, now: NOW } as const;
const zero = { post: 0, in_person: 0, courier: 0, email: 0, epuap: 0, e_delivery: 0, fax: 0 };

describe('intake report (hand-computed over the fixture above)', () => {
  it('counts April’s letters per ISO week and desk, by channel, with the share scanned and those waiting for dekretacja', () => {
    const { db } = fixture();
    const report = intakeReport(db, { ...APRIL, period: 'week', scope: null });
    // L1…L5 (L6 cancelled, L7 in March). Scanned L1, L2 (L2's two documents count once): 2 of 5.
    expect(report.total).toEqual({ key: null, total: 5, scanned: 2, scannedShare: 0.4, channels: { ...zero, post: 2, epuap: 1, in_person: 1, email: 1 } });
    expect(report.periods.map((r) => [r.key, r.total, r.scanned, r.channels.post])).toEqual([
      ['2026-W14', 1, 1, 1], // L1 on Sunday 04-05
      ['2026-W15', 3, 1, 1], // L2, L3 on Monday 04-06, L4 on Sunday 04-12
      ['2026-W18', 1, 0, 0], // L5 on Thursday 04-30
    ]);
    // KO: L1, L2, L3 (2 scanned, 2/3); KO2: L4, L5 (none).
    expect(report.desks.map((r) => [r.key, r.total, r.scanned, r.scannedShare])).toEqual([['KO', 3, 2, 2 / 3], ['KO2', 2, 0, 0]]);
    // No live route and registered before 04-29 20:00Z: L3 and L7 (L5 only 12 h old, L6 cancelled).
    expect(report.awaitingRouting).toBe(2);
    expect(intakeReport(db, { ...APRIL, waitingHours: 6, period: 'month', scope: null })).toMatchObject({ awaitingRouting: 3, periods: [{ key: '2026-04', total: 5 }] });
    expect(intakeReport(db, { ...APRIL, period: 'day', scope: null }).periods.map((r) => [r.key, r.total])).toEqual([
      ['2026-04-05', 1], ['2026-04-06', 2], ['2026-04-12', 1], ['2026-04-30', 1],
    ]);
  });

  it('shows a unit head only the letters routed to their units, and no desk queue', () => {
    const { db } = fixture();
    const report = intakeReport(db, { ...APRIL, period: 'week', scope: ['GN-I'] });
    // L1 (scanned) and L4.
    expect(report.total).toMatchObject({ total: 2, scanned: 1, scannedShare: 0.5 });
    expect(report.awaitingRouting).toBeNull();
  });

  it('drills every figure down to the letters behind it', () => {
    const { db, ids } = fixture();
    const query = { ...APRIL, period: 'week' as const, scope: null };
    const drill = (group: Parameters<typeof drillFlow>[1]['group'], measure: 'registered' | 'scanned' | 'notScanned' | 'awaitingRouting') =>
      drillFlow(db, { report: 'intake', query, group, measure, limit: 50 } as Parameters<typeof drillFlow>[1]);
    expect(drill({ by: 'period', key: '2026-W15' }, 'scanned').rows.map((r) => r.id)).toEqual([ids.L2]);
    expect(drill({ by: 'period', key: '2026-W15' }, 'registered').rows.map((r) => r.id)).toEqual([ids.L2, ids.L3, ids.L4]);
    expect(drill({ by: 'desk', key: 'KO2' }, 'registered').rows.map((r) => r.id)).toEqual([ids.L4, ids.L5]);
    expect(drill({ by: 'channel', key: 'post' }, 'notScanned').rows.map((r) => r.id)).toEqual([ids.L4]);
    const waiting = drill(undefined, 'awaitingRouting');
    expect([waiting.total, ...waiting.rows.map((r) => r.id)]).toEqual([2, ids.L7, ids.L3]);
    expect(drill(undefined, 'registered').rows.find((r) => r.id === ids.L1)).toMatchObject({ kind: 'item', unitCode: 'GN-I', startedOn: '2026-04-05' });
  });
});

describe('outgoing report (hand-computed over the fixture above)', () => {
  it('counts April’s letters sent per channel, unit and desk, with postage, proofs outstanding, returns and art. 44 deliveries', () => {
    const { db } = fixture();
    const report = outgoingFlowReport(db, { from: '2026-04-01', to: '2026-04-30', scope: null });
    // O1…O7 and O9 (O8 in March): 8. Postage 3 × 12,50 (O1–O3) + 9,00 + 4,50 + 12,50 (O9) = 63,50 zł.
    // Awaiting proof: O1 (ZPO), O5 (e-Doręczenia); O2/O3/O7 delivered, O9 returned, O4 plain registered. Returned O4, O9. Fiction O3.
    expect(report.total).toEqual({ key: null, label: '', sent: 8, postageGrosze: 6350, awaitingProof: 2, returned: 2, fiction: 1 });
    expect(report.channels.map((r) => [r.key, r.sent, r.postageGrosze, r.awaitingProof, r.returned, r.fiction])).toEqual([
      ['registered_zpo', 4, 5000, 1, 1, 1],
      ['registered', 1, 900, 0, 1, 0],
      ['ordinary', 1, 450, 0, 0, 0],
      ['e_doreczenia', 1, 0, 1, 0, 0],
      ['epuap', 1, 0, 0, 0, 0],
    ]);
    // GN-I: O1, O2, O5 (25,00 zł); GN-II: O3, O4, O7, O9 (12,50 + 9,00 + 12,50 = 34,00 zł); no case: O6.
    expect(report.units.map((r) => [r.key, r.sent, r.postageGrosze, r.awaitingProof, r.returned, r.fiction])).toEqual([
      ['GN-I', 3, 2500, 2, 0, 0],
      ['GN-II', 4, 3400, 0, 2, 1],
      [null, 1, 450, 0, 0, 0],
    ]);
    expect(report.desks.map((r) => [r.key, r.sent])).toEqual([['GN-I', 1], ['KO', 7]]);
  });

  it('shows a unit head only the letters of their units’ cases', () => {
    const { db } = fixture();
    const report = outgoingFlowReport(db, { from: '2026-04-01', to: '2026-04-30', scope: ['GN-II'] });
    expect(report.total).toMatchObject({ sent: 4, postageGrosze: 3400, awaitingProof: 0, returned: 2, fiction: 1 });
    expect(report.units.map((r) => r.key)).toEqual(['GN-II']);
  });

  it('drills down to the RKW entries', () => {
    const { db, ids } = fixture();
    const query = { from: '2026-04-01', to: '2026-04-30', scope: null };
    const drill = (group: { by: 'channel'; key: 'registered_zpo' } | { by: 'unit'; key: string | null } | undefined, measure: 'sent' | 'awaitingProof' | 'returned' | 'fiction') =>
      drillFlow(db, { report: 'outgoing', query, group, measure, limit: 50 });
    expect(drill(undefined, 'awaitingProof').rows.map((r) => r.id)).toEqual([ids.O1, ids.O5]);
    expect(drill({ by: 'channel', key: 'registered_zpo' }, 'returned').rows.map((r) => r.id)).toEqual([ids.O9]);
    expect(drill({ by: 'channel', key: 'registered_zpo' }, 'fiction').rows).toMatchObject([{ id: ids.O3, kind: 'outgoing', reference: 'RKW/KO/3/2026' }]);
    expect(drill({ by: 'unit', key: null }, 'sent').rows.map((r) => r.id)).toEqual([ids.O6]);
    expect(drill(undefined, 'sent').total).toBe(8);
  });
});

describe('intake and outgoing exports', () => {
  it('write the same numbers as the report to CSV, XLSX and PDF, the filters on top, postage in złoty', async () => {
    const { db } = fixture();
    const intake = intakeTable(intakeReport(db, { ...APRIL, period: 'week', scope: null }), '2026-05-01', []);
    const intakeCsv = renderReportCsv(intake).toString('utf8');
    expect(intakeCsv).toContain('"Okres (data wpływu): 01.04.2026 – 30.04.2026"');
    expect(intakeCsv).toContain('oczekujące na dekretację dłużej niż 24 godz. (stan na 2026-04-30 20:00 UTC): 2');
    // Total, scanned, share, then post, in person, courier, e-mail, ePUAP, e-Doręczenia, fax.
    expect(intakeCsv).toContain('"2026-W15";"3";"1";"33,3%";"1";"1";"0";"0";"1";"0";"0"');
    expect(intakeCsv).toContain('"Stanowisko KO2";"2";"0";"0,0%";"1";"0";"0";"1";"0";"0";"0"');
    expect(intakeCsv).toContain('"Razem";"5";"2";"40,0%";"2";"1";"0";"1";"1";"0";"0"');

    const outgoing = outgoingTable(outgoingFlowReport(db, { from: '2026-04-01', to: '2026-04-30', scope: null }), '2026-05-01', []);
    const pdf = await renderReportPdf(outgoing);
    const text = pdfText(pdf, { layout: true });
    expect(text).toContain('Okres (data nadania): 01.04.2026 – 30.04.2026');
    expect(text).toMatch(/Polecony ZPO +4 +50,00 zł +1 +1 +1/u);
    expect(text).toMatch(/Razem +8 +63,50 zł +2 +2 +1/u);
    expect(pdfFonts(pdf).every((font) => font.embedded)).toBe(true);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(await renderReportXlsx(outgoing)).buffer);
    const sheet = book.getWorksheet('Raport');
    if (!sheet) throw new Error('no Raport sheet');
    const rows = [...Array(sheet.rowCount).keys()].map((i) => (sheet.getRow(i + 1).values as unknown[]).slice(1));
    // Postage as a number of złoty, so the spreadsheet can sum it.
    expect(rows.find((r) => r[0] === 'Razem')).toEqual(['Razem', 8, 63.5, 2, 2, 1]);
    expect(rows.find((r) => r[0] === 'Komórka: (bez sprawy)')).toEqual(['Komórka: (bez sprawy)', 1, 4.5, 0, 0, 0]);
  });
});
