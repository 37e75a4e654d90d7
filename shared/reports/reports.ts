import { z } from 'zod';
import { IntakeGroup, IntakeMeasure, IntakeQuery, OutgoingGroup, OutgoingMeasure, OutgoingReportQuery } from './flow.ts';

/**
 * Supervisor reports as the contract carries them (issue "Supervisor reports"; definitions in
 * metrics.ts). Every figure has a drill-down: the same filters plus a group and a measure give
 * the cases or letters behind that one cell.
 */

export const ReportGrouping = z.enum(['unit', 'handler', 'jrwa', 'matterType']);
export type ReportGrouping = z.infer<typeof ReportGrouping>;

/** The open-cases report groups by who holds the work. */
export const OpenGrouping = z.enum(['unit', 'handler']);
export type OpenGrouping = z.infer<typeof OpenGrouping>;

/** Groups smaller than this get counts only: no shares, no medians, no ranking. */
export const DEFAULT_MIN_COUNT = 5;

const isoDate = z.iso.date({ error: 'validation.date' });

export const TimelinessQuery = z.object({
  /** Closure dates from … to, both included (the office's calendar days). */
  from: isoDate,
  to: isoDate,
  groupBy: ReportGrouping.default('unit'),
  minCount: z.number().int().min(1).max(1000).default(DEFAULT_MIN_COUNT),
}).refine((q) => q.from <= q.to, { error: 'validation.periodReversed', path: ['to'] });
export type TimelinessQuery = z.input<typeof TimelinessQuery>;

/** The timeliness trend: the 12 calendar months ending with the month of `to`. */
export const TimelinessTrendQuery = z.object({ to: isoDate });
export type TimelinessTrendQuery = z.input<typeof TimelinessTrendQuery>;
export const TREND_MONTHS = 12;

export const TrendMonth = z.object({
  /** YYYY-MM */
  month: z.string(),
  closed: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  onTimeShare: z.number().nullable(),
});
export type TrendMonth = z.infer<typeof TrendMonth>;
export const TimelinessTrend = z.object({ scope: z.array(z.string()).nullable(), months: z.array(TrendMonth) });
export type TimelinessTrend = z.infer<typeof TimelinessTrend>;

export const OpenQuery = z.object({
  asOf: isoDate,
  groupBy: OpenGrouping.default('unit'),
});
export type OpenQuery = z.input<typeof OpenQuery>;

/** A group's key (null: no handler, no class) and how people read it. */
const GroupHead = z.object({ key: z.string().nullable(), label: z.string() });

export const TimelinessRow = GroupHead.extend({
  closed: z.number().int(),
  withDeadline: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  onTimeShare: z.number().nullable(),
  medianDays: z.number().nullable(),
  p90Days: z.number().nullable(),
  withFirstAction: z.number().int(),
  medianFirstActionDays: z.number().nullable(),
  medianResolutionDays: z.number().nullable(),
  notices: z.number().int(),
  /** Letters registered in the period, routed here and not yet accepted by anyone; null where the grouping cannot say (a letter has no class before a case). */
  notActedOn: z.number().int().nullable(),
  belowMinimum: z.boolean(),
});
export type TimelinessRow = z.infer<typeof TimelinessRow>;

/** How long cases took, net of pauses: the bands of the distribution chart (days, both ends included; null: and more). */
export const DURATION_BANDS: readonly (readonly [number, number | null])[] = [[0, 7], [8, 14], [15, 30], [31, 60], [61, 90], [91, null]];
export const DurationBand = z.object({ from: z.number().int(), to: z.number().int().nullable(), cases: z.number().int() });
export type DurationBand = z.infer<typeof DurationBand>;

export const TimelinessReport = z.object({
  query: z.object({ from: z.string(), to: z.string(), groupBy: ReportGrouping, minCount: z.number().int() }),
  /** Null: every unit (the city secretary); else the units the reader heads, sections included. */
  scope: z.array(z.string()).nullable(),
  rows: z.array(TimelinessRow),
  total: TimelinessRow,
  /** The period's closed cases by days net of pauses, in DURATION_BANDS. */
  durations: z.array(DurationBand),
});
export type TimelinessReport = z.infer<typeof TimelinessReport>;

