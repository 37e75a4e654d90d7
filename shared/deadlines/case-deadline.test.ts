import { describe, expect, it } from 'vitest';
import { caseDeadline, type Extension } from './case-deadline.ts';
import type { MatterType } from './matter-types.ts';
import type { Pause } from './pauses.ts';
import { matterTypeForTest as type } from './test-matter-types.ts';

/** A KPA case that needs evidence: 1 month from Monday 10 March 2025, due Thursday 10 April 2025. */
const kpa = (pauses: Pause[] = [], extensions: Extension[] = []) =>
  caseDeadline({ startedOn: '2025-03-10', matterType: type('kpa_general'), pauses, extensions });

describe('caseDeadline without pauses or notices', () => {
  it('is the statutory term, the same as original and current', () => {
    expect(kpa()).toEqual({
      original: { statutory: '2025-04-10', adjusted: '2025-04-10' },
      current: { statutory: '2025-04-10', adjusted: '2025-04-10' },
      extension: null,
      paused: false,
      extensionLimit: null,
      extensionBeyondLimit: false,
    });
  });

  it('moves an end on a Saturday to Monday', () => {
    const due = caseDeadline({ startedOn: '2025-02-01', matterType: type('kpa_general') });
    expect(due.current).toEqual({ statutory: '2025-03-01', adjusted: '2025-03-03' });
  });

  it('takes any matter type, e.g. 21 days set by a special law (art. 35 § 4)', () => {
    const special: MatterType = { key: 'ustawa_szczegolna', name: 'Sprawa z ustawy szczególnej', term: { amount: 21, unit: 'days' }, runsFrom: 'initiation', legalBasis: 'art. 35 § 4 KPA' };
    expect(caseDeadline({ startedOn: '2025-12-03', matterType: special }).current).toEqual({ statutory: '2025-12-24', adjusted: '2025-12-29' });
  });
});

describe('caseDeadline with pauses (art. 35 § 5)', () => {
  it('adds the paused days, then applies § 4 once: 10 days → Easter Sunday → Tuesday', () => {
    const due = kpa([{ from: '2025-03-20', to: '2025-03-30', reason: 'uzupełnienie dokumentów' }]);
    expect(due.original).toEqual({ statutory: '2025-04-20', adjusted: '2025-04-22' });
    expect(due.current).toEqual(due.original);
    expect(due.paused).toBe(false);
  });

  it('counts overlapping pauses once: 15–25 and 20–30 March are 15 days', () => {
    const due = kpa([{ from: '2025-03-15', to: '2025-03-25' }, { from: '2025-03-20', to: '2025-03-30' }]);
    expect(due.current).toEqual({ statutory: '2025-04-25', adjusted: '2025-04-25' });
  });

  it('joins back-to-back pauses without losing or doubling a day', () => {
    const due = kpa([{ from: '2025-03-20', to: '2025-03-25' }, { from: '2025-03-15', to: '2025-03-20' }]);
    expect(due.current).toEqual({ statutory: '2025-04-20', adjusted: '2025-04-22' });
  });

  it('counts a pause from the start day in full, and cuts one that began before the start', () => {
    expect(kpa([{ from: '2025-03-10', to: '2025-03-17' }]).current).toEqual({ statutory: '2025-04-17', adjusted: '2025-04-17' });
    expect(kpa([{ from: '2025-03-05', to: '2025-03-17' }]).current).toEqual({ statutory: '2025-04-17', adjusted: '2025-04-17' });
  });

  it('ignores a pause that ends the day it starts', () => {
    expect(kpa([{ from: '2025-03-20', to: '2025-03-20' }]).current).toEqual({ statutory: '2025-04-10', adjusted: '2025-04-10' });
  });

  it('has no due date while a pause is open', () => {
    expect(kpa([{ from: '2025-03-20', to: null, reason: 'zawieszenie postępowania' }])).toMatchObject({ original: null, current: null, paused: true });
  });

  it('lets a pause that begins after the term ended revive nothing', () => {
    const open = kpa([{ from: '2025-04-11', to: null }]);
    expect(open).toMatchObject({ original: { statutory: '2025-04-10', adjusted: '2025-04-10' }, paused: false });
    // The last day itself is counted in full: a pause begun on it excludes only days after it.
    expect(kpa([{ from: '2025-04-10', to: '2025-04-20' }]).current).toEqual({ statutory: '2025-04-10', adjusted: '2025-04-10' });
  });

  it('still counts a pause begun on a Saturday end, since § 4 keeps the term running to Monday', () => {
    const due = caseDeadline({ startedOn: '2025-02-01', matterType: type('kpa_general'), pauses: [{ from: '2025-03-01', to: '2025-03-08' }] });
    expect(due.current).toEqual({ statutory: '2025-03-08', adjusted: '2025-03-10' });
  });

  it('rejects a pause that ends before it starts', () => {
    expect(() => kpa([{ from: '2025-03-20', to: '2025-03-19' }])).toThrow(RangeError);
  });
});

