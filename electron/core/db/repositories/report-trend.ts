import type { Database } from 'better-sqlite3';
import { addMonths } from '../../../../shared/deadlines/dates.ts';
import { firstOfMonth, lastOfMonth } from '../../../../shared/dates.ts';
import { TREND_MONTHS, type TimelinessTrend, type TrendMonth } from '../../../../shared/reports/reports.ts';
import { refreshCaseOutcomes } from './reports.ts';

interface TrendArgs {
  /** Any day of the trend's last month. */
  readonly to: string;
  readonly scope: readonly string[] | null;
}

/**
 * Whether timeliness is getting better: cases closed per calendar month of the 12 up to `to`'s
 * month, and how many on time, from the kept outcomes (one range of the closed-on index, covering).
 * Months with nothing closed are there with zeros, so the chart's axis is the calendar.
 */
export function timelinessTrend(db: Database, args: TrendArgs): TimelinessTrend {
  refreshCaseOutcomes(db);
  const from = firstOfMonth(args.to, -(TREND_MONTHS - 1));
  const scoped = args.scope === null ? '' : 'AND o.unit_code IN (SELECT value FROM json_each(@scope))';
  const rows = db.prepare<[{ from: string; to: string; scope?: string }], [string, number, number, number]>(
    `SELECT substr(o.closed_on, 1, 7), count(*), total(o.on_time = 1), total(o.on_time = 0)
     FROM case_outcomes o INDEXED BY case_outcomes_by_closed_on
     WHERE o.closed_on BETWEEN @from AND @to ${scoped}
     GROUP BY 1`,
  ).raw().all({ from, to: lastOfMonth(args.to, 0), ...(args.scope === null ? {} : { scope: JSON.stringify(args.scope) }) });
  const found = new Map(rows.map(([month, closed, onTime, late]) => [month, { closed, onTime, late }]));
  const months: TrendMonth[] = [];
  for (let i = 0; i < TREND_MONTHS; i++) {
    const month = addMonths(from, i).slice(0, 7);
    const { closed, onTime, late } = found.get(month) ?? { closed: 0, onTime: 0, late: 0 };
    // Cases with no statutory deadline are neither: the share is of those that had one.
    months.push({ month, closed, onTime, late, onTimeShare: onTime + late === 0 ? null : onTime / (onTime + late) });
  }
  return { scope: args.scope === null ? null : [...args.scope], months };
}
