import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type {
  DrillResult, OpenGrouping, OpenMeasure, OpenReport, OpenRow, ReportExportFormat, ReportFile, ReportGrouping, TimelinessMeasure, TimelinessReport, TimelinessRow,
  TimelinessTrend,
} from '../../shared/reports/reports.ts';
import { DEFAULT_MIN_COUNT } from '../../shared/reports/reports.ts';
import {
  DEFAULT_WAITING_HOURS, type FlowPeriod, type IntakeGroup, type IntakeMeasure, type IntakeReport, type OutgoingFlowReport, type OutgoingGroup, type OutgoingMeasure,
} from '../../shared/reports/flow.ts';
import { RpcError, type ErrorCode } from '../../shared/result.ts';
import { useApi } from '../api/index.ts';
import { firstOfMonth, lastOfMonth, officeToday } from '../format/dates.ts';
import { compareValues, nextDirection, type SortDirection } from '../format/table-sort.ts';

export type ReportKind = 'timeliness' | 'open' | 'intake' | 'outgoing';
export type TimelinessColumn = Exclude<keyof TimelinessRow, 'key' | 'belowMinimum'>;
export type OpenColumn = Exclude<keyof OpenRow, 'key'>;

/** Columns that rank groups: a group below the minimum count has none of them and sorts last. */
const RANKING: ReadonlySet<string> = new Set(['onTimeShare', 'medianDays', 'p90Days', 'medianFirstActionDays', 'medianResolutionDays']);

/** The previous calendar month: what a supervisor looks at on the first working days of a month. */
export function previousMonth(today: string): { from: string; to: string } {
  return { from: firstOfMonth(today, -1), to: lastOfMonth(today, -1) };
}

export interface DrillState {
  readonly report: ReportKind;
  readonly measure: TimelinessMeasure | OpenMeasure | IntakeMeasure | OutgoingMeasure;
  /** Undefined: the total line. */
  readonly group: string | null | IntakeGroup | OutgoingGroup | undefined;
  readonly groupLabel: string;
  readonly result: DrillResult | null;
  readonly errorCode: ErrorCode | null;
}


/**
 * Supervisor reports: the filters (period or day, grouping, minimum count), the answers, the
 * table's sort and the drill-down list. A store, so the filters survive opening a case and coming back.
 */
