/**
 * PESEL keeps only two digits of the year; the century is folded into the month as an offset of
 * 80 (1800s), 0 (1900s), 20 (2000s), 40 (2100s) or 60 (2200s).
 */
const CENTURY_BY_MONTH_OFFSET: ReadonlyMap<number, number> = new Map([
  [80, 1800],
  [0, 1900],
  [20, 2000],
  [40, 2100],
  [60, 2200],
]);

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** The birth date encoded in the first six digits, or null when no real calendar day matches. */
export function decodePeselDate(digits: string): CalendarDate | null {
  const yy = Number(digits.slice(0, 2));
  const encodedMonth = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  // Offsets are multiples of 20 and months are 1–12, so the remainder is the month.
  const month = encodedMonth % 20;
  const century = CENTURY_BY_MONTH_OFFSET.get(encodedMonth - month);
  if (century === undefined || month < 1 || month > 12) return null;
  const year = century + yy;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function toIsoDate({ year, month, day }: CalendarDate): string {
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

/** Gregorian rule: 1800, 1900, 2100 and 2200 are not leap years, 2000 is. */
function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
