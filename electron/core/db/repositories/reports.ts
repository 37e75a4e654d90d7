import { FIRST_LETTER_OF_CASE } from './cases.ts';
import type { Database } from 'better-sqlite3';
import { officeIsoDate } from '../../../../shared/dates.ts';
import { daysBetween } from '../../../../shared/deadlines/dates.ts';
import { findMatterType } from '../../../../shared/deadlines/matter-types.ts';
import type { Extension } from '../../../../shared/deadlines/case-deadline.ts';
import type { Pause } from '../../../../shared/deadlines/pauses.ts';
import { caseOutcome, figuresOf, inMeasure, openStanding, type OpenStanding, type OutcomeAggregate } from '../../../../shared/reports/metrics.ts';
import {
  DURATION_BANDS, type DrillResult, type DrillRow, type DurationBand, type OpenGrouping, type OpenMeasure, type OpenReport, type OpenRow, type ReportGrouping,
  type TimelinessMeasure, type TimelinessReport, type TimelinessRow,
} from '../../../../shared/reports/reports.ts';

/**
 * The supervisor reports over the local cache (metrics in shared/reports/metrics.ts). Closed
 * cases are read through `case_outcomes` (migration 0017), refreshed here before each report;
 * open cases go through the deadline engine as of the report's day.
 */

/** Bump when the deadline rules change (a new holiday, a new term): every closed case is recomputed. */
export const OUTCOME_ENGINE = 1;

/** Who may read what: every unit, the units one heads (with their sections), or nothing. */
export type ReportScope = { readonly kind: 'all' } | { readonly kind: 'units'; readonly codes: readonly string[] } | { readonly kind: 'none' };

export function reportScope(db: Database, args: { login: string; sessionRole: string | null }): ReportScope {
  const roles = new Set(db.prepare<[string], string>('SELECT r.role FROM person_roles r JOIN people p ON p.login = r.login WHERE r.login = ? AND p.active = 1').pluck().all(args.login));
  if (args.sessionRole !== null) roles.add(args.sessionRole);
  // The city secretary (role `supervisor`) oversees the whole office and its units.
  if (roles.has('supervisor')) return { kind: 'all' };
  if (!roles.has('unit_head')) return { kind: 'none' };
  const codes = db
    .prepare<[string], string>(
      `WITH RECURSIVE headed (code) AS (
         SELECT p.unit_code FROM people p WHERE p.login = ? AND p.active = 1
         UNION SELECT u.code FROM units u JOIN headed h ON u.parent_code = h.code
       ) SELECT code FROM headed ORDER BY code`,
    )
    .pluck()
    .all(args.login);
  return { kind: 'units', codes };
}

/** Scope as one SQL parameter: null for every unit, else a JSON array the query reads with json_each. */
function scopeParam(scope: readonly string[] | null): string | null {
  return scope === null ? null : JSON.stringify(scope);
}
const IN_SCOPE = `(@scope IS NULL OR c.unit_code IN (SELECT value FROM json_each(@scope)))`;

/** After a release that changes the deadline rules every closed case is computed again. */
function markAllStaleOnRulesChange(db: Database): void {
  const engine = db.prepare<[], number>('SELECT version FROM case_outcome_engine').pluck().get();
  if (engine !== OUTCOME_ENGINE) {
    db.prepare("INSERT OR IGNORE INTO case_outcomes_stale (case_id) SELECT id FROM cases WHERE status = 'closed'").run();
    db.prepare('UPDATE case_outcome_engine SET version = ?').run(OUTCOME_ENGINE);
  }
}

/** How many closed cases wait for their outcome to be (re)computed. */
export function staleCaseOutcomes(db: Database): number {
  return db.transaction((): number => {
    markAllStaleOnRulesChange(db);
    return db.prepare<[], number>('SELECT count(*) FROM case_outcomes_stale').pluck().get() ?? 0;
  }).immediate();
}

