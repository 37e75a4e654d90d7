import type { Database } from 'better-sqlite3';
import { awaitsProofSql, formatRkwNumber, OutgoingChannel } from '../../../../shared/outgoing/outgoing.ts';
import { Channel } from '../../../../shared/registry.ts';
import {
  periodOf, periodRange, type FlowPeriod, type IntakeGroup, type IntakeMeasure, type IntakeReport, type IntakeRow, type OutgoingFlowReport,
  type OutgoingFlowRow, type OutgoingGroup, type OutgoingMeasure,
} from '../../../../shared/reports/flow.ts';
import type { DrillResult, DrillRow } from '../../../../shared/reports/reports.ts';

/**
 * Intake and outgoing reports (issue "Supervisor reports", point 3) over the local registers.
 * Scope as in reports.ts: null is every unit; a unit head sees the letters whose live lead route
 * is in their units, and the RKW entries of their units' cases.
 */

interface IntakeArgs {
  readonly from: string;
  readonly to: string;
  readonly period: FlowPeriod;
  readonly waitingHours: number;
  readonly scope: readonly string[] | null;
  /** ISO instant the waiting figure is taken at; the service passes the clock. */
  readonly now: string;
}

interface OutgoingArgs {
  readonly from: string;
  readonly to: string;
  readonly scope: readonly string[] | null;
}

const scopeParam = (scope: readonly string[] | null): string | null => (scope === null ? null : JSON.stringify(scope));

/** A live lead route: where the letter is now. Returned and re-routed routes no longer hold it. */
const LIVE_LEAD = `r.item_id = i.id AND r.role = 'lead' AND r.state IN ('waiting', 'assigned', 'accepted')`;
/**
 * The kept counts (migration 0019) of the letters received in [@from, @to]: city-wide from the
 * table without units, for a unit head from their units' rows.
 */
const intakeCounts = (scope: readonly string[] | null): string => (scope === null
  ? 'FROM intake_counts_city WHERE received_on BETWEEN @from AND @to'
  : 'FROM intake_counts WHERE unit_code IN (SELECT value FROM json_each(@scope)) AND received_on BETWEEN @from AND @to');
/**
 * Waiting for dekretacja: registered (not cancelled) with no live lead route (lead_unit, kept by
 * triggers), registered before the cutoff; a letter a unit returned to the desk waits again.
 */
const AWAITING_ROUTING = `FROM incoming_items i INDEXED BY incoming_items_awaiting_routing
  WHERE i.status = 'registered' AND i.lead_unit IS NULL AND i.registered_at < @cutoff`;

/** All unrouted letters (kept count) less those registered after the cutoff (a short index range). */
function awaitingRoutingCount(db: Database, cutoff: string): number {
  return db.prepare<[{ cutoff: string }], number>(
    `SELECT (SELECT letters FROM unrouted_letters) - (SELECT count(*) FROM incoming_items i INDEXED BY incoming_items_awaiting_routing
       WHERE i.status = 'registered' AND i.lead_unit IS NULL AND i.registered_at >= @cutoff)`,
  ).pluck().get({ cutoff }) ?? 0;
}

/** The line of `key`, made on first use. */
function lineOf<K, R>(lines: Map<K, R>, key: K, make: () => R): R {
  const found = lines.get(key);
  if (found !== undefined) return found;
  const made = make();
  lines.set(key, made);
  return made;
}

function emptyChannels(): Record<Channel, number> {
  return Object.fromEntries(Channel.options.map((c) => [c, 0])) as Record<Channel, number>;
}

function intakeRow(key: string | null): IntakeRow {
  return { key, total: 0, scanned: 0, scannedShare: null, channels: emptyChannels() };
}

function cutoffOf(now: string, hours: number): string {
  return new Date(new Date(now).getTime() - hours * 3_600_000).toISOString();
}

/**
 * Letters received in [from, to] (the register's receipt day), not cancelled: the kept counts per
 * day, desk, channel and scanned-or-not (a few thousand rows); days fold into weeks or months here.
 */
