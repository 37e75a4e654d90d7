import { caseStatus } from '../deadlines/case-status.ts';
import { daysBetween, type IsoDate, toDay } from '../deadlines/dates.ts';
import { caseDeadline, type Extension } from '../deadlines/case-deadline.ts';
import type { MatterType } from '../deadlines/matter-types.ts';
import type { Pause } from '../deadlines/pauses.ts';

/**
 * The supervisor reports' metrics (domain.md §7, FixMyStreet's time_to_mark / time_to_fix in
 * peers.md), as pure functions so the definitions are tested apart from SQL:
 *
 * - `duration = closure_date − start_date − Σ pause_days` (calendar days; pauses as art. 35 § 5
 *   counts them, through the deadline engine).
 * - `on_time = closure_date ≤ due_date`, the due date being the statutory term moved by pauses, or
 *   the date of the latest art. 36 notice issued by the closure (the original is kept beside it).
 * - time to first action: the opening letter's registration day → the first day a clerk accepted
 *   it (dekretacja: routed → assigned → accepted); a case whose letter nobody accepted has none and
 *   is left out of that median (counted, not guessed).
 * - time to resolution: the opening letter's registration day (else the start) → closure, gross.
 * - medians of whole days may end in .5 (the mean of the middle two); P90 is the nearest rank.
 */

/** What a closed case's outcome is computed from. */
export interface ClosedCaseFacts {
  readonly startedOn: IsoDate;
  readonly closedOn: IsoDate;
  /** Null for a matter type the deadline engine does not know: no term, so neither on time nor late. */
  readonly matterType: MatterType | null;
  readonly pauses: readonly Pause[];
  readonly extensions: readonly Extension[];
  /** The office day the opening letter was registered; null for a case opened without a letter. */
  readonly registeredOn: IsoDate | null;
  /** The office day a clerk first accepted the opening letter; null when nobody did. */
  readonly acceptedOn: IsoDate | null;
}

export interface CaseOutcome {
  /** The due date that counted at closure (after notices and pauses); null without a term. */
  readonly dueOn: IsoDate | null;
  /** The statutory due date before any art. 36 notice. */
  readonly originalDueOn: IsoDate | null;
  readonly onTime: boolean | null;
  readonly netDays: number;
  readonly pausedDays: number;
  /** Art. 36 notices issued by the closure. */
  readonly notices: number;
  readonly firstActionDays: number | null;
  readonly resolutionDays: number;
}

export function caseOutcome(facts: ClosedCaseFacts): CaseOutcome {
  const notices = facts.extensions.filter((e) => e.noticeOn <= facts.closedOn).length;
  const fromRegistration = facts.registeredOn ?? facts.startedOn;
  const resolutionDays = Math.max(0, daysBetween(fromRegistration, facts.closedOn));
  const firstActionDays = facts.registeredOn === null || facts.acceptedOn === null ? null : Math.max(0, daysBetween(facts.registeredOn, facts.acceptedOn));
  if (facts.matterType === null) {
    const gross = Math.max(0, daysBetween(facts.startedOn, facts.closedOn));
    return { dueOn: null, originalDueOn: null, onTime: null, netDays: gross, pausedDays: 0, notices, firstActionDays, resolutionDays };
  }
  const status = caseStatus({ startedOn: facts.startedOn, matterType: facts.matterType, pauses: facts.pauses, extensions: facts.extensions, closedOn: facts.closedOn }, facts.closedOn);
  return {
    dueOn: status.deadline.current?.adjusted ?? null,
    originalDueOn: status.deadline.original?.adjusted ?? null,
    onTime: status.onTime,
    netDays: status.processingDays,
    pausedDays: status.pausedDays,
    notices,
    firstActionDays,
    resolutionDays,
  };
}

/** Median of sorted values: the middle one, or the mean of the middle two; null when empty. */
export function median(sorted: ArrayLike<number>): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Nearest-rank percentile of sorted values (P90 of 10 values is the 9th): always a real value. */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

/** One closed case as the timeliness aggregate reads it. */
export interface OutcomeSample {
  readonly onTime: boolean | null;
  readonly netDays: number;
  readonly notices: number;
  readonly firstActionDays: number | null;
  readonly resolutionDays: number;
}

export interface TimelinessFigures {
  readonly closed: number;
  /** Closed cases that had a due date (the share's denominator). */
  readonly withDeadline: number;
  readonly onTime: number;
  readonly late: number;
  /** onTime / withDeadline; null below the minimum count (no percentages on tiny samples). */
  readonly onTimeShare: number | null;
  readonly medianDays: number | null;
  readonly p90Days: number | null;
  /** Cases whose opening letter has an acceptance (the first-action median's sample). */
  readonly withFirstAction: number;
  readonly medianFirstActionDays: number | null;
  readonly medianResolutionDays: number | null;
  readonly notices: number;
  /** Fewer closed cases than the minimum: counts only, no shares or medians, not ranked. */
  readonly belowMinimum: boolean;
}

