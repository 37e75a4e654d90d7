import { fromDay, type IsoDate, parseCivil, toDay } from './dates.ts';
import { dayNumber } from './day-number.ts';
import { dueDateOf, type DueDate, rollForwardDay, termEndDay, termEndFromCivil } from './kpa.ts';
import type { MatterType } from './matter-types.ts';
import { type Pause, pauseSpans, type PauseSpan } from './pauses.ts';

/**
 * An art. 36 notice: the organ tells the parties why the case is late and names a new date.
 * The law requires one even when the delay is not the organ's fault (domain.md §4.1).
 */
export interface Extension {
  readonly noticeOn: IsoDate;
  readonly newDate: IsoDate;
  readonly reason: string;
}

export interface CaseDeadlineInput {
  /** The day the matter type's term runs from (`MatterType.runsFrom`). */
  readonly startedOn: IsoDate;
  readonly matterType: MatterType;
  readonly pauses?: readonly Pause[];
  readonly extensions?: readonly Extension[];
}

export interface CaseDeadline {
  /** The statutory term from the start, net of pauses; kept even after extensions (domain.md §7). */
  readonly original: DueDate | null;
  /** The date that counts now: the latest notice's date, moved by pauses after it; else `original`. */
  readonly current: DueDate | null;
  /** The latest art. 36 notice, if any. */
  readonly extension: Extension | null;
  /** An open pause holds the term: no due date is running (`current` is null). */
  readonly paused: boolean;
  /** The latest date a notice may set where the statute caps it (informacja publiczna, petycja). */
  readonly extensionLimit: IsoDate | null;
  readonly extensionBeyondLimit: boolean;
}

/**
 * The due dates of one case. `original` and `current` are null while an open pause holds the term,
 * and for "niezwłocznie" matters until a notice names a date.
 */
export function caseDeadline(input: CaseDeadlineInput): CaseDeadline {
  const start = parseCivil(input.startedOn);
  const startDay = dayNumber(start.year, start.month, start.day);
  const pauses = input.pauses ?? [];
  const term = input.matterType.term;

  const originalSpans = pauseSpans(pauses, startDay);
  // "Niezwłocznie" has no end to move: no date, and only an open pause can hold it.
  const originalEnd = term.unit === 'withoutDelay' ? null : runThroughPauses(termEndFromCivil(start, term), originalSpans);
  const original = originalEnd === null ? null : dueDateOf(originalEnd);
  let paused = term.unit === 'withoutDelay' ? originalSpans.some(isOpen) : originalEnd === null;

  const extension = latestNotice(input.extensions ?? []);
  let current = original;
  if (extension !== null) {
    // Pauses before the notice are behind the organ's new date; only later ones move it.
    const currentEnd = runThroughPauses(toDay(extension.newDate), pauseSpans(pauses, toDay(extension.noticeOn)));
    current = currentEnd === null ? null : dueDateOf(currentEnd);
    paused = currentEnd === null;
  }

  const limitDay = extensionLimitDay(input, original);
  return {
    original,
    current,
    extension,
    paused,
    extensionLimit: limitDay === null ? null : fromDay(limitDay),
    extensionBeyondLimit: extension !== null && limitDay !== null && toDay(extension.newDate) > limitDay,
  };
}

/**
 * Moves the end of a term by the pauses that began while it was still running: a pause that starts
 * after the term has ended (after the § 4 roll) cannot revive it. Null when an open pause holds it.
 */
function runThroughPauses(statutoryEnd: number, spans: readonly PauseSpan[]): number | null {
  let end = statutoryEnd;
  for (const span of spans) {
    if (span.from >= rollForwardDay(end)) break;
    if (span.to === Number.POSITIVE_INFINITY) return null;
    end += span.to - span.from;
  }
  return end;
}

function isOpen(span: PauseSpan): boolean {
  return span.to === Number.POSITIVE_INFINITY;
}

/** The organ's latest word counts: the notice issued last (on a tie, the one recorded last). */
function latestNotice(extensions: readonly Extension[]): Extension | null {
  let latest: Extension | null = null;
  let latestDay = Number.NEGATIVE_INFINITY;
  for (const extension of extensions) {
    const day = toDay(extension.noticeOn);
    parseCivil(extension.newDate); // a malformed date fails even in a notice that is not the latest
    if (day >= latestDay) {
      latest = extension;
      latestDay = day;
    }
  }
  return latest;
}

function extensionLimitDay(input: CaseDeadlineInput, original: DueDate | null): number | null {
  const limit = input.matterType.extensionLimit;
  if (limit === undefined) return null;
  if (limit.counted === 'start') return rollForwardDay(termEndDay(input.startedOn, limit.term));
  return original === null ? null : rollForwardDay(termEndDay(original.statutory, limit.term));
}