export function intakeReport(db: Database, args: IntakeArgs): IntakeReport {
  const rows = db.prepare<[{ from: string; to: string; scope: string | null }], [string, string, Channel, number, number]>(
    `SELECT received_on, desk_code, channel, scanned, sum(letters) ${intakeCounts(args.scope)} GROUP BY 1, 2, 3, 4 HAVING sum(letters) > 0`,
  ).raw().all({ from: args.from, to: args.to, scope: scopeParam(args.scope) });
  const periods = new Map<string, IntakeRow>();
  const desks = new Map<string, IntakeRow>();
  const total = intakeRow(null);
  const add = (row: IntakeRow, channel: Channel, scanned: number, count: number): void => {
    row.total += count;
    row.channels[channel] += count;
    if (scanned === 1) row.scanned += count;
  };
  for (const [day, desk, channel, scanned, count] of rows) {
    const period = periodOf(day, args.period);
    add(lineOf(periods, period, () => intakeRow(period)), channel, scanned, count);
    add(lineOf(desks, desk, () => intakeRow(desk)), channel, scanned, count);
    add(total, channel, scanned, count);
  }
  const withShare = (row: IntakeRow): IntakeRow => ({ ...row, scannedShare: row.total === 0 ? null : row.scanned / row.total });
  const byKey = (a: IntakeRow, b: IntakeRow): number => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0);
  const awaitingRouting = args.scope === null
    ? awaitingRoutingCount(db, cutoffOf(args.now, args.waitingHours))
    : null;
  return {
    query: { from: args.from, to: args.to, period: args.period, waitingHours: args.waitingHours },
    scope: args.scope === null ? null : [...args.scope],
    asOf: args.now,
    periods: [...periods.values()].map(withShare).sort(byKey),
    desks: [...desks.values()].map(withShare).sort(byKey),
    total: withShare(total),
    awaitingRouting,
  };
}

/** ZPO, e-Doręczenia and ePUAP bring a proof back; the same test as awaitsProofOfDelivery. */
const AWAITS_PROOF = awaitsProofSql('o');
const OUTGOING_FROM = `FROM outgoing_letters o INDEXED BY outgoing_by_day LEFT JOIN cases c ON c.id = o.case_id
  WHERE o.sent_on BETWEEN @from AND @to AND (@scope IS NULL OR c.unit_code IN (SELECT value FROM json_each(@scope)))`;
/** The kept counts (migration 0019) of the RKW entries sent in [@from, @to] within @scope ('' is no case). */
const OUTGOING_COUNTS = `FROM outgoing_counts
  WHERE sent_on BETWEEN @from AND @to AND (@scope IS NULL OR unit_code IN (SELECT value FROM json_each(@scope)))`;

function outgoingRow(key: string | null, label: string): OutgoingFlowRow {
  return { key, label, sent: 0, postageGrosze: 0, awaitingProof: 0, returned: 0, fiction: 0 };
}

