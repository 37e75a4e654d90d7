import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startDbWorker } from '../../electron/core/db/db-client.ts';
import { openDatabase } from '../../electron/core/db/open.ts';
import { renderReportXlsx } from '../../electron/core/pdf/report-export.ts';
import { timelinessTable } from '../../electron/core/reports/report-table.ts';
import { withDemoCity } from '../../electron/core/test-support/case-fixtures.ts';
import { SOURCE_WORKER_URLS } from '../../electron/core/workers/worker-urls.ts';
import { addDays } from '../../shared/deadlines/dates.ts';
import { percentile, round, sample, type Figure } from './figures.ts';
import { seedRegister } from './seed-register.ts';

const MATTER_TYPES = ['kpa_general', 'kpa_general', 'kpa_general', 'kpa_general', 'kpa_complicated', 'skarga', 'wniosek', 'informacja_publiczna', 'informacja_publiczna', 'kpa_without_delay'];
const CLASSES = ['6831', '6730', '6733', '1431', '1520', '6131', '6220'];

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Supervisor reports over the sizes: ITEMS letters (default 1,000,000) and CASES cases
 * (default 300,000) in the local database, read through the SQLite worker as the app does. Every
 * report (timeliness for a year and a month per each grouping, open and overdue per unit and per
 * clerk, a drill-down) against 500 ms; a spreadsheet of 100,000 cases against 10 s. The one-off
 * computation of every closed case's outcome (after the migration, or a rules change) is reported
 * apart: it is not a report, it happens once.
 */
