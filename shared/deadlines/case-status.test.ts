import { describe, expect, it } from 'vitest';
import type { Extension } from './case-deadline.ts';
import { caseStatus, type CaseStatusInput } from './case-status.ts';
import type { Pause } from './pauses.ts';
import { matterTypeForTest as type } from './test-matter-types.ts';

/** A KPA case started on Monday 10 March 2025: due Thursday 10 April 2025. */
function kpa(extra: { pauses?: Pause[]; extensions?: Extension[]; closedOn?: string | null } = {}): CaseStatusInput {
  return { startedOn: '2025-03-10', matterType: type('kpa_general'), ...extra };
}

describe('caseStatus: due, dueSoon and overdue around 10 April 2025', () => {
  it('is due with more than 3 days to go', () => {
    expect(caseStatus(kpa(), '2025-04-06')).toMatchObject({ state: 'due', calendarDaysLeft: 4, workingDaysLeft: 4 });
  });

  it('is dueSoon from 3 days before to the due day itself', () => {
    expect(caseStatus(kpa(), '2025-04-07')).toMatchObject({ state: 'dueSoon', calendarDaysLeft: 3, workingDaysLeft: 3 });
    expect(caseStatus(kpa(), '2025-04-10')).toMatchObject({ state: 'dueSoon', calendarDaysLeft: 0, workingDaysLeft: 0 });
  });

  it('is overdue from the next day, counting days past the date', () => {
    expect(caseStatus(kpa(), '2025-04-11')).toMatchObject({ state: 'overdue', calendarDaysLeft: -1, workingDaysLeft: -1 });
    // Friday 11 and Monday 14 April are the working days past it.
    expect(caseStatus(kpa(), '2025-04-14')).toMatchObject({ state: 'overdue', calendarDaysLeft: -4, workingDaysLeft: -2 });
  });

  it('takes another "soon" window', () => {
    expect(caseStatus(kpa(), '2025-04-03', { soonDays: 7 }).state).toBe('dueSoon');
    expect(caseStatus(kpa(), '2025-04-02', { soonDays: 7 }).state).toBe('due');
    expect(() => caseStatus(kpa(), '2025-04-02', { soonDays: -1 })).toThrow(RangeError);
  });

  it('counts working days past weekends and Easter Monday', () => {
    // Due Tuesday 22 April 2025 (10 paused days put the end on Easter Sunday). From Thursday 17 April:
    // Good Friday 18 and Tuesday 22 are working days; 19, 20 and Easter Monday 21 are not.
    const status = caseStatus(kpa({ pauses: [{ from: '2025-03-20', to: '2025-03-30' }] }), '2025-04-17');
    expect(status).toMatchObject({ state: 'due', calendarDaysLeft: 5, workingDaysLeft: 2 });
    expect(status.deadline.current).toEqual({ statutory: '2025-04-20', adjusted: '2025-04-22' });
  });

  it('reports processing time so far', () => {
    expect(caseStatus(kpa(), '2025-04-06')).toMatchObject({ grossDays: 27, pausedDays: 0, processingDays: 27, onTime: null });
  });
});

describe('caseStatus with pauses', () => {
  it('is paused with no due date while a pause is open, and nets the paused days out', () => {
    expect(caseStatus(kpa({ pauses: [{ from: '2025-03-20', to: null }] }), '2025-03-25')).toMatchObject({
      state: 'paused',
      deadline: { current: null, original: null, paused: true },
      calendarDaysLeft: null,
      workingDaysLeft: null,
      grossDays: 15,
      pausedDays: 5,
      processingDays: 10,
    });
  });

  it('is paused inside a pause whose end is already recorded, with the moved due date known', () => {
    const input = kpa({ pauses: [{ from: '2025-03-20', to: '2025-03-30' }] });
    expect(caseStatus(input, '2025-03-25')).toMatchObject({ state: 'paused', calendarDaysLeft: 28, grossDays: 15, pausedDays: 5, processingDays: 10 });
    expect(caseStatus(input, '2025-03-25').deadline.current).toEqual({ statutory: '2025-04-20', adjusted: '2025-04-22' });
    // Stopped on the day the pause starts, running again on the day it ends.
    expect(caseStatus(input, '2025-03-20').state).toBe('paused');
    expect(caseStatus(input, '2025-03-30')).toMatchObject({ state: 'due', calendarDaysLeft: 23, pausedDays: 10, processingDays: 10 });
  });

  it('does not know, as of an earlier day, about a pause that began later', () => {
    const status = caseStatus(kpa({ pauses: [{ from: '2025-03-20', to: '2025-03-30' }] }), '2025-03-15');
    expect(status).toMatchObject({ state: 'due', calendarDaysLeft: 26, pausedDays: 0 });
    expect(status.deadline.current).toEqual({ statutory: '2025-04-10', adjusted: '2025-04-10' });
  });

  it('stays overdue when a pause begins after the term ran out', () => {
    expect(caseStatus(kpa({ pauses: [{ from: '2025-04-15', to: null }] }), '2025-04-20')).toMatchObject({ state: 'overdue', calendarDaysLeft: -10 });
  });
});

