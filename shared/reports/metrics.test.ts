import { describe, expect, it } from 'vitest';
import { findMatterType } from '../deadlines/matter-types.ts';
import { caseOutcome, median, openStanding, percentile, timelinessFigures } from './metrics.ts';

const general = findMatterType('kpa_general') ?? null;

describe('report metrics', () => {
  it('takes the median as the middle value or the mean of the middle two, P90 by nearest rank', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([1, 2, 10])).toBe(2);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    // P90 of 10 values is the 9th (rank ceil(9) = 9); of 11 the 10th (rank ceil(9.9) = 10).
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10);
    expect(percentile([4], 90)).toBe(4);
  });

  it('measures a closed case net of its pauses, against the date of its latest art. 36 notice', () => {
    // 2026-01-05 + 1 month = 02-05; pause 01-10…01-17 excludes 7 days → 02-12; a notice of 02-01 sets 02-20.
    const outcome = caseOutcome({
      startedOn: '2026-01-05', closedOn: '2026-02-19', matterType: general,
      pauses: [{ from: '2026-01-10', to: '2026-01-17' }], extensions: [{ noticeOn: '2026-02-01', newDate: '2026-02-20', reason: 'Opinia' }],
      registeredOn: '2026-01-05', acceptedOn: '2026-01-07',
    });
    // Gross 02-19 − 01-05 = 45 days, net 45 − 7 = 38.
    expect(outcome).toEqual({ dueOn: '2026-02-20', originalDueOn: '2026-02-12', onTime: true, netDays: 38, pausedDays: 7, notices: 1, firstActionDays: 2, resolutionDays: 45 });
  });

  it('leaves out of the share the cases without a term, and marks small groups', () => {
    const sample = (onTime: boolean | null, netDays: number) => ({ onTime, netDays, notices: 0, firstActionDays: null, resolutionDays: netDays });
    const figures = timelinessFigures([sample(true, 3), sample(false, 40), sample(null, 1)], 3);
    expect(figures).toMatchObject({ closed: 3, withDeadline: 2, onTime: 1, late: 1, onTimeShare: 0.5, medianDays: 3, p90Days: 40, withFirstAction: 0, medianFirstActionDays: null, belowMinimum: false });
    expect(timelinessFigures([sample(true, 3)], 3)).toMatchObject({ closed: 1, onTime: 1, onTimeShare: null, medianDays: null, belowMinimum: true });
  });

  it('puts an open case in the buckets a supervisor reads: overdue, due within 3, within 7', () => {
    // 2026-03-02 + 1 month = 04-02 (Thursday).
    const facts = { startedOn: '2026-03-02', matterType: general, pauses: [], extensions: [] };
    expect(openStanding(facts, '2026-04-03')).toEqual({ bucket: 'overdue', dueOn: '2026-04-02', daysLeft: -1 });
    expect(openStanding(facts, '2026-04-02').bucket).toBe('dueIn3');
    expect(openStanding(facts, '2026-03-30').bucket).toBe('dueIn3');
    expect(openStanding(facts, '2026-03-29').bucket).toBe('dueIn7');
    expect(openStanding(facts, '2026-03-25').bucket).toBe('later');
    expect(openStanding({ ...facts, pauses: [{ from: '2026-03-10', to: null }] }, '2026-04-03').bucket).toBe('noDate');
    expect(openStanding({ ...facts, matterType: null }, '2026-04-03').bucket).toBe('noDate');
  });
});
