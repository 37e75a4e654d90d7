import { fromDay, type IsoDate, toDay } from './dates.ts';
import { isWorkingDayDay } from './holidays.ts';
import { caseDeadline, type CaseDeadline, type CaseDeadlineInput } from './case-deadline.ts';
import { type Pause, pausedDaysWithin, pauseSpans } from './pauses.ts';

export type DeadlineState = 'due' | 'dueSoon' | 'overdue' | 'paused' | 'closed' | 'withoutDelay';

export interface CaseStatusInput extends CaseDeadlineInput {
  readonly closedOn?: IsoDate | null;
}

export interface CaseStatusOptions {
  /** `dueSoon` when the due date is at most this many calendar days away (domain.md §7 reports ≤ 3 and ≤ 7). */
  readonly soonDays?: number;
}

export interface CaseStatus {
  /**
   * `closed` once closed; `overdue` past the current due date; `paused` while a pause holds the
   * term; `withoutDelay` for a "niezwłocznie" matter with no date set; else `dueSoon` or `due`.
   */
  readonly state: DeadlineState;
  /** The due dates as known on the day asked about. */
  readonly deadline: CaseDeadline;
  /** Calendar days from `asOf` to the current (adjusted) due date; negative when overdue. */
  readonly calendarDaysLeft: number | null;
  /** Office working days after `asOf` up to the due date; negative (days past it) when overdue. */
  readonly workingDaysLeft: number | null;
  /** Calendar days from the start to closure (or `asOf`). */
  readonly grossDays: number;
  readonly pausedDays: number;
  /** `grossDays − pausedDays`: the processing time reports and public tracking show (domain.md §7). */
  readonly processingDays: number;
  /** Closed cases: closed on or before the current due date. */
  readonly onTime: boolean | null;
}

export const DUE_SOON_DAYS = 3;

/**
 * The state of a case on `asOf`, from what had happened by then: pauses and notices after
 * `asOf` are left out, and a closure after `asOf` does not count yet, so a report as of a past
 * day shows that day's picture. A pause still open at closure ends with the closure.
 */
export function caseStatus(input: CaseStatusInput, asOf: IsoDate, options: CaseStatusOptions = {}): CaseStatus {
  const soonDays = options.soonDays ?? DUE_SOON_DAYS;
  if (!Number.isSafeInteger(soonDays) || soonDays < 0) throw new RangeError(`soonDays must be a whole number ≥ 0: ${soonDays}`);
  const today = toDay(asOf);
  const startDay = toDay(input.startedOn);
  const closedDay = input.closedOn === undefined || input.closedOn === null ? null : toDay(input.closedOn);
  const closed = closedDay !== null && closedDay <= today;
  const until = closed ? closedDay : today;

  const pauses = knownPauses(input.pauses ?? [], until, closed);
  const extensions = (input.extensions ?? []).filter((extension) => toDay(extension.noticeOn) <= until);
  const deadline = caseDeadline({ ...input, pauses, extensions });
  const dueDay = deadline.current === null ? null : toDay(deadline.current.adjusted);

  const grossDays = Math.max(0, until - startDay);
  const pausedDays = pausedDaysWithin(pauseSpans(pauses, startDay), startDay, until);
  const calendarDaysLeft = closed || dueDay === null ? null : dueDay - today;

  return {
    state: stateOf(closed, deadline, calendarDaysLeft, inPause(pauses, today), soonDays),
    deadline,
    calendarDaysLeft,
    workingDaysLeft: calendarDaysLeft === null || dueDay === null ? null : workingDaysBetween(today, dueDay),
    grossDays,
    pausedDays,
    processingDays: grossDays - pausedDays,
    onTime: closed && dueDay !== null ? closedDay <= dueDay : null,
  };
}

function stateOf(closed: boolean, deadline: CaseDeadline, daysLeft: number | null, pausedToday: boolean, soonDays: number): DeadlineState {
  if (closed) return 'closed';
  // A pause that began after the term ran out does not revive it.
  if (daysLeft !== null && daysLeft < 0) return 'overdue';
  if (deadline.paused || pausedToday) return 'paused';
  if (daysLeft === null) return 'withoutDelay';
  return daysLeft <= soonDays ? 'dueSoon' : 'due';
}

/**
 * Pauses begun by `until`; a recorded end after it stays (a party's statutory time is known in
 * advance), except at closure, where a pause still running ends with the case.
 */
function knownPauses(pauses: readonly Pause[], until: number, closed: boolean): Pause[] {
  const known: Pause[] = [];
  for (const pause of pauses) {
    if (toDay(pause.from) > until) continue;
    const runsPastUntil = pause.to === null || toDay(pause.to) > until;
    known.push(closed && runsPastUntil ? { ...pause, to: fromDay(until) } : pause);
  }
  return known;
}

/**
 * For display: shown paused from the day the pause is recorded to the day before it ends (on that
 * day the clerk has the documents again). Which days are not counted is pauses.ts's business.
 */
function inPause(pauses: readonly Pause[], today: number): boolean {
  return pauses.some((pause) => toDay(pause.from) <= today && (pause.to === null || today < toDay(pause.to)));
}

/** Working days in `from + 1 … to`, or minus those in `to + 1 … from` when `to` is earlier. */
function workingDaysBetween(from: number, to: number): number {
  const [low, high, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let day = low + 1; day <= high; day++) if (isWorkingDayDay(day)) count++;
  return sign * count;
}
