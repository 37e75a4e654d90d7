import { describe, expect, it } from 'vitest';
import * as deadlines from './index.ts';

describe('shared/deadlines', () => {
  it('exposes the engine through index.ts', () => {
    const matterType = deadlines.findMatterType('skarga');
    expect(matterType).toBeDefined();
    if (matterType === undefined) return;
    const input = { startedOn: '2026-12-24', matterType };
    // 24 January 2027 is a Sunday.
    expect(deadlines.caseDeadline(input).current).toEqual({ statutory: '2027-01-24', adjusted: '2027-01-25' });
    expect(deadlines.caseStatus(input, '2027-01-22')).toMatchObject({ state: 'dueSoon', calendarDaysLeft: 3, workingDaysLeft: 1 });
  });

  it('always rolls a term end onto the first working day on or after it (every day of 2024–2030)', () => {
    let day = '2024-01-01';
    let checked = 0;
    while (day < '2031-01-01') {
      const end = deadlines.rollForward(day);
      expect(deadlines.isWorkingDay(end), `${day} → ${end}`).toBe(true);
      for (let between = day; between < end; between = deadlines.addDays(between, 1)) {
        expect(deadlines.isWorkingDay(between), `${between} skipped`).toBe(false);
      }
      day = deadlines.addDays(day, 1);
      checked++;
    }
    expect(checked).toBe(2557);
  });
});
