import { addDays, addMonths } from './deadlines/dates.ts';

/**
 * The office's calendar. Every date in the registers is a Polish legal date: a letter received at
 * 00:30 on 1 January in Opole belongs to the new year's register, whatever zone the machine that
 * records it runs in. The central server and CI boxes run in UTC, a browser may run anywhere, so
 * "which day is it" is never asked of the process's own time zone.
 */
export const OFFICE_TIME_ZONE = 'Europe/Warsaw';

const HOUR_MS = 3_600_000;

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: OFFICE_TIME_ZONE, hourCycle: 'h23',
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});

/**
 * Offsets change only on whole UTC hours in Poland, so one Intl call per hour serves every instant
 * in it: the reports turn hundreds of thousands of timestamps into days, and Intl costs microseconds.
 */
const offsetByHour = new Map<number, number>();

function officeOffsetMs(hour: number): number {
  const cached = offsetByHour.get(hour);
  if (cached !== undefined) return cached;
  const parts = Object.fromEntries(partsFormat.formatToParts(new Date(hour * HOUR_MS)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  const offset = wall - hour * HOUR_MS;
  if (offsetByHour.size > 200_000) offsetByHour.clear();
  offsetByHour.set(hour, offset);
  return offset;
}

/** The calendar day in Poland at `instant`, as YYYY-MM-DD. */
export function officeIsoDate(instant: Date): string {
  const ms = instant.getTime();
  const wall = new Date(ms + officeOffsetMs(Math.floor(ms / HOUR_MS)));
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${String(wall.getUTCFullYear())}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
}

/** The year in Poland at `instant`: the year of the registers (RPW, RKW, case signs). */
export function officeYear(instant: Date): number {
  return Number(officeIsoDate(instant).slice(0, 4));
}

/** Today in Poland. */
export function officeToday(): string {
  return officeIsoDate(new Date());
}

/** The first day of the month `months` away from the month of `isoDate` (negative: back). */
export function firstOfMonth(isoDate: string, months = 0): string {
  return addMonths(`${isoDate.slice(0, 7)}-01`, months);
}

/** The last day of the month `months` away from the month of `isoDate`. */
export function lastOfMonth(isoDate: string, months = 0): string {
  return addDays(firstOfMonth(isoDate, months + 1), -1);
}

/** `2026-11-20T08:15:00.000Z` → `20.11.2026, 09:15` in Polish time, as on every printed paper. */
export function polishDateTime(iso: string): string {
  return new Intl.DateTimeFormat('pl-PL', { dateStyle: 'short', timeStyle: 'short', timeZone: OFFICE_TIME_ZONE }).format(new Date(iso));
}