describe('caseStatus with art. 36 notices', () => {
  const notice: Extension = { noticeOn: '2025-04-08', newDate: '2025-05-30', reason: 'opinia biegłego' };

  it('counts from the new date and keeps the original one', () => {
    const status = caseStatus(kpa({ extensions: [notice] }), '2025-04-20');
    expect(status).toMatchObject({ state: 'due', calendarDaysLeft: 40 });
    expect(status.deadline.original).toEqual({ statutory: '2025-04-10', adjusted: '2025-04-10' });
    expect(status.deadline.current).toEqual({ statutory: '2025-05-30', adjusted: '2025-05-30' });
  });

  it('ignores a notice not yet issued on the day asked about', () => {
    const status = caseStatus(kpa({ extensions: [notice] }), '2025-04-07');
    expect(status).toMatchObject({ state: 'dueSoon', calendarDaysLeft: 3, deadline: { extension: null } });
  });
});

describe('caseStatus of closed cases', () => {
  it('is closed, on time up to and including the due date', () => {
    expect(caseStatus(kpa({ closedOn: '2025-04-09' }), '2025-06-01')).toMatchObject({
      state: 'closed',
      onTime: true,
      calendarDaysLeft: null,
      workingDaysLeft: null,
      grossDays: 30,
      pausedDays: 0,
      processingDays: 30,
    });
    expect(caseStatus(kpa({ closedOn: '2025-04-10' }), '2025-06-01').onTime).toBe(true);
    expect(caseStatus(kpa({ closedOn: '2025-04-11' }), '2025-06-01').onTime).toBe(false);
  });

  it('is on time on the Monday a Saturday end moved to, not after', () => {
    const closedOn = (day: string) => caseStatus({ startedOn: '2025-02-01', matterType: type('kpa_general'), closedOn: day }, '2025-12-31');
    expect(closedOn('2025-03-03').onTime).toBe(true);
    expect(closedOn('2025-03-04').onTime).toBe(false);
  });

  it('nets the pauses out of the processing time', () => {
    expect(caseStatus(kpa({ pauses: [{ from: '2025-03-20', to: '2025-03-30' }], closedOn: '2025-04-22' }), '2025-05-01')).toMatchObject({
      state: 'closed',
      onTime: true,
      grossDays: 43,
      pausedDays: 10,
      processingDays: 33,
    });
    const overlapping = kpa({ pauses: [{ from: '2025-03-15', to: '2025-03-25' }, { from: '2025-03-20', to: '2025-03-30' }], closedOn: '2025-04-25' });
    expect(caseStatus(overlapping, '2025-05-01')).toMatchObject({ grossDays: 46, pausedDays: 15, processingDays: 31, onTime: true });
  });

  it('ends a pause still open at closure with the closure', () => {
    const status = caseStatus(kpa({ pauses: [{ from: '2025-03-20', to: null }], closedOn: '2025-04-01' }), '2025-05-01');
    expect(status).toMatchObject({ state: 'closed', grossDays: 22, pausedDays: 12, processingDays: 10, onTime: true });
    expect(status.deadline.current).toEqual({ statutory: '2025-04-22', adjusted: '2025-04-22' });
  });

  it('is still open as of a day before its closure', () => {
    expect(caseStatus(kpa({ closedOn: '2025-04-09' }), '2025-04-05')).toMatchObject({ state: 'due', calendarDaysLeft: 5, onTime: null });
  });

  it('judges timeliness against the extended date', () => {
    const closed = caseStatus(kpa({ extensions: [{ noticeOn: '2025-04-08', newDate: '2025-05-30', reason: 'opinia biegłego' }], closedOn: '2025-05-20' }), '2025-06-01');
    expect(closed).toMatchObject({ state: 'closed', onTime: true, processingDays: 71 });
  });
});

describe('caseStatus of "niezwłocznie" matters', () => {
  const withoutDelay = (extra: Partial<CaseStatusInput> = {}): CaseStatusInput => ({ startedOn: '2025-03-10', matterType: type('kpa_without_delay'), ...extra });

  it('has no days left until a notice names a date', () => {
    expect(caseStatus(withoutDelay(), '2025-03-12')).toMatchObject({ state: 'withoutDelay', calendarDaysLeft: null, processingDays: 2 });
    expect(caseStatus(withoutDelay({ extensions: [{ noticeOn: '2025-03-12', newDate: '2025-03-21', reason: 'oględziny' }] }), '2025-03-19')).toMatchObject({
      state: 'dueSoon',
      calendarDaysLeft: 2,
      workingDaysLeft: 2,
    });
  });

  it('is paused by a pause, and closed without an on-time verdict', () => {
    expect(caseStatus(withoutDelay({ pauses: [{ from: '2025-03-11', to: null }] }), '2025-03-12').state).toBe('paused');
    expect(caseStatus(withoutDelay({ closedOn: '2025-03-11' }), '2025-03-12')).toMatchObject({ state: 'closed', onTime: null, processingDays: 1 });
  });
});