export const OpenRow = GroupHead.extend({
  open: z.number().int(),
  overdue: z.number().int(),
  dueIn3: z.number().int(),
  /** Includes those due within 3 days. */
  dueIn7: z.number().int(),
  oldestStartedOn: z.string().nullable(),
  oldestDays: z.number().int().nullable(),
});
export type OpenRow = z.infer<typeof OpenRow>;

export const OpenReport = z.object({
  query: z.object({ asOf: z.string(), groupBy: OpenGrouping }),
  scope: z.array(z.string()).nullable(),
  rows: z.array(OpenRow),
  total: OpenRow,
});
export type OpenReport = z.infer<typeof OpenReport>;

export const TimelinessMeasure = z.enum(['closed', 'onTime', 'late', 'noDeadline', 'notices', 'notActedOn']);
export type TimelinessMeasure = z.infer<typeof TimelinessMeasure>;
export const OpenMeasure = z.enum(['open', 'overdue', 'dueIn3', 'dueIn7', 'oldest']);
export type OpenMeasure = z.infer<typeof OpenMeasure>;

/** `group: undefined` drills the total line; `null` the group without a key (no handler). */
export const DrillQuery = z.discriminatedUnion('report', [
  z.object({
    report: z.literal('timeliness'),
    query: TimelinessQuery,
    group: z.string().nullable().optional(),
    measure: TimelinessMeasure,
    limit: z.number().int().min(1).max(5000).default(500),
  }),
  z.object({
    report: z.literal('open'),
    query: OpenQuery,
    group: z.string().nullable().optional(),
    measure: OpenMeasure,
    limit: z.number().int().min(1).max(5000).default(500),
  }),
  z.object({
    report: z.literal('intake'),
    query: IntakeQuery,
    group: IntakeGroup.optional(),
    measure: IntakeMeasure,
    limit: z.number().int().min(1).max(5000).default(500),
  }),
  z.object({
    report: z.literal('outgoing'),
    query: OutgoingReportQuery,
    group: OutgoingGroup.optional(),
    measure: OutgoingMeasure,
    limit: z.number().int().min(1).max(5000).default(500),
  }),
]);
export type DrillQuery = z.input<typeof DrillQuery>;

/** One case or letter behind a figure; `kind` says which detail page it opens. */
export const DrillRow = z.object({
  /** `outgoing`: an RKW entry (reference is its RKW number, id its case or null-case letter id). */
  kind: z.enum(['case', 'item', 'outgoing']),
  id: z.string(),
  /** Znak sprawy, or the RPW number of a letter. */
  reference: z.string(),
  title: z.string().nullable(),
  unitCode: z.string(),
  handlerName: z.string().nullable(),
  startedOn: z.string(),
  dueOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  netDays: z.number().int().nullable(),
  onTime: z.boolean().nullable(),
  notices: z.number().int(),
});
export type DrillRow = z.infer<typeof DrillRow>;

/**
 * Closed cases' outcomes being computed before a report (after an upgrade or a change of the
 * deadline rules, once): how many are done of how many.
 */
export const OutcomesProgress = z.object({ done: z.number().int().min(0), total: z.number().int().min(0) });
export type OutcomesProgress = z.infer<typeof OutcomesProgress>;

export const DrillResult = z.object({ total: z.number().int(), rows: z.array(DrillRow) });
export type DrillResult = z.infer<typeof DrillResult>;

export const ReportExportFormat = z.enum(['xlsx', 'csv', 'pdf']);
export type ReportExportFormat = z.infer<typeof ReportExportFormat>;

export const ReportExportRequest = z.discriminatedUnion('report', [
  z.object({ report: z.literal('timeliness'), query: TimelinessQuery, format: ReportExportFormat }),
  z.object({ report: z.literal('open'), query: OpenQuery, format: ReportExportFormat }),
  z.object({ report: z.literal('intake'), query: IntakeQuery, format: ReportExportFormat }),
  z.object({ report: z.literal('outgoing'), query: OutgoingReportQuery, format: ReportExportFormat }),
]);
export type ReportExportRequest = z.input<typeof ReportExportRequest>;

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An exported report: the spreadsheet, CSV or PDF, with the filters stated at its top. */
export const ReportFile = z.object({
  fileName: z.string(),
  mediaType: z.enum(['application/pdf', 'text/csv', XLSX_MEDIA_TYPE]),
  base64: z.string(),
});
export type ReportFile = z.infer<typeof ReportFile>;
