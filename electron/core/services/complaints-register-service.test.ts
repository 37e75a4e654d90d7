import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CaseWithDeadline } from '../../../shared/cases.ts';
import { officeToday } from '../../../shared/dates.ts';
import type { ComplaintRow } from '../../../shared/reports/complaints.ts';
import type { ReportFile } from '../../../shared/reports/reports.ts';
import { ok } from '../test-support/contract-results.ts';
import { pdfFonts, pdfText } from '../test-support/pdf-probe.ts';
import { sampleItem } from '../test-support/sample-item.ts';
import { useTempDirs } from '../test-support/temp-dir.ts';
import { startWorkstation } from '../workstation.ts';
import { SOURCE_WORKER_URLS } from '../workers/worker-urls.ts';

const tempDir = useTempDirs();
const HEAD_GN_I = 'jkozlowski2';
const CLERK_GN_I = 'iadamczyk2';
const today = officeToday();
// A past year, so every term in it has run out whatever day the test runs on.
const year = 2025;

describe('the rejestr skarg i wniosków', { timeout: 60_000 }, () => {
  it('lists a year\'s complaints and requests with their term and outcome, within the reports\' scope, and exports them', async () => {
    const ws = await startWorkstation({ dataDir: tempDir(), version: '1', shell: 'browser', workers: SOURCE_WORKER_URLS, checkOutput: true, logError: () => undefined, demo: true });
    ok(await ws.dispatch('settings.update', { workstationName: 'Okienko 1', deskCode: 'KO', centralServerUrl: '', uiLanguage: 'pl' }));
    const people = async (unitCode: string | null, role: 'supervisor' | 'clerk') => ok(await ws.dispatch('organisation.people', { unitCode, role })) as { login: string }[];
    const [secretary] = await people(null, 'supervisor');
    const [clerkGnII] = (await people('GN-II', 'clerk')).filter((p) => p.login !== HEAD_GN_I);
    const letter = ok(await ws.dispatch('registry.register', sampleItem({ receivedAt: '2025-12-01T09:00:00+01:00', postedOn: null, letterDate: null, subject: 'Skarga na przewlekłość', sender: { correspondentId: null, name: 'Zenon Żółtek', address: 'ul. Krakowska 1, 45-001 Opole' } }))) as { id: string };

    const open = async (login: string, unitCode: string, matterType: string, title: string, startedOn: string, itemIds: string[] = []) => {
      ok(await ws.dispatch('auth.actAs', { login }));
      return ok(await ws.dispatch('cases.open', { itemIds, unitCode, jrwaSymbol: '6831', title, matterType, startedOn, handlerLogin: login })) as CaseWithDeadline;
    };
    // A complaint of December settled only today (late); an old one still open (overdue); a request
    // in another section; an ordinary KPA case, which the register does not hold.
    const settled = await open(CLERK_GN_I, 'GN-I', 'skarga', 'Skarga na przewlekłość', '2025-12-01', [letter.id]);
    ok(await ws.dispatch('cases.close', { id: settled.id, settlement: 'Skarga zasadna, sprawę załatwiono' }));
    await open(CLERK_GN_I, 'GN-I', 'skarga', 'Skarga na pracownika', `${String(year)}-01-05`);
    await open(clerkGnII?.login ?? '', 'GN-II', 'wniosek', 'Wniosek o zmianę godzin pracy', `${String(year)}-02-10`);
    await open(CLERK_GN_I, 'GN-I', 'kpa_general', 'Podział działki', '2025-12-01');

    ok(await ws.dispatch('auth.actAs', { login: CLERK_GN_I }));
    const refused = await ws.dispatch('reports.complaints', { year });
    expect(refused.ok ? null : refused.error.code).toBe('forbidden');

    ok(await ws.dispatch('auth.actAs', { login: secretary?.login ?? '' }));
    const all = ok(await ws.dispatch('reports.complaints', { year })) as ComplaintRow[];
    expect(all.map((r) => [r.subject, r.unitCode, r.matterType])).toEqual([
      ['Skarga na pracownika', 'GN-I', 'skarga'],
      ['Wniosek o zmianę godzin pracy', 'GN-II', 'wniosek'],
      ['Skarga na przewlekłość', 'GN-I', 'skarga'],
    ]);
    // KPA art. 237: a month; 5 January → 5 February, long past, so the open one is overdue.
    expect(all[0]).toMatchObject({ dueOn: `${String(year)}-02-05`, closedOn: null, onTime: null, overdue: true });
    // 1 December + a month = 1 January 2026, a holiday, so 2 January; closed today, late.
    expect(all[2]).toMatchObject({ receivedOn: '2025-12-01', senderName: 'Zenon Żółtek', dueOn: '2026-01-02', closedOn: today, onTime: false, overdue: false, settlement: 'Skarga zasadna, sprawę załatwiono' });

    ok(await ws.dispatch('auth.actAs', { login: HEAD_GN_I }));
    const headRows = ok(await ws.dispatch('reports.complaints', { year })) as ComplaintRow[];
    expect(headRows.map((r) => r.subject)).toEqual(['Skarga na pracownika', 'Skarga na przewlekłość']);

    const pdf = ok(await ws.dispatch('reports.complaintsExport', { year, format: 'pdf' })) as ReportFile;
    const pdfBytes = Buffer.from(pdf.base64, 'base64');
    const words = pdfText(pdfBytes).split(/\s+/u).filter(Boolean).join(' ');
    expect(words).toContain(`Rejestr skarg i wniosków — rok ${String(year)}`);
    expect(words).toContain('Zakres: GN-I');
    expect(words).toContain('Zenon Żółtek');
    expect(words).toContain('po terminie (w toku)');
    expect(pdfFonts(pdfBytes).every((f) => f.embedded)).toBe(true);
    const xlsx = ok(await ws.dispatch('reports.complaintsExport', { year, format: 'xlsx' })) as ReportFile;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    const sheetText = JSON.stringify(book.worksheets[0]?.getSheetValues());
    expect(sheetText).toContain('Skarga na pracownika');
    expect(sheetText).not.toContain('Wniosek o zmianę godzin pracy');
    await ws.close();
  });
});
