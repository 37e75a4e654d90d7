import Database from 'better-sqlite3';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { DrillResult, OutcomesProgress, ReportFile, TimelinessReport } from '../../../shared/reports/reports.ts';
import { DATABASE_FILE_NAME, startWorkstation, type Workstation } from '../workstation.ts';
import { OUTCOME_CHUNK } from './reports-service.ts';
import { openDatabase } from '../db/open.ts';
import { ok } from '../test-support/contract-results.ts';
import { pdfFonts, pdfText } from '../test-support/pdf-probe.ts';
import { buildReportFixture, CLERK_GN_I, HEAD_GN_I, SECRETARY, type ReportFixture } from '../test-support/report-fixture.ts';
import { useTempDirs } from '../test-support/temp-dir.ts';
import { SOURCE_WORKER_URLS } from '../workers/worker-urls.ts';

const tempDir = useTempDirs();
const QUERY = { from: '2026-04-01', to: '2026-05-31', groupBy: 'unit', minCount: 2 } as const;

/** The hand-computed city of reports.test.ts, opened by a real workstation (SQLite and documents workers). */
async function reportingWorkstation(): Promise<{ workstation: Workstation; fixture: ReportFixture; file: string }> {
  const dataDir = tempDir();
  const db = openDatabase(join(dataDir, DATABASE_FILE_NAME));
  const fixture = buildReportFixture(db);
  db.close();
  const workstation = await startWorkstation({ dataDir, version: '1', shell: 'browser', workers: SOURCE_WORKER_URLS, checkOutput: true, logError: () => undefined });
  return { workstation, fixture, file: join(dataDir, DATABASE_FILE_NAME) };
}

const bytes = (file: ReportFile): Buffer => Buffer.from(file.base64, 'base64');

