import { type IsoDate, toDay } from './dates.ts';

/**
 * A period not counted in the term (KPA art. 35 § 5): a term the law gives the party (e.g. 7 days
 * to complete an application), suspension, mediation, delays caused by the party or beyond the
 * organ's control. `to` is null while the pause lasts.
 *
 * Counted the way art. 57 counts a term: the day of the event that starts the pause still counts,
 * the days after it up to and including `to` do not, and the term runs again the day after `to`.
 * So a pause excludes `to − from` days, which is also domain.md §7's `Σ pause_days`.
 */
export interface Pause {
  readonly from: IsoDate;
  readonly to: IsoDate | null;
  readonly reason?: string;
}

/** Days `from + 1 … to` as day numbers; `to` is +Infinity while the pause is open. */
export interface PauseSpan {
  readonly from: number;
  readonly to: number;
}

const NONE: readonly PauseSpan[] = [];

/**
 * The pauses as sorted, non-overlapping spans, each cut to start no earlier than `since`: days up
 * to `since` are either before the term began or already covered by a later decision (an art. 36
 * notice). Overlapping pauses (a suspension during a wait for documents) count their days once.
 */
export function pauseSpans(pauses: readonly Pause[], since: number): readonly PauseSpan[] {
  if (pauses.length === 0) return NONE;
  const spans: PauseSpan[] = [];
  for (const pause of pauses) {
    const from = toDay(pause.from);
    const to = pause.to === null ? Number.POSITIVE_INFINITY : toDay(pause.to);
    if (to < from) throw new RangeError(`A pause cannot end (${pause.to ?? ''}) before it starts (${pause.from})`);
    const start = Math.max(from, since);
    if (to > start) spans.push({ from: start, to });
  }
  if (spans.length < 2) return spans;
  spans.sort((a, b) => a.from - b.from);
  const merged: PauseSpan[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last !== undefined && span.from <= last.to) merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, span.to) };
    else merged.push(span);
  }
  return merged;
}

/** Paused days within `since + 1 … until` (the counted days of a case that ran from `since`). */
export function pausedDaysWithin(spans: readonly PauseSpan[], since: number, until: number): number {
  let total = 0;
  for (const span of spans) {
    const overlap = Math.min(span.to, until) - Math.max(span.from, since);
    if (overlap > 0) total += overlap;
  }
  return total;
}

/**
 * Calendar days from `startedOn` to `until` net of pauses: domain.md §7's
 * `duration = closure_date − wszczęcie_date − Σ pause_days`, with pauses cut to that window.
 */
export function netDays(startedOn: IsoDate, until: IsoDate, pauses: readonly Pause[] = []): number {
  const since = toDay(startedOn);
  const end = toDay(until);
  if (end <= since) return 0;
  return end - since - pausedDaysWithin(pauseSpans(pauses, since), since, end);
}