/** A group's closed cases as counts and sorted day lists: what SQL hands over for a big report. */
export interface OutcomeAggregate {
  readonly closed: number;
  readonly onTime: number;
  readonly late: number;
  readonly notices: number;
  /** Ascending. */
  readonly netDays: ArrayLike<number>;
  /** Ascending; only the cases that have a first action. */
  readonly firstActionDays: ArrayLike<number>;
  /** Ascending. */
  readonly resolutionDays: ArrayLike<number>;
}

export function aggregateOutcomes(samples: readonly OutcomeSample[]): OutcomeAggregate {
  let onTime = 0;
  let late = 0;
  let notices = 0;
  const net: number[] = [];
  const first: number[] = [];
  const resolution: number[] = [];
  for (const s of samples) {
    if (s.onTime === true) onTime++;
    else if (s.onTime === false) late++;
    notices += s.notices;
    net.push(s.netDays);
    resolution.push(s.resolutionDays);
    if (s.firstActionDays !== null) first.push(s.firstActionDays);
  }
  const byNumber = (a: number, b: number): number => a - b;
  return { closed: samples.length, onTime, late, notices, netDays: net.sort(byNumber), firstActionDays: first.sort(byNumber), resolutionDays: resolution.sort(byNumber) };
}

export function timelinessFigures(samples: readonly OutcomeSample[], minCount: number): TimelinessFigures {
  return figuresOf(aggregateOutcomes(samples), minCount);
}

export function figuresOf(a: OutcomeAggregate, minCount: number): TimelinessFigures {
  const belowMinimum = a.closed < minCount;
  const withDeadline = a.onTime + a.late;
  return {
    closed: a.closed,
    withDeadline,
    onTime: a.onTime,
    late: a.late,
    onTimeShare: belowMinimum || withDeadline === 0 ? null : a.onTime / withDeadline,
    medianDays: belowMinimum ? null : median(a.netDays),
    p90Days: belowMinimum ? null : percentile(a.netDays, 90),
    withFirstAction: a.firstActionDays.length,
    medianFirstActionDays: belowMinimum ? null : median(a.firstActionDays),
    medianResolutionDays: belowMinimum ? null : median(a.resolutionDays),
    notices: a.notices,
    belowMinimum,
  };
}

/** Where an open case stands on the report's day, by the report's buckets (domain.md §7). */
export type OpenBucket = 'overdue' | 'dueIn3' | 'dueIn7' | 'later' | 'noDate';

export interface OpenCaseFacts {
  readonly startedOn: IsoDate;
  readonly matterType: MatterType | null;
  readonly pauses: readonly Pause[];
  readonly extensions: readonly Extension[];
}

export interface OpenStanding {
  readonly bucket: OpenBucket;
  readonly dueOn: IsoDate | null;
  readonly daysLeft: number | null;
}

/**
 * An open case on `asOf`: overdue past its due date; due within 3 (and within 7) calendar days,
 * today counting as 0; `noDate` while a pause holds the term, for "niezwłocznie" matters with no
 * date and for matter types the engine does not know. Pauses and notices after `asOf` are unknown then.
 */
export function openStanding(facts: OpenCaseFacts, asOf: IsoDate): OpenStanding {
  if (facts.matterType === null) return { bucket: 'noDate', dueOn: null, daysLeft: null };
  // What caseStatus does for a case not closed, without the working-day count the report does not show.
  const today = toDay(asOf);
  const deadline = caseDeadline({
    startedOn: facts.startedOn,
    matterType: facts.matterType,
    pauses: facts.pauses.filter((pause) => toDay(pause.from) <= today),
    extensions: facts.extensions.filter((extension) => toDay(extension.noticeOn) <= today),
  });
  const dueOn = deadline.current?.adjusted ?? null;
  const daysLeft = dueOn === null ? null : toDay(dueOn) - today;
  if (daysLeft === null) return { bucket: 'noDate', dueOn, daysLeft };
  const bucket: OpenBucket = daysLeft < 0 ? 'overdue' : daysLeft <= 3 ? 'dueIn3' : daysLeft <= 7 ? 'dueIn7' : 'later';
  return { bucket, dueOn, daysLeft };
}

/** "Due within 7 days" includes those due within 3: the buckets nest the way a supervisor reads them. */
export function inMeasure(bucket: OpenBucket, measure: 'overdue' | 'dueIn3' | 'dueIn7'): boolean {
  switch (measure) {
    case 'overdue':
      return bucket === 'overdue';
    case 'dueIn3':
      return bucket === 'dueIn3';
    case 'dueIn7':
      return bucket === 'dueIn3' || bucket === 'dueIn7';
  }
}