/** Letters sent in [from, to] per channel, per unit of their case and per desk; outcomes as of now. */
export function outgoingFlowReport(db: Database, args: OutgoingArgs): OutgoingFlowReport {
  const rows = db.prepare<[{ from: string; to: string; scope: string | null }], [OutgoingChannel, string, string | null, number, number, number, number, number]>(
    `SELECT channel, desk_code, nullif(unit_code, ''), sum(sent), sum(postage_grosze), sum(awaiting_proof), sum(returned), sum(fiction)
     ${OUTGOING_COUNTS} GROUP BY 1, 2, 3 HAVING sum(sent) > 0`,
  ).raw().all({ from: args.from, to: args.to, scope: scopeParam(args.scope) });
  const unitName = db.prepare<[string], string>('SELECT name FROM units WHERE code = ?').pluck();
  const deskName = db.prepare<[string], string>('SELECT name FROM desks WHERE code = ?').pluck();
  const channels = new Map<string, OutgoingFlowRow>();
  const units = new Map<string | null, OutgoingFlowRow>();
  const desks = new Map<string, OutgoingFlowRow>();
  const total = outgoingRow(null, '');
  for (const [channel, desk, unit, sent, postage, awaiting, returned, fiction] of rows) {
    const lines = [
      lineOf(channels, channel, () => outgoingRow(channel, channel)),
      lineOf(units, unit, () => outgoingRow(unit, unit === null ? '' : (unitName.get(unit) ?? unit))),
      // A unit's own PC numbers its RKW under the unit's code, which is not a desk.
      lineOf(desks, desk, () => outgoingRow(desk, deskName.get(desk) ?? unitName.get(desk) ?? desk)),
      total,
    ];
    for (const line of lines) {
      line.sent += sent;
      line.postageGrosze += postage;
      line.awaitingProof += awaiting;
      line.returned += returned;
      line.fiction += fiction;
    }
  }
  const channelOrder = (a: OutgoingFlowRow, b: OutgoingFlowRow): number =>
    OutgoingChannel.options.indexOf(a.key as OutgoingChannel) - OutgoingChannel.options.indexOf(b.key as OutgoingChannel);
  const byKey = (a: OutgoingFlowRow, b: OutgoingFlowRow): number => (a.key === b.key ? 0 : a.key === null ? 1 : b.key === null ? -1 : a.key < b.key ? -1 : 1);
  return {
    query: { from: args.from, to: args.to },
    scope: args.scope === null ? null : [...args.scope],
    channels: [...channels.values()].sort(channelOrder),
    units: [...units.values()].sort(byKey),
    desks: [...desks.values()].sort(byKey),
    total,
  };
}

export type FlowDrillArgs =
  | { readonly report: 'intake'; readonly query: IntakeArgs; readonly group?: IntakeGroup | undefined; readonly measure: IntakeMeasure; readonly limit: number }
  | { readonly report: 'outgoing'; readonly query: OutgoingArgs; readonly group?: OutgoingGroup | undefined; readonly measure: OutgoingMeasure; readonly limit: number };

interface ItemDrillRecord { id: string; rpw_number: string; subject: string | null; unit_code: string | null; assignee: string | null; received_on: string; due_date: string | null }

const ITEM_DRILL_COLUMNS = `i.id, i.rpw_number, i.subject, i.received_on,
  (SELECT r.unit_code FROM item_routes r WHERE ${LIVE_LEAD}) AS unit_code,
  (SELECT p.display_name FROM item_routes r JOIN people p ON p.login = r.assignee_login WHERE ${LIVE_LEAD}) AS assignee,
  (SELECT r.due_date FROM item_routes r WHERE ${LIVE_LEAD}) AS due_date`;

function itemDrillRow(r: ItemDrillRecord): DrillRow {
  return {
    kind: 'item', id: r.id, reference: r.rpw_number, title: r.subject, unitCode: r.unit_code ?? '', handlerName: r.assignee,
    startedOn: r.received_on, dueOn: r.due_date, closedOn: null, netDays: null, onTime: null, notices: 0,
  };
}

