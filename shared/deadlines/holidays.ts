import { fromDay, type IsoDate, toDay } from './dates.ts';
import { civil, dayNumber, SATURDAY, SUNDAY, weekday } from './day-number.ts';
import { easterSundayDay } from './easter.ts';

/**
 * Polish public holidays (ustawa z 18.01.1951 o dniach wolnych od pracy, art. 1), domain.md §4.3.
 * Rules carry the day they took effect, so an old case recomputes under the law of its time:
 * a holiday counts only when it falls on or after its rule's `since`. Changes before 1991 (3 May
 * restored in 1990, 22 July abolished) are not modelled: no live case is that old.
 */
interface HolidayRule {
  readonly name: string;
  /** Day number of the holiday in `year`. */
  readonly on: (year: number) => number;
  /** Day number from which the rule is law; -Infinity for rules in force since before 1991. */
  readonly since: number;
}

export interface Holiday {
  readonly date: IsoDate;
  readonly name: string;
}

const ALWAYS = Number.NEGATIVE_INFINITY;

function fixed(month: number, day: number): (year: number) => number {
  return (year) => dayNumber(year, month, day);
}

function afterEaster(days: number): (year: number) => number {
  return (year) => easterSundayDay(year) + days;
}

const RULES: readonly HolidayRule[] = [
  { name: 'Nowy Rok', on: fixed(1, 1), since: ALWAYS },
  // Restored by the 2010 amendment; 6 January 2011 was the first one (domain.md §4.3).
  { name: 'Święto Trzech Króli', on: fixed(1, 6), since: dayNumber(2011, 1, 1) },
  { name: 'Wielkanoc', on: afterEaster(0), since: ALWAYS },
  { name: 'Poniedziałek Wielkanocny', on: afterEaster(1), since: ALWAYS },
  { name: 'Święto Pracy', on: fixed(5, 1), since: ALWAYS },
  { name: 'Święto Konstytucji 3 Maja', on: fixed(5, 3), since: ALWAYS },
  // Always a Sunday: listed because the statute lists it, it changes no term.
  { name: 'Zielone Świątki', on: afterEaster(49), since: ALWAYS },
  { name: 'Boże Ciało', on: afterEaster(60), since: ALWAYS },
  { name: 'Wniebowzięcie Najświętszej Maryi Panny', on: fixed(8, 15), since: ALWAYS },
  { name: 'Wszystkich Świętych', on: fixed(11, 1), since: ALWAYS },
  { name: 'Narodowe Święto Niepodległości', on: fixed(11, 11), since: ALWAYS },
  // The amendment took effect on 1.02.2025, so 24.12.2024 was a working day and 24.12.2025 the first holiday.
  { name: 'Wigilia Bożego Narodzenia', on: fixed(12, 24), since: dayNumber(2025, 2, 1) },
  { name: 'Boże Narodzenie (pierwszy dzień)', on: fixed(12, 25), since: ALWAYS },
  { name: 'Boże Narodzenie (drugi dzień)', on: fixed(12, 26), since: ALWAYS },
];

function holidayDaysOf(year: number): { readonly day: number; readonly name: string }[] {
  const holidays: { day: number; name: string }[] = [];
  for (const rule of RULES) {
    const day = rule.on(year);
    if (day >= rule.since) holidays.push({ day, name: rule.name });
  }
  return holidays.sort((a, b) => a.day - b.day);
}

const byYear = new Map<number, readonly Holiday[]>();

/** The holidays of `year` in date order, under the rules in force on each day. */
export function holidaysOf(year: number): readonly Holiday[] {
  let holidays = byYear.get(year);
  if (holidays === undefined) {
    holidays = Object.freeze(holidayDaysOf(year).map(({ day, name }) => Object.freeze({ date: fromDay(day), name })));
    byYear.set(year, holidays);
  }
  return holidays;
}

/*
 * Hot-path lookup by day number: one flag per day over a contiguous run of whole years, grown on
 * demand. Deadline arithmetic asks about a handful of days per case, a million cases per report,
 * and indexing a typed array is cheaper than hashing into a set.
 */
let flags = new Uint8Array(0);
let firstCoveredYear = 0;
let lastCoveredYear = -1;
let firstCoveredDay = 0;

function cover(year: number): void {
  const from = lastCoveredYear < firstCoveredYear ? year : Math.min(year, firstCoveredYear);
  const to = lastCoveredYear < firstCoveredYear ? year : Math.max(year, lastCoveredYear);
  const firstDay = dayNumber(from, 1, 1);
  const grown = new Uint8Array(dayNumber(to, 12, 31) - firstDay + 1);
  for (let y = from; y <= to; y++) {
    for (const holiday of holidayDaysOf(y)) grown[holiday.day - firstDay] = 1;
  }
  flags = grown;
  firstCoveredYear = from;
  lastCoveredYear = to;
  firstCoveredDay = firstDay;
}

/** Whether a day number is a statutory holiday (Sundays as such are not in the list). */
export function isHolidayDay(day: number): boolean {
  const index = day - firstCoveredDay;
  if (index < 0 || index >= flags.length) {
    cover(civil(day).year);
    return flags[day - firstCoveredDay] === 1;
  }
  return flags[index] === 1;
}

/** A day the statute makes free of work: every Sunday and every holiday (ustawa 1951, art. 1). */
export function isDayOffDay(day: number): boolean {
  return weekday(day) === SUNDAY || isHolidayDay(day);
}

/** A statutory holiday from the list (a plain Sunday is not one; see `isStatutoryDayOff`). */
export function isHoliday(date: IsoDate): boolean {
  return isHolidayDay(toDay(date));
}

/** Sunday or a holiday: a "dzień ustawowo wolny od pracy" in the sense of KPA art. 57 § 4. */
export function isStatutoryDayOff(date: IsoDate): boolean {
  return isDayOffDay(toDay(date));
}

/** An office working day: Monday to Friday and not a holiday (for "working days left"). */
export function isWorkingDayDay(day: number): boolean {
  return weekday(day) < SATURDAY && !isHolidayDay(day);
}

export function isWorkingDay(date: IsoDate): boolean {
  return isWorkingDayDay(toDay(date));
}