export const useReportsStore = defineStore('reports', () => {
  const kind = ref<ReportKind>('timeliness');
  const period = ref(previousMonth(officeToday()));
  const asOf = ref(officeToday());
  const groupBy = ref<ReportGrouping>('unit');
  const openGroupBy = ref<OpenGrouping>('unit');
  const minCount = ref(DEFAULT_MIN_COUNT);
  const timeliness = ref<TimelinessReport | null>(null);
  /** The year up to the report's last month, asked after the report so the table is not kept waiting. */
  const trend = ref<TimelinessTrend | null>(null);
  const open = ref<OpenReport | null>(null);
  const flowPeriod = ref<FlowPeriod>('week');
  const waitingHours = ref(DEFAULT_WAITING_HOURS);
  const intake = ref<IntakeReport | null>(null);
  const outgoing = ref<OutgoingFlowReport | null>(null);
  const loading = ref(false);
  const errorCode = ref<ErrorCode | null>(null);
  const sort = ref<{ column: string; direction: SortDirection }>({ column: 'label', direction: 'asc' });
  const drill = ref<DrillState | null>(null);
  let asked = 0;
  let drillAsked = 0;

  const timelinessQuery = computed(() => ({ from: period.value.from, to: period.value.to, groupBy: groupBy.value, minCount: minCount.value }));
  const openQuery = computed(() => ({ asOf: asOf.value, groupBy: openGroupBy.value }));
  const intakeQuery = computed(() => ({ from: period.value.from, to: period.value.to, period: flowPeriod.value, waitingHours: waitingHours.value }));
  const outgoingQuery = computed(() => ({ from: period.value.from, to: period.value.to }));
  const periodValid = computed(() => period.value.from !== '' && period.value.to !== '' && period.value.from <= period.value.to);

  async function load(): Promise<void> {
    const mine = ++asked;
    drill.value = null;
    if (kind.value !== 'open' && !periodValid.value) {
      errorCode.value = 'invalid_input';
      return;
    }
    loading.value = true;
    try {
      switch (kind.value) {
        case 'timeliness': {
          const answer = await useApi().call('reports.timeliness', timelinessQuery.value);
          if (mine === asked) {
            timeliness.value = answer;
            void loadTrend(mine, answer.query.to);
          }
          break;
        }
        case 'open': {
          const answer = await useApi().call('reports.open', openQuery.value);
          if (mine === asked) open.value = answer;
          break;
        }
        case 'intake': {
          const answer = await useApi().call('reports.intake', intakeQuery.value);
          if (mine === asked) intake.value = answer;
          break;
        }
        case 'outgoing': {
          const answer = await useApi().call('reports.outgoing', outgoingQuery.value);
          if (mine === asked) outgoing.value = answer;
          break;
        }
      }
      if (mine === asked) errorCode.value = null;
    } catch (error) {
      if (mine === asked) errorCode.value = error instanceof RpcError ? error.code : 'internal';
    } finally {
      if (mine === asked) loading.value = false;
    }
  }

  async function loadTrend(mine: number, to: string): Promise<void> {
    trend.value = null;
    try {
      const answer = await useApi().call('reports.timelinessTrend', { to });
      if (mine === asked) trend.value = answer;
    } catch {
      // The chart is a view of figures the table already has: without it the report still stands.
      if (mine === asked) trend.value = null;
    }
  }

  function sortBy(column: string): void {
    sort.value = { column, direction: nextDirection(sort.value, column) };
  }

  function sorted<Row extends { key: string | null; belowMinimum?: boolean }>(rows: readonly Row[]): Row[] {
    const { column, direction } = sort.value;
    return [...rows].sort((a, b) => {
      // No ranking on tiny samples: whatever the direction, they come after the ranked groups.
      if (RANKING.has(column) && Boolean(a.belowMinimum) !== Boolean(b.belowMinimum)) return a.belowMinimum ? 1 : -1;
      return compareValues((a as Record<string, unknown>)[column], (b as Record<string, unknown>)[column], direction);
    });
  }

  const timelinessRows = computed(() => (timeliness.value ? sorted(timeliness.value.rows) : []));
  const openRows = computed(() => (open.value ? sorted(open.value.rows) : []));

  async function drillDown(measure: TimelinessMeasure | OpenMeasure, group: string | null | undefined, groupLabel: string): Promise<void> {
    const mine = ++drillAsked;
    const report = kind.value;
    drill.value = { report, measure, group, groupLabel, result: null, errorCode: null };
    try {
      const base = { ...(group === undefined ? {} : { group }), limit: 500 };
      const result = report === 'timeliness'
        ? await useApi().call('reports.drill', { report, query: timeliness.value?.query ?? timelinessQuery.value, measure: measure as TimelinessMeasure, ...base })
        : await useApi().call('reports.drill', { report: 'open', query: open.value?.query ?? openQuery.value, measure: measure as OpenMeasure, ...base });
      if (mine === drillAsked) drill.value = { report, measure, group, groupLabel, result, errorCode: null };
    } catch (error) {
      if (mine === drillAsked) drill.value = { report, measure, group, groupLabel, result: null, errorCode: error instanceof RpcError ? error.code : 'internal' };
    }
  }

  /** Shows the drill-down of one figure while `fetch` answers; a later click wins over an earlier one. */
  async function showDrill(state: Omit<DrillState, 'result' | 'errorCode'>, fetch: () => Promise<DrillResult>): Promise<void> {
    const mine = ++drillAsked;
    drill.value = { ...state, result: null, errorCode: null };
    try {
      const result = await fetch();
      if (mine === drillAsked) drill.value = { ...state, result, errorCode: null };
    } catch (error) {
      if (mine === drillAsked) drill.value = { ...state, result: null, errorCode: error instanceof RpcError ? error.code : 'internal' };
    }
  }

  /** The letters behind a figure of the intake report (the query on screen). */
  function drillIntake(measure: IntakeMeasure, group: IntakeGroup | undefined, groupLabel: string): Promise<void> {
    const query = intake.value?.query ?? intakeQuery.value;
    return showDrill({ report: 'intake', measure, group, groupLabel }, () =>
      useApi().call('reports.drill', { report: 'intake', query, measure, ...(group === undefined ? {} : { group }), limit: 500 }));
  }

  /** The RKW entries behind a figure of the outgoing report. */
  function drillOutgoing(measure: OutgoingMeasure, group: OutgoingGroup | undefined, groupLabel: string): Promise<void> {
    const query = outgoing.value?.query ?? outgoingQuery.value;
    return showDrill({ report: 'outgoing', measure, group, groupLabel }, () =>
      useApi().call('reports.drill', { report: 'outgoing', query, measure, ...(group === undefined ? {} : { group }), limit: 500 }));
  }

  /** The file of the report on screen: the query it was run with, not filters edited since. */
  function exportFile(format: ReportExportFormat): Promise<ReportFile> {
    switch (kind.value) {
      case 'timeliness':
        return useApi().call('reports.export', { report: 'timeliness', query: timeliness.value?.query ?? timelinessQuery.value, format });
      case 'open':
        return useApi().call('reports.export', { report: 'open', query: open.value?.query ?? openQuery.value, format });
      case 'intake':
        return useApi().call('reports.export', { report: 'intake', query: intake.value?.query ?? intakeQuery.value, format });
      case 'outgoing':
        return useApi().call('reports.export', { report: 'outgoing', query: outgoing.value?.query ?? outgoingQuery.value, format });
    }
  }

  return {
    kind, period, asOf, groupBy, openGroupBy, minCount, timeliness, trend, open, flowPeriod, waitingHours, intake, outgoing, loading, errorCode, sort, drill, periodValid,
    timelinessRows, openRows, load, sortBy, drillDown, drillIntake, drillOutgoing, exportFile,
  };
});
