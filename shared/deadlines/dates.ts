import { addMonthsToCivil, civil, type Civil, dayNumber, daysInMonth, weekday } from './day-number.ts';

/**
 * A calendar date as `YYYY-MM-DD`, the form the contract and the databases already carry
 * (zod `z.iso.date()`). No time and no zone: a statutory term counts calendar days in Poland.
 */
export type IsoDate = string;

/** The Gregorian calendar starts in 1582 and ISO years have four digits. */
const FIRST_YEAR = 1583;
const LAST_YEAR = 9999;

const ZERO = 48;
const HYPHEN = 45;

function digit(text: string, index: number): number {
  const value = text.charCodeAt(index) - ZERO;
  return value >= 0 && value <= 9 ? value : Number.NaN;
}

/** Reads the parts without regexes or `Date`: this runs once per case in reports over a million cases. */
function readCivil(text: string): Civil | null {
  if (text.length !== 10 || text.charCodeAt(4) !== HYPHEN || text.charCodeAt(7) !== HYPHEN) return null;
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const month = digit(text, 5) * 10 + digit(text, 6);
  const day = digit(text, 8) * 10 + digit(text, 9);
  // NaN fails every comparison, so a non-digit anywhere lands here too.
  if (!(year >= FIRST_YEAR && year <= LAST_YEAR && month >= 1 && month <= 12 && day >= 1)) return null;
  if (day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(value: string): boolean {
  return readCivil(value) !== null;
}

/** Wrong dates are programming or data errors upstream (the contract validates input): fail loudly. */
export function parseCivil(date: IsoDate): Civil {
  const parts = readCivil(date);
  if (parts === null) throw new RangeError(`Not a calendar date (YYYY-MM-DD, ${FIRST_YEAR}–${LAST_YEAR}): ${JSON.stringify(date)}`);
  return parts;
}

export function toDay(date: IsoDate): number {
  const { year, month, day } = parseCivil(date);
  return dayNumber(year, month, day);
}

const TWO_DIGITS = Array.from({ length: 32 }, (_, n) => String(n).padStart(2, '0'));

/*
 * Formatting is the costliest step of a due date, and a register's dates fall on a few thousand
 * distinct days: make each string once. Bounded so that a stray loop cannot grow it without end.
 */
const formatted = new Map<number, IsoDate>();
const FORMATTED_MAX = 100_000;

export function fromDay(day: number): IsoDate {
  let text = formatted.get(day);
  if (text === undefined) {
    text = format(day);
    if (formatted.size < FORMATTED_MAX) formatted.set(day, text);
  }
  return text;
}

function format(day: number): IsoDate {
  const parts = civil(day);
  if (parts.year < FIRST_YEAR || parts.year > LAST_YEAR) throw new RangeError(`Date out of range: year ${parts.year}`);
  return `${parts.year}-${TWO_DIGITS[parts.month] ?? ''}-${TWO_DIGITS[parts.day] ?? ''}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDay(toDay(date) + wholeNumber(days));
}

/** Same day of the month; the month's last day when that day does not exist (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseCivil(date);
  return fromDay(addMonthsToCivil(year, month, day, wholeNumber(months)));
}

/** Same day and month; 29 February becomes 28 February in a common year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, wholeNumber(years) * 12);
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function dayOfWeek(date: IsoDate): number {
  return weekday(toDay(date));
}

/** Calendar days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDay(to) - toDay(from);
}

/** Negative, zero or positive, for `Array.prototype.sort`. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return toDay(a) - toDay(b);
}

function wholeNumber(value: number): number {
  if (!Number.isSafeInteger(value)) throw new RangeError(`Not a whole number: ${value}`);
  return value;
}

export { daysInMonth, isLeapYear } from './day-number.ts';
