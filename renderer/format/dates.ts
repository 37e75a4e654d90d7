/**
 * Dates as the clerk types and reads them. Inputs work in the PC's local time (Polish time on
 * the desks); the contract carries ISO 8601 with the offset, so the local date of the letter is
 * never shifted by a time-zone conversion.
 */

const pad = (n: number): string => String(n).padStart(2, '0');

/** Value for <input type="datetime-local"> holding the current minute. */
export function nowForDateTimeInput(now: Date = new Date()): string {
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/** `2026-11-20T09:15` (local) → `2026-11-20T09:15:00+01:00`; null for an incomplete value. */
export function dateTimeInputToIso(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const local = new Date(y, mo - 1, d, h, mi);
  if (local.getDate() !== d || local.getMonth() !== mo - 1) return null;
  const offset = -local.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${value}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Days for <input type="date"> and report periods: the calendar day in Poland (see shared/dates.ts). */
export { officeIsoDate, officeToday, officeYear, firstOfMonth, lastOfMonth } from '../../shared/dates.ts';
