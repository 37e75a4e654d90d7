/**
 * Calendar days as integers: day 0 is 1970-01-01. Statutory terms count whole calendar days in
 * Poland, so the engine never needs a time of day or a time zone; integers cannot drift across a
 * DST change the way `Date` arithmetic can, and they cost no allocation in the hot paths.
 *
 * Conversions follow H. Hinnant's `days_from_civil` / `civil_from_days` (proleptic Gregorian).
 * Across the module, a function whose name ends in `Day` takes or returns a day number.
 */

/** ISO weekday numbers: Monday 1 … Sunday 7. */
export const SATURDAY = 6;
export const SUNDAY = 7;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Gregorian rule: 1900 and 2100 are not leap years, 2000 is. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

export function dayNumber(year: number, month: number, day: number): number {
  // Years start in March here, so the leap day is the last day of the (shifted) year.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export interface Civil {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Year, month (1–12) and day of month of a day number. */
export function civil(day: number): Civil {
  const shifted = day + 719468;
  const era = Math.floor(shifted / 146097);
  const dayOfEra = shifted - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1,
  };
}

/** ISO weekday of a day number: 1970-01-01 was a Thursday (4). */
export function weekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/**
 * Same day-of-month `months` later; when that day does not exist, the last day of the month
 * (KPA art. 57 § 3: 31 January + 1 month ends on 28 or 29 February).
 */
export function addMonthsToCivil(year: number, month: number, day: number, months: number): number {
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return dayNumber(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}