describe('reports through the contract', { timeout: 60_000 }, () => {
  it('shows a unit head only the units they head, the city secretary all, and refuses a clerk', async () => {
    const { workstation, fixture } = await reportingWorkstation();
    const actAs = async (login: string) => ok(await workstation.dispatch('auth.actAs', { login }));

    await actAs(CLERK_GN_I.login);
    const refused = await workstation.dispatch('reports.timeliness', QUERY);
    expect(refused.ok ? null : refused.error.code).toBe('forbidden');
    const refusedDrill = await workstation.dispatch('reports.drill', { report: 'open', query: { asOf: '2026-04-15' }, measure: 'open' });
    expect(refusedDrill.ok ? null : refusedDrill.error.code).toBe('forbidden');

    await actAs(HEAD_GN_I.login);
    const head = ok(await workstation.dispatch('reports.timeliness', QUERY)) as TimelinessReport;
    expect(head.scope).toEqual(['GN-I']);
    expect(head.rows.map((r) => [r.key, r.closed])).toEqual([['GN-I', 4]]);
    // Drilling the total cannot reach past the scope either: GN-II's late case F is not there.
    const late = ok(await workstation.dispatch('reports.drill', { report: 'timeliness', query: QUERY, measure: 'late' })) as DrillResult;
    expect(late.rows.map((r) => r.id)).toEqual([fixture.cases.C]);

    await actAs(SECRETARY.login);
    const all = ok(await workstation.dispatch('reports.timeliness', QUERY)) as TimelinessReport;
    expect(all.scope).toBeNull();
    expect(all.rows.map((r) => [r.key, r.closed])).toEqual([['GN-I', 4], ['GN-II', 2]]);
    await workstation.close();
  });

  it('exports XLSX, CSV and PDF with the filters on top and the same numbers as the report', async () => {
    const { workstation } = await reportingWorkstation();
    ok(await workstation.dispatch('auth.actAs', { login: SECRETARY.login }));
    const report = ok(await workstation.dispatch('reports.timeliness', QUERY)) as TimelinessReport;

    const xlsx = ok(await workstation.dispatch('reports.export', { report: 'timeliness', query: QUERY, format: 'xlsx' })) as ReportFile;
    expect(xlsx.fileName).toBe('terminowosc-2026-04-01-2026-05-31-unit.xlsx');
    const book = new ExcelJS.Workbook();
    const xlsxBytes = bytes(xlsx);
    await book.xlsx.load(new Uint8Array(xlsxBytes).buffer);
    const sheet = book.getWorksheet('Raport');
    if (!sheet) throw new Error('no Raport sheet');
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['Terminowość załatwiania spraw']);
    expect(values(2)).toEqual(['Okres (data zakończenia sprawy): 01.04.2026 – 31.05.2026']);
    expect(values(3)).toEqual(['Grupowanie: komórka organizacyjna']);
    const headRow = [...Array(sheet.rowCount).keys()].map((i) => i + 1).find((n) => values(n)[0] === 'Grupa') ?? 0;
    const gnI = values(headRow + 1);
    const gnIReport = report.rows[0];
    // Closed, on time, late, share, median, P90, first action, resolution, notices, not acted on.
    expect(gnI.slice(1, 11)).toEqual([gnIReport?.closed, gnIReport?.onTime, gnIReport?.late, gnIReport?.onTimeShare, gnIReport?.medianDays, gnIReport?.p90Days, gnIReport?.medianFirstActionDays, gnIReport?.medianResolutionDays, gnIReport?.notices, gnIReport?.notActedOn]);
    expect(gnI.slice(1, 11)).toEqual([4, 3, 1, 0.75, 40, 59, 2, 45, 1, 1]);
    expect(values(headRow + 3).slice(0, 6)).toEqual(['Razem', 6, 4, 2, 4 / 6, 33]);
    // Title, 6 filter lines, the column heads and the 6 cases (the blank row between is not counted).
    expect(book.getWorksheet('Sprawy zakończone')?.actualRowCount).toBe(1 + 6 + 1 + 6);

    const csv = bytes(ok(await workstation.dispatch('reports.export', { report: 'timeliness', query: QUERY, format: 'csv' })) as ReportFile).toString('utf8');
    expect(csv).toContain('"Okres (data zakończenia sprawy): 01.04.2026 – 31.05.2026"');
    expect(csv).toContain('"Referat Gospodarki Nieruchomościami (GN-I)";"4";"3";"1";"75,0%";"40";"59";"2";"45";"1";"1";""');
    expect(csv).toContain('"Razem";"6";"4";"2";"66,7%";"33";"59";"1";"38";"1";"3";""');

    const pdf = bytes(ok(await workstation.dispatch('reports.export', { report: 'timeliness', query: QUERY, format: 'pdf' })) as ReportFile);
    const text = pdfText(pdf, { layout: true });
    expect(text).toContain('Okres (data zakończenia sprawy): 01.04.2026 – 31.05.2026');
    expect(text).toContain('Minimalna liczebność grupy: 2');
    expect(text).toMatch(/Razem +6 +4 +2 +66,7% +33 +59 +1 +38 +1 +3/u);
    expect(text).toMatch(/\(GN-II\) +2 +1 +1 +50,0% +32,5 +34 +0 +32,5 +0 +2/u);
    expect(pdfFonts(pdf).every((font) => font.embedded)).toBe(true);

    const open = bytes(ok(await workstation.dispatch('reports.export', { report: 'open', query: { asOf: '2026-04-15', groupBy: 'unit' }, format: 'pdf' })) as ReportFile);
    const openText = pdfText(open, { layout: true });
    expect(openText).toContain('Stan na dzień: 15.04.2026');
    expect(openText).toMatch(/Razem +8 +1 +1 +2 +03\.03\.2026 +43/u);
    await workstation.close();
  });

  it('computes many closed cases’ outcomes in chunks, showing progress, before the report counts them', async () => {
    const { workstation, fixture, file } = await reportingWorkstation();
    ok(await workstation.dispatch('auth.actAs', { login: SECRETARY.login }));
    // Another desk's thousands of closed cases arrive (as after an upgrade: none has an outcome yet).
    const extra = OUTCOME_CHUNK + 1_000;
    const other = new Database(file);
    other.pragma('busy_timeout = 5000');
    other.prepare(
      `WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < @extra)
       INSERT INTO cases (id, unit_code, jrwa_version_id, jrwa_symbol, year, number, sign, title, matter_type, started_on, status, settlement, handler_login, opened_at, opened_by, closed_at)
       SELECT printf('00000000-0000-7000-9000-%012x', n), c.unit_code, c.jrwa_version_id, c.jrwa_symbol, c.year, 100000 + n, c.sign || '-' || n, c.title, c.matter_type, c.started_on,
              'closed', c.settlement, c.handler_login, c.opened_at, c.opened_by, c.closed_at
       FROM k, cases c WHERE c.id = @model`,
    ).run({ extra, model: fixture.cases.C });
    other.close();
    const progress: OutcomesProgress[] = [];
    workstation.events.subscribe((name, payload) => {
      if (name === 'reports.progress') progress.push(payload as OutcomesProgress);
    });

    const report = ok(await workstation.dispatch('reports.timeliness', QUERY)) as TimelinessReport;
    // Each copy is closed late like C: GN-I had 4 closed, 1 late.
    expect(report.rows.find((r) => r.key === 'GN-I')).toMatchObject({ closed: 4 + extra, late: 1 + extra });
    expect(progress.length).toBeGreaterThanOrEqual(3);
    // The copies and the fixture's own few (left for the first report, being few) go together.
    const last = progress.at(-1);
    expect(last?.total).toBeGreaterThanOrEqual(extra);
    expect(last?.done).toBe(last?.total);
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    await workstation.close();
  });
});