/** The letters or RKW entries behind one figure of the intake or outgoing report. */
export function drillFlow(db: Database, args: FlowDrillArgs): DrillResult {
  if (args.report === 'outgoing') return drillOutgoing(db, args.query, args.group, args.measure, args.limit);
  const { query, group, measure } = args;
  if (measure === 'awaitingRouting') {
    if (query.scope !== null) return { total: 0, rows: [] };
    const params = { cutoff: cutoffOf(query.now, query.waitingHours), limit: args.limit };
    const total = awaitingRoutingCount(db, params.cutoff);
    const rows = db.prepare<[typeof params], ItemDrillRecord>(`SELECT ${ITEM_DRILL_COLUMNS} ${AWAITING_ROUTING} ORDER BY i.registered_at, i.entry_no LIMIT @limit`).all(params);
    return { total, rows: rows.map(itemDrillRow) };
  }
  const range = group?.by === 'period' ? periodRange(group.key, query.period) : null;
  const params = {
    from: range === null || range.from < query.from ? query.from : range.from,
    to: range === null || range.to > query.to ? query.to : range.to,
    scope: scopeParam(query.scope),
    desk: group?.by === 'desk' ? group.key : null,
    channel: group?.by === 'channel' ? group.key : null,
    limit: args.limit,
  };
  const scanned = measure === 'scanned' ? 1 : measure === 'notScanned' ? 0 : null;
  // The total from the kept counts, the figure the report showed; the letters from the register.
  const total = db.prepare<[typeof params & { scanned: number | null }], number>(
    `SELECT coalesce(sum(letters), 0) ${intakeCounts(query.scope)}
       AND (@desk IS NULL OR desk_code = @desk) AND (@channel IS NULL OR channel = @channel) AND (@scanned IS NULL OR scanned = @scanned)`,
  ).pluck().get({ ...params, scanned }) ?? 0;
  const rows = db.prepare<[typeof params & { scanned: number | null }], ItemDrillRecord>(
    `SELECT ${ITEM_DRILL_COLUMNS} FROM incoming_items i INDEXED BY incoming_items_intake
     WHERE i.received_on BETWEEN @from AND @to AND i.status = 'registered'
       AND (@scope IS NULL OR i.lead_unit IN (SELECT value FROM json_each(@scope)))
       AND (@desk IS NULL OR i.desk_code = @desk) AND (@channel IS NULL OR i.channel = @channel) AND (@scanned IS NULL OR i.scanned = @scanned)
     ORDER BY i.received_on, i.entry_no LIMIT @limit`,
  ).all({ ...params, scanned });
  return { total, rows: rows.map(itemDrillRow) };
}

const OUTGOING_CONDITION: Readonly<Record<OutgoingMeasure, string>> = {
  sent: '1',
  awaitingProof: AWAITS_PROOF,
  returned: 'o.returned_on IS NOT NULL',
  fiction: "o.delivery_kind = 'awizo_fiction'",
};
/** The outgoing_counts column of each measure. */
const OUTGOING_COUNT: Readonly<Record<OutgoingMeasure, string>> = {
  sent: 'sent', awaitingProof: 'awaiting_proof', returned: 'returned', fiction: 'fiction',
};

function drillOutgoing(db: Database, query: OutgoingArgs, group: OutgoingGroup | undefined, measure: OutgoingMeasure, limit: number): DrillResult {
  const params = {
    from: query.from, to: query.to, scope: scopeParam(query.scope), limit,
    channel: group?.by === 'channel' ? group.key : null,
    desk: group?.by === 'desk' ? group.key : null,
    byUnit: group?.by === 'unit' ? 1 : 0,
    unit: group?.by === 'unit' ? group.key : null,
  };
  const where = `${OUTGOING_FROM} AND (@channel IS NULL OR o.channel = @channel) AND (@desk IS NULL OR o.desk_code = @desk)
    AND (@byUnit = 0 OR c.unit_code IS @unit) AND ${OUTGOING_CONDITION[measure]}`;
  const total = db.prepare<[typeof params], number>(
    `SELECT coalesce(sum(${OUTGOING_COUNT[measure]}), 0) ${OUTGOING_COUNTS}
       AND (@channel IS NULL OR channel = @channel) AND (@desk IS NULL OR desk_code = @desk) AND (@byUnit = 0 OR unit_code = coalesce(@unit, ''))`,
  ).pluck().get(params) ?? 0;
  const rows = db.prepare<[typeof params], { id: string; desk_code: string; sequence: number; year: number; subject: string; addressee_name: string; unit_code: string | null; sent_on: string; delivered_on: string | null; returned_on: string | null }>(
    `SELECT o.id, o.desk_code, o.sequence, o.year, o.subject, o.addressee_name, c.unit_code, o.sent_on, o.delivered_on, o.returned_on
     ${where} ORDER BY o.sent_on, o.letter_no LIMIT @limit`,
  ).all(params);
  return {
    total,
    rows: rows.map((r): DrillRow => ({
      kind: 'outgoing', id: r.id, reference: formatRkwNumber(r.desk_code, r.sequence, r.year), title: `${r.subject} — ${r.addressee_name}`,
      unitCode: r.unit_code ?? '', handlerName: null, startedOn: r.sent_on, dueOn: null, closedOn: r.delivered_on ?? r.returned_on, netDays: null, onTime: null, notices: 0,
    })),
  };
}