/** The next `limit` stale cases, in key order (the same set for every statement of one transaction). */
const STALE_CHUNK = 'SELECT case_id FROM case_outcomes_stale ORDER BY case_id LIMIT @limit';

/**
 * Recomputes the outcomes of closed cases whose facts changed since (or were never computed): all
 * of them, or the next `limit` (after an upgrade, 250,000 cases are done in chunks with progress
 * shown, and other queries get their turn between chunks). Returns how many outcomes it wrote.
 */
export function refreshCaseOutcomes(db: Database, limit: number = Number.MAX_SAFE_INTEGER): number {
  const run = db.transaction((): number => {
    markAllStaleOnRulesChange(db);
    const stale = db.prepare<[], number>('SELECT count(*) FROM case_outcomes_stale').pluck().get() ?? 0;
    if (stale === 0) return 0;
    const chunk = { limit };
    const pauses = groupByCase(db.prepare<[typeof chunk], [string, string, string | null]>(
      `SELECT p.case_id, p.from_date, p.to_date FROM case_pauses p JOIN (${STALE_CHUNK}) s ON s.case_id = p.case_id`,
    ).raw().all(chunk), (r): Pause => ({ from: r[1], to: r[2] }));
    const extensions = groupByCase(db.prepare<[typeof chunk], [string, string, string, string]>(
      `SELECT e.case_id, e.notified_on, e.new_due_date, e.reason FROM case_extensions e JOIN (${STALE_CHUNK}) s ON s.case_id = e.case_id ORDER BY e.extension_no`,
    ).raw().all(chunk), (r): Extension => ({ noticeOn: r[1], newDate: r[2], reason: r[3] }));
    const rows = db.prepare<[typeof chunk], [string, string, string, string, string | null, string | null, string, string | null, string]>(
      `SELECT c.id, c.started_on, c.closed_at, c.matter_type, i.registered_at,
              (SELECT min(e.at) FROM item_events e WHERE e.item_id = i.id AND e.kind = 'accepted') AS accepted_at,
              c.unit_code, c.handler_login, c.jrwa_symbol
       FROM (${STALE_CHUNK}) s
       JOIN cases c ON c.id = s.case_id AND c.status = 'closed' AND c.closed_at IS NOT NULL
       LEFT JOIN incoming_items i ON i.id = ${FIRST_LETTER_OF_CASE}`,
    ).raw().all(chunk);
    const upsert = db.prepare(
      `INSERT OR REPLACE INTO case_outcomes (case_id, closed_on, unit_code, handler_login, jrwa_symbol, matter_type, started_on, due_on, original_due_on, on_time, net_days, paused_days, notices, first_action_days, resolution_days)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const [id, startedOn, closedAt, matterType, registeredAt, acceptedAt, unitCode, handlerLogin, jrwaSymbol] of rows) {
      // The office's calendar day, as the spis spraw prints it.
      const closedOn = officeIsoDate(new Date(closedAt));
      const outcome = caseOutcome({
        startedOn,
        closedOn,
        matterType: findMatterType(matterType) ?? null,
        pauses: pauses.get(id) ?? [],
        extensions: extensions.get(id) ?? [],
        registeredOn: registeredAt === null ? null : officeIsoDate(new Date(registeredAt)),
        acceptedOn: acceptedAt === null ? null : officeIsoDate(new Date(acceptedAt)),
      });
      upsert.run(id, closedOn, unitCode, handlerLogin, jrwaSymbol, matterType, startedOn, outcome.dueOn, outcome.originalDueOn, outcome.onTime === null ? null : Number(outcome.onTime), outcome.netDays, outcome.pausedDays, outcome.notices, outcome.firstActionDays, outcome.resolutionDays);
    }
    db.prepare(`DELETE FROM case_outcomes_stale WHERE case_id IN (${STALE_CHUNK})`).run(chunk);
    return rows.length;
  });
  return run.immediate();
}

function groupByCase<R extends readonly unknown[], T>(rows: readonly R[], map: (row: R) => T): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const id = row[0] as string;
    const list = grouped.get(id);
    if (list) list.push(map(row));
    else grouped.set(id, [map(row)]);
  }
  return grouped;
}

/** The same columns in `cases` (alias c) and `case_outcomes` (alias o). */
const GROUP_COLUMN: Readonly<Record<ReportGrouping, string>> = {
  unit: 'unit_code',
  handler: 'handler_login',
  jrwa: 'jrwa_symbol',
  matterType: 'matter_type',
};
const OUTCOME_IN_SCOPE = `(@scope IS NULL OR o.unit_code IN (SELECT value FROM json_each(@scope)))`;

interface TimelinessArgs {
  readonly from: string;
  readonly to: string;
  readonly groupBy: ReportGrouping;
  readonly minCount: number;
  readonly scope: readonly string[] | null;
}

const GROUP_INDEX: Readonly<Record<ReportGrouping, string>> = {
  unit: 'case_outcomes_by_unit',
  handler: 'case_outcomes_by_handler',
  jrwa: 'case_outcomes_by_jrwa',
  matterType: 'case_outcomes_by_matter_type',
};

/** A group_concat of whole numbers, sorted ascending. */
function sortedDays(list: string | null): Float64Array {
  if (list === null || list === '') return new Float64Array(0);
  return Float64Array.from(list.split(','), Number).sort();
}

function concatSorted(parts: readonly Float64Array[]): Float64Array {
  const all = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all.sort();
}

/**
 * Timeliness of the cases closed in [from, to], per group, and the total line. SQL counts and
 * hands over each group's days as one list (read from the grouping's covering index, already in
 * group order): a row per group instead of a row per case.
 */
export function timelinessReport(db: Database, args: TimelinessArgs): TimelinessReport {
  refreshCaseOutcomes(db);
  const column = GROUP_COLUMN[args.groupBy];
  const scoped = args.scope === null ? '' : 'AND o.unit_code IN (SELECT value FROM json_each(@scope))';
  const rows = db.prepare<[{ from: string; to: string; scope?: string }], [string | null, number, number, number, number, string | null, string | null, string | null]>(
    `SELECT o.${column}, count(*), total(o.on_time = 1), total(o.on_time = 0), total(o.notices),
            group_concat(o.net_days), group_concat(o.first_action_days), group_concat(o.resolution_days)
     FROM case_outcomes o INDEXED BY ${GROUP_INDEX[args.groupBy]}
     WHERE o.closed_on BETWEEN @from AND @to ${scoped}
     GROUP BY o.${column}`,
  ).raw().all({ from: args.from, to: args.to, ...(args.scope === null ? {} : { scope: JSON.stringify(args.scope) }) });
  const groups = new Map<string | null, OutcomeAggregate>();
  for (const [key, closed, onTime, late, notices, net, first, resolution] of rows) {
    groups.set(key, { closed, onTime, late, notices, netDays: sortedDays(net), firstActionDays: sortedDays(first), resolutionDays: sortedDays(resolution) });
  }
  const all = [...groups.values()];
  const total: OutcomeAggregate = {
    closed: all.reduce((n, g) => n + g.closed, 0),
    onTime: all.reduce((n, g) => n + g.onTime, 0),
    late: all.reduce((n, g) => n + g.late, 0),
    notices: all.reduce((n, g) => n + g.notices, 0),
    netDays: concatSorted(all.map((g) => g.netDays as Float64Array)),
    firstActionDays: concatSorted(all.map((g) => g.firstActionDays as Float64Array)),
    resolutionDays: concatSorted(all.map((g) => g.resolutionDays as Float64Array)),
  };
  const waiting = notActedOnCounts(db, args);
  const byGroup = args.groupBy === 'unit' ? waiting.byUnit : args.groupBy === 'handler' ? waiting.byHandler : null;
  if (byGroup) for (const key of byGroup.keys()) if (!groups.has(key)) groups.set(key, EMPTY);
  const labels = groupLabels(db, args.groupBy, [...groups.keys()]);
  const line = (key: string | null, label: string, aggregate: OutcomeAggregate, notActedOn: number | null): TimelinessRow => ({
    key, label, ...figuresOf(aggregate, args.minCount), notActedOn,
  });
  return {
    query: { from: args.from, to: args.to, groupBy: args.groupBy, minCount: args.minCount },
    scope: args.scope === null ? null : [...args.scope],
    rows: [...groups.entries()]
      .map(([key, aggregate]) => line(key, labels.get(key) ?? key ?? '', aggregate, byGroup === null ? null : (byGroup.get(key) ?? 0)))
      .sort(byKey),
    total: line(null, '', total, waiting.total),
    durations: durationBands(total.netDays),
  };
}

/** Counts of the sorted `days` in each of DURATION_BANDS. */
function durationBands(days: ArrayLike<number>): DurationBand[] {
  const bands = DURATION_BANDS.map(([from, to]) => ({ from, to, cases: 0 }));
  for (let i = 0; i < days.length; i++) {
    const day = days[i] ?? 0;
    const band = bands.find((b) => b.to === null || day <= b.to);
    if (band) band.cases += 1;
  }
  return bands;
}

const EMPTY: OutcomeAggregate = { closed: 0, onTime: 0, late: 0, notices: 0, netDays: new Float64Array(0), firstActionDays: new Float64Array(0), resolutionDays: new Float64Array(0) };

function byKey(a: { key: string | null }, b: { key: string | null }): number {
  if (a.key === b.key) return 0;
  if (a.key === null) return 1;
  if (b.key === null) return -1;
  return a.key.localeCompare(b.key, 'pl');
}

/**
 * Letters routed (lead) in the period and still waiting or assigned, with nobody having ever
 * accepted them: FixMyStreet's "not marked", counted apart from the medians. The period is the
 * day the letter reached the unit (routed_at, UTC, so a letter routed after 23:00 Polish time
 * on the last day falls into the next period).
 */
const NOT_ACTED_ON = `
  FROM item_routes r INDEXED BY item_routes_lead_live
  WHERE r.role = 'lead' AND r.state IN ('waiting', 'assigned')
    AND r.routed_at >= @from AND r.routed_at < @to || 'T24'
    AND (@scope IS NULL OR r.unit_code IN (SELECT value FROM json_each(@scope)))
    AND NOT EXISTS (SELECT 1 FROM item_events e INDEXED BY item_events_accepted WHERE e.item_id = r.item_id AND e.kind = 'accepted')`;

function notActedOnCounts(db: Database, args: TimelinessArgs): { total: number; byUnit: Map<string | null, number>; byHandler: Map<string | null, number> } {
  const rows = db.prepare<[{ from: string; to: string; scope: string | null }], [string, string | null, number]>(
    `SELECT r.unit_code, r.assignee_login, count(*) ${NOT_ACTED_ON} GROUP BY r.unit_code, r.assignee_login`,
  ).raw().all({ from: args.from, to: args.to, scope: scopeParam(args.scope) });
  const byUnit = new Map<string | null, number>();
  const byHandler = new Map<string | null, number>();
  let total = 0;
  for (const [unit, assignee, count] of rows) {
    total += count;
    byUnit.set(unit, (byUnit.get(unit) ?? 0) + count);
    byHandler.set(assignee, (byHandler.get(assignee) ?? 0) + count);
  }
  return { total, byUnit, byHandler };
}

function groupLabels(db: Database, groupBy: ReportGrouping, keys: readonly (string | null)[]): Map<string | null, string> {
  const labels = new Map<string | null, string>();
  const unit = db.prepare<[string], string>('SELECT name FROM units WHERE code = ?').pluck();
  const person = db.prepare<[string], string>('SELECT display_name FROM people WHERE login = ?').pluck();
  const jrwa = db.prepare<[string], string>('SELECT heading FROM jrwa_classes WHERE symbol = ? ORDER BY version_id DESC LIMIT 1').pluck();
  for (const key of keys) {
    if (key === null) continue;
    switch (groupBy) {
      case 'unit':
        labels.set(key, unit.get(key) ?? key);
        break;
      case 'handler':
        labels.set(key, person.get(key) ?? key);
        break;
      case 'jrwa': {
        const heading = jrwa.get(key);
        labels.set(key, heading === undefined ? key : `${key} ${heading}`);
        break;
      }
      case 'matterType':
        labels.set(key, findMatterType(key)?.name ?? key);
        break;
    }
  }
  return labels;
}

interface OpenArgs {
  readonly asOf: string;
  readonly groupBy: OpenGrouping;
  readonly scope: readonly string[] | null;
}

interface OpenCaseLine {
  readonly id: string;
  readonly unitCode: string;
  readonly handlerLogin: string | null;
  readonly startedOn: string;
  readonly standing: OpenStanding;
}

/**
 * Cases open on `asOf` (started by then, not closed by then), each against its term as of that
 * day. Pauses and notices are read whole (tens of thousands of rows, one scan each) rather than
 * joined per case: cheaper than looking each case's up.
 */
function openCasesAsOf(db: Database, args: OpenArgs, group: { column: 'unit_code' | 'handler_login'; key: string | null } | null): OpenCaseLine[] {
  refreshCaseOutcomes(db);
  const params = { asOf: args.asOf, scope: scopeParam(args.scope), group: group?.key ?? null };
  const rows = db.prepare<[typeof params], [string, string, string | null, string, string]>(
    `SELECT c.id, c.unit_code, c.handler_login, c.started_on, c.matter_type FROM cases c
     WHERE c.status = 'open' AND c.started_on <= @asOf AND ${IN_SCOPE} ${group === null ? '' : `AND c.${group.column} IS @group`}
     UNION ALL
     SELECT o.case_id, o.unit_code, o.handler_login, o.started_on, o.matter_type FROM case_outcomes o
     WHERE o.closed_on > @asOf AND o.started_on <= @asOf AND ${OUTCOME_IN_SCOPE} ${group === null ? '' : `AND o.${group.column} IS @group`}`,
  ).raw().all(params);
  const wanted = new Set(rows.map((r) => r[0]));
  const pauses = groupByCase(db.prepare<[string], [string, string, string | null]>(
    'SELECT case_id, from_date, to_date FROM case_pauses WHERE from_date <= ?',
  ).raw().all(args.asOf).filter((r) => wanted.has(r[0])), (r): Pause => ({ from: r[1], to: r[2] }));
  const extensions = groupByCase(db.prepare<[string], [string, string, string, string]>(
    'SELECT case_id, notified_on, new_due_date, reason FROM case_extensions WHERE notified_on <= ? ORDER BY extension_no',
  ).raw().all(args.asOf).filter((r) => wanted.has(r[0])), (r): Extension => ({ noticeOn: r[1], newDate: r[2], reason: r[3] }));
  return rows.map(([id, unitCode, handlerLogin, startedOn, matterType]) => ({
    id, unitCode, handlerLogin, startedOn,
    standing: openStanding({ startedOn, matterType: findMatterType(matterType) ?? null, pauses: pauses.get(id) ?? [], extensions: extensions.get(id) ?? [] }, args.asOf),
  }));
}

/** Open and overdue cases as of a day, per unit or per handler, and the total line. */
export function openReport(db: Database, args: OpenArgs): OpenReport {
  const lines = openCasesAsOf(db, args, null);
  const groups = new Map<string | null, OpenCaseLine[]>();
  for (const line of lines) {
    const key = args.groupBy === 'unit' ? line.unitCode : line.handlerLogin;
    const list = groups.get(key);
    if (list) list.push(line);
    else groups.set(key, [line]);
  }
  const labels = groupLabels(db, args.groupBy, [...groups.keys()]);
  const row = (key: string | null, label: string, list: readonly OpenCaseLine[]): OpenRow => {
    let oldest: string | null = null;
    let overdue = 0;
    let dueIn3 = 0;
    let dueIn7 = 0;
    for (const line of list) {
      if (oldest === null || line.startedOn < oldest) oldest = line.startedOn;
      if (inMeasure(line.standing.bucket, 'overdue')) overdue++;
      if (inMeasure(line.standing.bucket, 'dueIn3')) dueIn3++;
      if (inMeasure(line.standing.bucket, 'dueIn7')) dueIn7++;
    }
    return { key, label, open: list.length, overdue, dueIn3, dueIn7, oldestStartedOn: oldest, oldestDays: oldest === null ? null : daysBetween(oldest, args.asOf) };
  };
  return {
    query: { asOf: args.asOf, groupBy: args.groupBy },
    scope: args.scope === null ? null : [...args.scope],
    rows: [...groups.entries()].map(([key, list]) => row(key, labels.get(key) ?? key ?? '', list)).sort(byKey),
    total: row(null, '', lines),
  };
}

/** `group` undefined: the total line; null: the group without a key. */
export type DrillArgs =
  | { readonly report: 'timeliness'; readonly query: TimelinessArgs; readonly group?: string | null | undefined; readonly measure: TimelinessMeasure; readonly limit: number }
  | { readonly report: 'open'; readonly query: OpenArgs; readonly group?: string | null | undefined; readonly measure: OpenMeasure; readonly limit: number };

const CASE_CONDITION: Readonly<Record<Exclude<TimelinessMeasure, 'notActedOn'>, string>> = {
  closed: '1',
  onTime: 'o.on_time = 1',
  late: 'o.on_time = 0',
  noDeadline: 'o.on_time IS NULL',
  notices: 'o.notices > 0',
};

interface CaseDrillRecord {
  id: string;
  sign: string | null;
  unit_code: string;
  jrwa_symbol: string;
  year: number;
  title: string;
  handler_name: string | null;
  started_on: string;
}

function referenceOf(r: CaseDrillRecord): string {
  return r.sign ?? `${r.unit_code}.${r.jrwa_symbol}.…/${String(r.year)}`;
}

/** The cases or letters behind one figure of a report: the same filters, one group, one measure. */
export function drillReport(db: Database, args: DrillArgs): DrillResult {
  if (args.report === 'open') return drillOpen(db, args.query, args.group, args.measure, args.limit);
  const { query } = args;
  const params = { from: query.from, to: query.to, scope: scopeParam(query.scope), group: args.group ?? null, all: args.group === undefined ? 1 : 0 };
  if (args.measure === 'notActedOn') {
    const column = query.groupBy === 'unit' ? 'r.unit_code' : query.groupBy === 'handler' ? 'r.assignee_login' : null;
    // A letter has no class or matter type before its case: only the total line drills for those groupings.
    if (column === null && args.group !== undefined) return { total: 0, rows: [] };
    const where = `${NOT_ACTED_ON} AND (@all = 1 OR ${column ?? 'NULL'} IS @group)`;
    const total = db.prepare<[typeof params], number>(`SELECT count(*) ${where}`).pluck().get(params) ?? 0;
    const rows = db.prepare<[typeof params & { limit: number }], { id: string; rpw_number: string; subject: string | null; unit_code: string; assignee: string | null; received_on: string; due_date: string | null }>(
      `SELECT i.id, i.rpw_number, i.subject, r.unit_code, (SELECT display_name FROM people WHERE login = r.assignee_login) AS assignee, i.received_on, r.due_date
       ${where.replace('WHERE', 'JOIN incoming_items i ON i.id = r.item_id WHERE')} ORDER BY r.routed_at, r.route_no LIMIT @limit`,
    ).all({ ...params, limit: args.limit });
    return {
      total,
      rows: rows.map((r): DrillRow => ({
        kind: 'item', id: r.id, reference: r.rpw_number, title: r.subject, unitCode: r.unit_code, handlerName: r.assignee,
        startedOn: r.received_on, dueOn: r.due_date, closedOn: null, netDays: null, onTime: null, notices: 0,
      })),
    };
  }
  const where = `FROM case_outcomes o INDEXED BY case_outcomes_by_closed_on
     WHERE o.closed_on BETWEEN @from AND @to AND ${OUTCOME_IN_SCOPE} AND (@all = 1 OR o.${GROUP_COLUMN[query.groupBy]} IS @group) AND ${CASE_CONDITION[args.measure]}`;
  refreshCaseOutcomes(db);
  const total = db.prepare<[typeof params], number>(`SELECT count(*) ${where}`).pluck().get(params) ?? 0;
  const rows = db.prepare<[typeof params & { limit: number }], CaseDrillRecord & { due_on: string | null; closed_on: string; net_days: number; on_time: number | null; notices: number }>(
    `SELECT c.id, c.sign, c.unit_code, c.jrwa_symbol, c.year, c.title, c.started_on,
            (SELECT display_name FROM people WHERE login = c.handler_login) AS handler_name,
            o.due_on, o.closed_on, o.net_days, o.on_time, o.notices
     ${where.replace('WHERE', 'JOIN cases c ON c.id = o.case_id WHERE')} ORDER BY o.closed_on, c.case_no LIMIT @limit`,
  ).all({ ...params, limit: args.limit });
  return {
    total,
    rows: rows.map((r): DrillRow => ({
      kind: 'case', id: r.id, reference: referenceOf(r), title: r.title, unitCode: r.unit_code, handlerName: r.handler_name,
      startedOn: r.started_on, dueOn: r.due_on, closedOn: r.closed_on, netDays: r.net_days, onTime: r.on_time === null ? null : r.on_time === 1, notices: r.notices,
    })),
  };
}

function drillOpen(db: Database, query: OpenArgs, group: string | null | undefined, measure: OpenMeasure, limit: number): DrillResult {
  const column = query.groupBy === 'unit' ? 'unit_code' : 'handler_login';
  let lines = openCasesAsOf(db, query, group === undefined ? null : { column, key: group });
  switch (measure) {
    case 'open':
      break;
    case 'overdue':
    case 'dueIn3':
    case 'dueIn7':
      lines = lines.filter((l) => inMeasure(l.standing.bucket, measure));
      break;
    case 'oldest': {
      const oldest = lines.reduce<string | null>((min, l) => (min === null || l.startedOn < min ? l.startedOn : min), null);
      lines = lines.filter((l) => l.startedOn === oldest);
      break;
    }
  }
  // ISO dates order as plain strings; localeCompare would cost more than the whole report here.
  const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  lines.sort((a, b) => order(a.standing.dueOn ?? '9999-12-31', b.standing.dueOn ?? '9999-12-31') || order(a.startedOn, b.startedOn));
  const shown = lines.slice(0, limit);
  const read = db.prepare<[string], CaseDrillRecord>(
    `SELECT c.id, c.sign, c.unit_code, c.jrwa_symbol, c.year, c.title, c.started_on, (SELECT display_name FROM people WHERE login = c.handler_login) AS handler_name
     FROM cases c WHERE c.id = ?`,
  );
  return {
    total: lines.length,
    rows: shown.flatMap((line): DrillRow[] => {
      const r = read.get(line.id);
      if (!r) return [];
      return [{
        kind: 'case', id: r.id, reference: referenceOf(r), title: r.title, unitCode: r.unit_code, handlerName: r.handler_name,
        startedOn: r.started_on, dueOn: line.standing.dueOn, closedOn: null, netDays: null, onTime: null, notices: 0,
      }];
    }),
  };
}