describe('caseDeadline with art. 36 notices', () => {
  const notice: Extension = { noticeOn: '2025-04-08', newDate: '2025-05-30', reason: 'opinia biegłego' };

  it('keeps the original due date beside the new one', () => {
    expect(kpa([], [notice])).toEqual({
      original: { statutory: '2025-04-10', adjusted: '2025-04-10' },
      current: { statutory: '2025-05-30', adjusted: '2025-05-30' },
      extension: notice,
      paused: false,
      extensionLimit: null,
      extensionBeyondLimit: false,
    });
  });

  it('takes the latest notice, whatever the order they are stored in', () => {
    const second: Extension = { noticeOn: '2025-05-28', newDate: '2025-06-27', reason: 'uzupełnienie opinii' };
    expect(kpa([], [notice, second]).current).toEqual({ statutory: '2025-06-27', adjusted: '2025-06-27' });
    expect(kpa([], [second, notice]).current).toEqual({ statutory: '2025-06-27', adjusted: '2025-06-27' });
    expect(kpa([], [second, notice]).original).toEqual({ statutory: '2025-04-10', adjusted: '2025-04-10' });
  });

  it('applies § 4 to a new date on a Saturday', () => {
    expect(kpa([], [{ ...notice, newDate: '2025-05-31' }]).current).toEqual({ statutory: '2025-05-31', adjusted: '2025-06-02' });
  });

  it('moves the new date by pauses after the notice, not by those before it', () => {
    const after = kpa([{ from: '2025-05-05', to: '2025-05-12' }], [notice]);
    expect(after.current).toEqual({ statutory: '2025-06-06', adjusted: '2025-06-06' });
    expect(after.original).toEqual({ statutory: '2025-04-10', adjusted: '2025-04-10' });

    const before = kpa([{ from: '2025-03-20', to: '2025-03-30' }], [{ ...notice, noticeOn: '2025-04-15' }]);
    expect(before.current).toEqual({ statutory: '2025-05-30', adjusted: '2025-05-30' });
    expect(before.original).toEqual({ statutory: '2025-04-20', adjusted: '2025-04-22' });
  });

  it('counts only the part after the notice of a pause that spans it', () => {
    const due = kpa([{ from: '2025-04-01', to: '2025-04-20' }], [{ ...notice, noticeOn: '2025-04-10' }]);
    expect(due.current).toEqual({ statutory: '2025-06-09', adjusted: '2025-06-09' });
    expect(due.original).toEqual({ statutory: '2025-04-29', adjusted: '2025-04-29' });
  });

  it('has no current date while a pause begun after the notice is open', () => {
    expect(kpa([{ from: '2025-05-05', to: null }], [notice])).toMatchObject({ current: null, paused: true, original: { adjusted: '2025-04-10' } });
  });

  it('caps informacja publiczna at 2 months from the request (art. 13 ust. 2)', () => {
    const request = (newDate: string) => caseDeadline({ startedOn: '2025-03-10', matterType: type('informacja_publiczna'), extensions: [{ noticeOn: '2025-03-20', newDate, reason: 'obszerny wniosek' }] });
    // 10 May 2025 is a Saturday.
    expect(request('2025-05-12')).toMatchObject({ original: { adjusted: '2025-03-24' }, extensionLimit: '2025-05-12', extensionBeyondLimit: false });
    expect(request('2025-05-13')).toMatchObject({ extensionLimit: '2025-05-12', extensionBeyondLimit: true });
  });

  it('caps a petycja at 3 months after its original term (art. 10 ust. 2)', () => {
    const petition = (newDate: string) => caseDeadline({ startedOn: '2025-03-10', matterType: type('petycja'), extensions: [{ noticeOn: '2025-06-02', newDate, reason: 'opinia rady' }] });
    expect(petition('2025-09-10')).toMatchObject({ original: { adjusted: '2025-06-10' }, extensionLimit: '2025-09-10', extensionBeyondLimit: false });
    expect(petition('2025-09-11').extensionBeyondLimit).toBe(true);
  });

  it('rejects a malformed date in any notice', () => {
    expect(() => kpa([], [notice, { noticeOn: '2025-04-01', newDate: '2025-02-30', reason: '' }])).toThrow(RangeError);
  });
});

describe('caseDeadline for "niezwłocznie" matters', () => {
  const withoutDelay = (pauses: Pause[] = [], extensions: Extension[] = []) =>
    caseDeadline({ startedOn: '2025-03-10', matterType: type('kpa_without_delay'), pauses, extensions });

  it('has no date until a notice names one', () => {
    expect(withoutDelay()).toMatchObject({ original: null, current: null, paused: false });
    expect(withoutDelay([], [{ noticeOn: '2025-03-12', newDate: '2025-03-21', reason: 'oględziny' }])).toMatchObject({
      original: null,
      current: { statutory: '2025-03-21', adjusted: '2025-03-21' },
    });
  });

  it('is paused only by an open pause', () => {
    expect(withoutDelay([{ from: '2025-03-11', to: null }]).paused).toBe(true);
    expect(withoutDelay([{ from: '2025-03-11', to: '2025-03-14' }]).paused).toBe(false);
  });
});