export async function benchReports(items = Number(process.env['BENCH_ITEMS'] ?? 1_000_000), cases = Number(process.env['BENCH_REPORT_CASES'] ?? 300_000)): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kancelaria-bench-reports-'));
  const file = join(dir, 'k.sqlite');
  const db = openDatabase(file);
  withDemoCity(db);
  seedRegister(db, items);
  const random = prng(20261202);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const versionId = db.prepare<[], number>("SELECT version_id FROM jrwa_versions WHERE owner_code = 'UM'").pluck().get() ?? 0;
  const people = db.prepare<[], { login: string; unit_code: string }>("SELECT p.login, p.unit_code FROM people p JOIN person_roles r ON r.login = p.login AND r.role = 'clerk'").all();
  const letters = db.prepare<[number], { id: string; received_on: string }>('SELECT id, received_on FROM incoming_items WHERE entry_no % 3 = 1 ORDER BY entry_no LIMIT ?').all(cases);
  const insertCase = db.prepare(
    `INSERT INTO cases (id, unit_code, jrwa_version_id, jrwa_symbol, year, number, sign, title, matter_type, started_on, status, handler_login, opened_at, opened_by, closed_at, settlement)
     VALUES (?, ?, ?, ?, 2026, ?, ?, ?, ?, ?, ?, ?, ?, 'seed', ?, ?)`,
  );
  const insertItem = db.prepare('INSERT INTO case_items (case_id, item_id, attached_at) VALUES (?, ?, ?)');
  const insertRoute = db.prepare(
    `INSERT INTO item_routes (id, item_id, unit_code, role, state, assignee_login, routed_at, routed_by, updated_at) VALUES (?, ?, ?, 'lead', ?, ?, ?, 'seed', ?)`,
  );
  const insertEvent = db.prepare("INSERT INTO item_events (item_id, at, actor, kind, details) VALUES (?, ?, 'seed', 'accepted', '{}')");
  const insertPause = db.prepare('INSERT INTO case_pauses (case_id, from_date, to_date, reason) VALUES (?, ?, ?, ?)');
  const insertExtension = db.prepare('INSERT INTO case_extensions (case_id, notified_on, new_due_date, reason) VALUES (?, ?, ?, ?)');
  const close = db.prepare("UPDATE cases SET status = 'closed', closed_at = ?, settlement = 'Decyzja' WHERE id = ?");
  const numbers = new Map<string, number>();
  db.transaction(() => {
    letters.forEach((letter, k) => {
      const person = pick(people);
      const id = `00000000-0000-7000-9000-${k.toString(16).padStart(12, '0')}`;
      const symbol = pick(CLASSES);
      const signKey = `${person.unit_code}.${symbol}`;
      const number = (numbers.get(signKey) ?? 0) + 1;
      numbers.set(signKey, number);
      const started = letter.received_on;
      const closedOn = addDays(started, 3 + Math.floor(random() * 60));
      const closed = closedOn < '2026-11-25' && random() < 0.92;
      insertCase.run(id, person.unit_code, versionId, symbol, number, `${signKey}.${String(number)}.2026`, 'Sprawa z wniosku mieszkańca', pick(MATTER_TYPES), started,
        'open', random() < 0.04 ? null : person.login, `${started}T10:00:00.000Z`, null, null);
      insertItem.run(id, letter.id, `${started}T10:00:00.000Z`);
      const accepted = random() < 0.95;
      insertRoute.run(`00000000-0000-7000-a000-${k.toString(16).padStart(12, '0')}`, letter.id, person.unit_code, accepted ? 'accepted' : 'assigned', person.login, `${started}T09:00:00.000Z`, `${started}T09:00:00.000Z`);
      if (accepted) insertEvent.run(letter.id, `${addDays(started, Math.floor(random() * 4))}T11:00:00.000Z`);
      if (random() < 0.1) insertPause.run(id, addDays(started, 3), addDays(started, 8 + Math.floor(random() * 15)), 'Wezwanie do uzupełnienia');
      if (random() < 0.05) insertExtension.run(id, addDays(started, 20), addDays(started, 60), 'Opinia biegłego');
      // Closed last, as the app does: the case_outcomes triggers see the closure.
      if (closed) close.run(`${closedOn}T12:00:00.000Z`, id);
    });
    // Letters routed but not yet accepted by anyone: the "not acted on" count.
    const waiting = db.prepare<[number], string>('SELECT id FROM incoming_items WHERE entry_no % 3 = 2 ORDER BY entry_no DESC LIMIT ?').pluck().all(20_000);
    waiting.forEach((itemId, i) => insertRoute.run(`00000000-0000-7000-b000-${i.toString(16).padStart(12, '0')}`, itemId, pick(people).unit_code, 'waiting', null, '2026-11-20T09:00:00.000Z', '2026-11-20T09:00:00.000Z'));
  })();
  // Intake and outgoing (point 3): half the letters scanned, and an RKW entry for every closed case's letter.
  db.exec(`
    INSERT INTO item_documents (id, item_id, original_name, original_format, original_media_type, original_sha256, original_size, pdf_sha256, pdf_size, page_count, imported_at, imported_by_login, imported_by_name)
      SELECT printf('00000000-0000-7000-c000-%012x', entry_no), id, 'skan.tiff', 'tiff', 'image/tiff', printf('%064d', entry_no), 1000, printf('%064d', entry_no), 1000, 1, registered_at, 'seed', 'seed'
      FROM incoming_items WHERE entry_no % 2 = 0;
    INSERT INTO outgoing_letters (id, desk_code, year, sequence, case_id, subject, addressee_name, address_lines, channel, postage_grosze, sent_on, registered_by, registered_at, delivered_on, delivery_kind, returned_on, return_reason)
      SELECT printf('00000000-0000-7000-d000-%012x', c.rowid), 'KO', 2026, row_number() OVER (ORDER BY c.rowid), c.id, 'Decyzja', 'Adresat', 'ul. Długa 1',
             CASE c.rowid % 4 WHEN 0 THEN 'registered_zpo' WHEN 1 THEN 'registered' WHEN 2 THEN 'epuap' ELSE 'ordinary' END,
             CASE c.rowid % 4 WHEN 2 THEN NULL ELSE 1250 END, substr(c.closed_at, 1, 10), 'seed', c.closed_at,
             CASE WHEN c.rowid % 5 = 0 THEN NULL ELSE substr(c.closed_at, 1, 10) END, CASE WHEN c.rowid % 5 = 0 THEN NULL ELSE 'signed' END, NULL, NULL
      FROM cases c WHERE c.status = 'closed';
  `);
  db.exec('ANALYZE');
  const closedCount = db.prepare<[], number>("SELECT count(*) FROM cases WHERE status = 'closed'").pluck().get() ?? 0;
  db.close();

  const worker = await startDbWorker(SOURCE_WORKER_URLS.db, file);
  const figures: Figure[] = [];
  const tag = `${String(items / 1000)}k_items_${String(cases / 1000)}k_cases`;
  const fillStart = performance.now();
  const filled = await worker.call('reports.refreshOutcomes');
  figures.push({ name: `reports.outcomes_first_fill_${String(filled)}_closed_cases`, unit: 'ms', value: round(performance.now() - fillStart), runs: 1 });
  const report = async (name: string, run: () => Promise<unknown>) => {
    const samples = await sample(7, run);
    figures.push({ name: `reports.${name}_${tag}_p50`, unit: 'ms', value: round(percentile(samples, 50)), runs: samples.length, target: 500 });
    figures.push({ name: `reports.${name}_${tag}_max`, unit: 'ms', value: round(Math.max(...samples)), runs: samples.length });
  };
  const year = { from: '2026-01-01', to: '2026-12-31', minCount: 5, scope: null };
  for (const groupBy of ['unit', 'handler', 'jrwa', 'matterType'] as const) {
    await report(`timeliness_year_by_${groupBy}`, () => worker.call('reports.timeliness', { ...year, groupBy }));
  }
  await report('timeliness_month_by_unit', () => worker.call('reports.timeliness', { from: '2026-10-01', to: '2026-10-31', minCount: 5, scope: null, groupBy: 'unit' }));
  await report('timeliness_trend_12_months', () => worker.call('reports.timelinessTrend', { to: '2026-11-30', scope: null }));
  await report('timeliness_year_one_department', () => worker.call('reports.timeliness', { ...year, scope: ['GN', 'GN-I', 'GN-II'], groupBy: 'handler' }));
  for (const groupBy of ['unit', 'handler'] as const) {
    await report(`open_today_by_${groupBy}`, () => worker.call('reports.open', { asOf: '2026-11-25', groupBy, scope: null }));
  }
  await report('open_mid_year_by_unit', () => worker.call('reports.open', { asOf: '2026-06-30', groupBy: 'unit', scope: null }));
  await report('intake_year_by_week', () => worker.call('reports.intake', { from: '2026-01-01', to: '2026-12-31', period: 'week', waitingHours: 24, scope: null, now: '2026-12-02T10:00:00.000Z' }));
  await report('intake_month_by_day', () => worker.call('reports.intake', { from: '2026-10-01', to: '2026-10-31', period: 'day', waitingHours: 24, scope: null, now: '2026-12-02T10:00:00.000Z' }));
  await report('intake_year_one_department', () => worker.call('reports.intake', { from: '2026-01-01', to: '2026-12-31', period: 'month', waitingHours: 24, scope: ['GN', 'GN-I', 'GN-II'], now: '2026-12-02T10:00:00.000Z' }));
  await report('outgoing_year', () => worker.call('reports.outgoing', { from: '2026-01-01', to: '2026-12-31', scope: null }));
  await report('outgoing_year_one_department', () => worker.call('reports.outgoing', { from: '2026-01-01', to: '2026-12-31', scope: ['GN', 'GN-I', 'GN-II'] }));
  await report('drill_late_year_total_first_500', () => worker.call('reports.drill', { report: 'timeliness', query: { ...year, groupBy: 'unit' }, measure: 'late', limit: 500 }));
  await report('drill_overdue_today_first_500', () => worker.call('reports.drill', { report: 'open', query: { asOf: '2026-11-25', groupBy: 'unit', scope: null }, measure: 'overdue', limit: 500 }));

  // The spreadsheet of a year's report with its 100,000 first closed cases on the second sheet.
  const rows = Math.min(100_000, closedCount);
  const xlsx = await sample(2, async () => {
    const timeliness = await worker.call('reports.timeliness', { ...year, groupBy: 'unit' });
    const detail = await worker.call('reports.drill', { report: 'timeliness', query: { ...year, groupBy: 'unit' }, measure: 'closed', limit: rows });
    if (detail.rows.length !== rows) throw new Error(`expected ${String(rows)} rows, got ${String(detail.rows.length)}`);
    await renderReportXlsx(timelinessTable(timeliness, '2026-12-02', detail.rows));
  });
  figures.push({ name: `reports.xlsx_export_${String(rows / 1000)}k_rows`, unit: 'ms', value: round(Math.max(...xlsx)), runs: xlsx.length, target: 10_000 });
  await worker.close();
  // BENCH_REPORTS_KEEP=1 leaves the seeded database for a look at the query plans.
  if (process.env['BENCH_REPORTS_KEEP'] === '1') console.error(`reports bench database kept: ${file}`);
  else rmSync(dir, { recursive: true, force: true });
  if (closedCount < cases / 2) throw new Error(`only ${String(closedCount)} of ${String(cases)} cases closed: the seed is wrong`);
  return figures;
}
