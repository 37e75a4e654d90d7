import { fromDay, type IsoDate, parseCivil, toDay } from './dates.ts';
import { addMonthsToCivil, type Civil, dayNumber, SATURDAY, weekday } from './day-number.ts';
import { isDayOffDay } from './holidays.ts';

/** KPA art. 57: terms in days (§ 1), weeks (§ 2), months (§ 3) and years (§ 3a). */
export type TermUnit = 'days' | 'weeks' | 'months' | 'years';

export interface Term {
  readonly amount: number;
  readonly unit: TermUnit;
}

/**
 * A due date both ways, as domain.md §4.2 recommends while it is debated whether art. 57 § 4
 * moves the organ's own deadline: `statutory` is the plain end of the term, `adjusted` the day it
 * ends after § 4 (the one the engine uses for statuses and reports).
 */
export interface DueDate {
  readonly statutory: IsoDate;
  readonly adjusted: IsoDate;
}

/**
 * § 4 named Saturdays only from the amendment in force on 1.06.2017; before it the text said
 * "dzień ustawowo wolny od pracy" alone, and a Saturday is not one under the 1951 act. The rule
 * is applied by the day the term ends.
 */
export const SATURDAY_RULE_SINCE: IsoDate = '2017-06-01';
const SATURDAY_RULE_SINCE_DAY = dayNumber(2017, 6, 1);

/**
 * The day the term ends under art. 57 §§ 1–3a, before § 4: the day of the event is not counted,
 * so N days end N days after it; weeks end on the same weekday; months and years on the same day
 * number, or the month's last day when it has none.
 */
export function termEnd(event: IsoDate, term: Term): IsoDate {
  return fromDay(termEndDay(event, term));
}

export function termEndDay(event: IsoDate, term: Term): number {
  return termEndFromCivil(parseCivil(event), term);
}

/** `termEndDay` for an event already parsed (the case engine parses each start date once). */
export function termEndFromCivil(event: Civil, term: Term): number {
  const amount = term.amount;
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`A term is a whole number of units: ${amount}`);
  switch (term.unit) {
    case 'days':
      return dayNumber(event.year, event.month, event.day) + amount;
    case 'weeks':
      return dayNumber(event.year, event.month, event.day) + 7 * amount;
    case 'months':
      return addMonthsToCivil(event.year, event.month, event.day, amount);
    case 'years':
      return addMonthsToCivil(event.year, event.month, event.day, 12 * amount);
  }
}

/**
 * Art. 57 § 4: an end on a Sunday, a holiday or (from 1.06.2017) a Saturday moves to the next day
 * that is none of these. Office days off (a day given back for a Saturday holiday, a bridge day)
 * are not statutory and move nothing (domain.md §4.2).
 */
export function rollForwardDay(day: number): number {
  let end = day;
  while (isDayOffDay(end) || (end >= SATURDAY_RULE_SINCE_DAY && weekday(end) === SATURDAY)) end += 1;
  return end;
}

export function rollForward(date: IsoDate): IsoDate {
  return fromDay(rollForwardDay(toDay(date)));
}

/** The end of a term running from `event`, plain and after § 4. */
export function kpaDueDate(event: IsoDate, term: Term): DueDate {
  return dueDateOf(termEndDay(event, term));
}

export function dueDateOf(statutoryDay: number): DueDate {
  return { statutory: fromDay(statutoryDay), adjusted: fromDay(rollForwardDay(statutoryDay)) };
}
