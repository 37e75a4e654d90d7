import type { Database } from 'better-sqlite3';
import { localIsoDate } from '../../../../shared/dates.ts';
import { daysBetween } from '../../../../shared/deadlines/dates.ts';
import { findMatterType } from '../../../../shared/deadlines/matter-types.ts';
import type { Extension } from '../../../../shared/deadlines/case-deadline.ts';
import type { Pause } from '../../../../shared/deadlines/pauses.ts';
import { caseOutcome, inMeasure, openStanding, timelinessFigures, type OpenStanding, type OutcomeSample } from '../../../../shared/reports/metrics.ts';
import type {
  DrillResult, DrillRow, OpenGrouping, OpenMeasure, OpenReport, OpenRow, ReportGrouping, TimelinessMeasure, TimelinessReport, TimelinessRow,
} from '../../../../shared/reports/reports.ts';

/**
 * The supervisor reports over the local cache (metrics in shared/reports/metrics.ts). Closed
 * cases are read through `case_outcomes` (migration 0016), refreshed here before each report;
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

/** Recomputes the outcomes of closed cases whose facts changed since (or were never computed). */
export function refreshCaseOutcomes(db: Database): number {
  const run = db.transaction((): number => {
    const engine = db.prepare<[], number>('SELECT version FROM case_outcome_engine').pluck().get();
    if (engine !== OUTCOME_ENGINE) {
      db.prepare("INSERT OR IGNORE INTO case_outcomes_stale (case_id) SELECT id FROM cases WHERE status = 'closed'").run();
      db.prepare('UPDATE case_outcome_engine SET version = ?').run(OUTCOME_ENGINE);
    }
    const stale = db.prepare<[], number>('SELECT count(*) FROM case_outcomes_stale').pluck().get() ?? 0;
    if (stale === 0) return 0;
    const pauses = groupByCase(db.prepare<[], [string, string, string | null]>(
      'SELECT p.case_id, p.from_date, p.to_date FROM case_pauses p JOIN case_outcomes_stale s ON s.case_id = p.case_id',
    ).raw().all(), (r): Pause => ({ from: r[1], to: r[2] }));
    const extensions = groupByCase(db.prepare<[], [string, string, string, string]>(
      'SELECT e.case_id, e.notified_on, e.new_due_date, e.reason FROM case_extensions e JOIN case_outcomes_stale s ON s.case_id = e.case_id ORDER BY e.extension_no',
    ).raw().all(), (r): Extension => ({ noticeOn: r[1], newDate: r[2], reason: r[3] }));
    const rows = db.prepare<[], [string, string, string, string, string | null, string | null]>(
      `SELECT c.id, c.started_on, c.closed_at, c.matter_type, i.registered_at,
              (SELECT min(e.at) FROM item_events e WHERE e.item_id = i.id AND e.kind = 'accepted') AS accepted_at
       FROM case_outcomes_stale s
       JOIN cases c ON c.id = s.case_id AND c.status = 'closed' AND c.closed_at IS NOT NULL
       LEFT JOIN incoming_items i ON i.id = (SELECT item_id FROM case_items ci WHERE ci.case_id = c.id ORDER BY ci.attached_at, ci.item_id LIMIT 1)`,
    ).raw().all();
    const upsert = db.prepare(
      `INSERT OR REPLACE INTO case_outcomes (case_id, closed_on, due_on, original_due_on, on_time, net_days, paused_days, notices, first_action_days, resolution_days)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const [id, startedOn, closedAt, matterType, registeredAt, acceptedAt] of rows) {
      // The office's calendar day, as the spis spraw prints it.
      const closedOn = localIsoDate(new Date(closedAt));
      const outcome = caseOutcome({
        startedOn,
        closedOn,
        matterType: findMatterType(matterType) ?? null,
        pauses: pauses.get(id) ?? [],
        extensions: extensions.get(id) ?? [],
        registeredOn: registeredAt === null ? null : localIsoDate(new Date(registeredAt)),
        acceptedOn: acceptedAt === null ? null : localIsoDate(new Date(acceptedAt)),
      });
      upsert.run(id, closedOn, outcome.dueOn, outcome.originalDueOn, outcome.onTime === null ? null : Number(outcome.onTime), outcome.netDays, outcome.pausedDays, outcome.notices, outcome.firstActionDays, outcome.resolutionDays);
    }
    db.prepare('DELETE FROM case_outcomes_stale').run();
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

const GROUP_COLUMN: Readonly<Record<ReportGrouping, string>> = {
  unit: 'c.unit_code',
  handler: 'c.handler_login',
  jrwa: 'c.jrwa_symbol',
  matterType: 'c.matter_type',
};

interface TimelinessArgs {
  readonly from: string;
  readonly to: string;
  readonly groupBy: ReportGrouping;
  readonly minCount: number;
  readonly scope: readonly string[] | null;
}

/** Timeliness of the cases closed in [from, to], per group, and the total line. */
export function timelinessReport(db: Database, args: TimelinessArgs): TimelinessReport {
  refreshCaseOutcomes(db);
  const rows = db.prepare<[{ from: string; to: string; scope: string | null }], [string | null, number | null, number, number, number | null, number]>(
    `SELECT ${GROUP_COLUMN[args.groupBy]}, o.on_time, o.net_days, o.notices, o.first_action_days, o.resolution_days
     FROM case_outcomes o JOIN cases c ON c.id = o.case_id
     WHERE o.closed_on BETWEEN @from AND @to AND ${IN_SCOPE}`,
  ).raw().all({ from: args.from, to: args.to, scope: scopeParam(args.scope) });
  const groups = new Map<string | null, OutcomeSample[]>();
  const all: OutcomeSample[] = [];
  for (const [key, onTime, netDays, notices, firstActionDays, resolutionDays] of rows) {
    const sample: OutcomeSample = { onTime: onTime === null ? null : onTime === 1, netDays, notices, firstActionDays, resolutionDays };
    all.push(sample);
    const list = groups.get(key);
    if (list) list.push(sample);
    else groups.set(key, [sample]);
  }
  const waiting = notActedOnCounts(db, args);
  const byGroup = args.groupBy === 'unit' ? waiting.byUnit : args.groupBy === 'handler' ? waiting.byHandler : null;
  if (byGroup) for (const key of byGroup.keys()) if (!groups.has(key)) groups.set(key, []);
  const labels = groupLabels(db, args.groupBy, [...groups.keys()]);
  const line = (key: string | null, label: string, samples: readonly OutcomeSample[], notActedOn: number | null): TimelinessRow => ({
    key, label, ...timelinessFigures(samples, args.minCount), notActedOn,
  });
  return {
    query: { from: args.from, to: args.to, groupBy: args.groupBy, minCount: args.minCount },
    scope: args.scope === null ? null : [...args.scope],
    rows: [...groups.entries()]
      .map(([key, samples]) => line(key, labels.get(key) ?? key ?? '', samples, byGroup === null ? null : (byGroup.get(key) ?? 0)))
      .sort(byKey),
    total: line(null, '', all, waiting.total),
  };
}

function byKey(a: { key: string | null }, b: { key: string | null }): number {
  if (a.key === b.key) return 0;
  if (a.key === null) return 1;
  if (b.key === null) return -1;
  return a.key.localeCompare(b.key, 'pl');
}

/**
 * Letters received in the period, routed (lead) and still waiting or assigned with nobody having
 * ever accepted them: FixMyStreet's "not marked", counted apart from the medians.
 */
const NOT_ACTED_ON = `
  FROM item_routes r
  JOIN incoming_items i ON i.id = r.item_id
  WHERE r.role = 'lead' AND r.state IN ('waiting', 'assigned') AND i.status = 'registered'
    AND i.received_on BETWEEN @from AND @to
    AND (@scope IS NULL OR r.unit_code IN (SELECT value FROM json_each(@scope)))
    AND NOT EXISTS (SELECT 1 FROM item_events e WHERE e.item_id = r.item_id AND e.kind = 'accepted')`;

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

/** Cases open on `asOf` (started by then, not closed by then), each against its term as of that day. */
function openCasesAsOf(db: Database, args: OpenArgs, group: { column: string; key: string | null } | null): OpenCaseLine[] {
  refreshCaseOutcomes(db);
  const groupFilter = group === null ? '' : `AND ${group.column} IS @group`;
  const params = { asOf: args.asOf, scope: scopeParam(args.scope), group: group?.key ?? null };
  const openThen = `
    WITH open_then (id) AS (
      SELECT c.id FROM cases c WHERE c.status = 'open' AND c.started_on <= @asOf AND ${IN_SCOPE} ${groupFilter}
      UNION ALL
      SELECT c.id FROM case_outcomes o JOIN cases c ON c.id = o.case_id WHERE o.closed_on > @asOf AND c.started_on <= @asOf AND ${IN_SCOPE} ${groupFilter}
    )`;
  const pauses = groupByCase(db.prepare<[typeof params], [string, string, string | null]>(
    `${openThen} SELECT p.case_id, p.from_date, p.to_date FROM case_pauses p JOIN open_then t ON t.id = p.case_id`,
  ).raw().all(params), (r): Pause => ({ from: r[1], to: r[2] }));
  const extensions = groupByCase(db.prepare<[typeof params], [string, string, string, string]>(
    `${openThen} SELECT e.case_id, e.notified_on, e.new_due_date, e.reason FROM case_extensions e JOIN open_then t ON t.id = e.case_id ORDER BY e.extension_no`,
  ).raw().all(params), (r): Extension => ({ noticeOn: r[1], newDate: r[2], reason: r[3] }));
  return db.prepare<[typeof params], [string, string, string | null, string, string]>(
    `${openThen} SELECT c.id, c.unit_code, c.handler_login, c.started_on, c.matter_type FROM open_then t JOIN cases c ON c.id = t.id`,
  ).raw().all(params).map(([id, unitCode, handlerLogin, startedOn, matterType]) => ({
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
       ${where} ORDER BY i.received_on, i.entry_no LIMIT @limit`,
    ).all({ ...params, limit: args.limit });
    return {
      total,
      rows: rows.map((r): DrillRow => ({
        kind: 'item', id: r.id, reference: r.rpw_number, title: r.subject, unitCode: r.unit_code, handlerName: r.assignee,
        startedOn: r.received_on, dueOn: r.due_date, closedOn: null, netDays: null, onTime: null, notices: 0,
      })),
    };
  }
  const where = `FROM case_outcomes o JOIN cases c ON c.id = o.case_id
     WHERE o.closed_on BETWEEN @from AND @to AND ${IN_SCOPE} AND (@all = 1 OR ${GROUP_COLUMN[query.groupBy]} IS @group) AND ${CASE_CONDITION[args.measure]}`;
  refreshCaseOutcomes(db);
  const total = db.prepare<[typeof params], number>(`SELECT count(*) ${where}`).pluck().get(params) ?? 0;
  const rows = db.prepare<[typeof params & { limit: number }], CaseDrillRecord & { due_on: string | null; closed_on: string; net_days: number; on_time: number | null; notices: number }>(
    `SELECT c.id, c.sign, c.unit_code, c.jrwa_symbol, c.year, c.title, c.started_on,
            (SELECT display_name FROM people WHERE login = c.handler_login) AS handler_name,
            o.due_on, o.closed_on, o.net_days, o.on_time, o.notices
     ${where} ORDER BY o.closed_on, c.case_no LIMIT @limit`,
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
  const column = query.groupBy === 'unit' ? 'c.unit_code' : 'c.handler_login';
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
  lines.sort((a, b) => (a.standing.dueOn ?? '9999-12-31').localeCompare(b.standing.dueOn ?? '9999-12-31') || a.startedOn.localeCompare(b.startedOn));
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
