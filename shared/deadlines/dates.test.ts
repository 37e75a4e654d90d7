import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, compareDates, dayOfWeek, daysBetween, isIsoDate } from './dates.ts';

describe('addMonths', () => {
  it('keeps the day of the month, or takes the last day of a shorter month', () => {
    const table: [string, number, string][] = [
      ['2025-10-15', 3, '2026-01-15'],
      ['2025-01-31', 1, '2025-02-28'], // common year
      ['2024-01-31', 1, '2024-02-29'], // leap year
      ['2028-01-31', 1, '2028-02-29'], // leap year
      ['2027-01-31', 1, '2027-02-28'],
      ['2025-03-31', 1, '2025-04-30'],
      ['2025-08-31', 1, '2025-09-30'],
      ['2025-12-31', 2, '2026-02-28'], // across the year
      ['2025-11-30', 3, '2026-02-28'],
      ['2028-02-29', 12, '2029-02-28'],
      ['2025-03-31', -1, '2025-02-28'],
      ['2025-01-15', -1, '2024-12-15'],
      ['2025-05-20', 0, '2025-05-20'],
    ];
    for (const [date, months, expected] of table) expect(addMonths(date, months), `${date} + ${months} months`).toBe(expected);
  });
});

describe('addYears', () => {
  it('turns 29 February into 28 February in a common year', () => {
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2025-06-10', 2)).toBe('2027-06-10');
  });
});

describe('addDays', () => {
  it('crosses month, leap-day and year ends', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2025-03-10', 31)).toBe('2025-04-10');
  });

  it('does not drift over daylight-saving changes (Poland: 31.03.2024 and 26.10.2025)', () => {
    expect(addDays('2024-03-30', 2)).toBe('2024-04-01');
    expect(addDays('2025-10-25', 2)).toBe('2025-10-27');
  });
});

describe('dayOfWeek', () => {
  it('numbers days the ISO way, Monday 1 … Sunday 7', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2025-01-31')).toBe(5);
    expect(dayOfWeek('2025-03-01')).toBe(6);
    expect(dayOfWeek('2024-03-31')).toBe(7);
    expect(dayOfWeek('2025-03-03')).toBe(1);
    expect(dayOfWeek('2028-02-29')).toBe(2);
    expect(dayOfWeek('2025-12-24')).toBe(3);
  });
});

describe('daysBetween and compareDates', () => {
  it('counts calendar days, leap years included', () => {
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(daysBetween('2027-01-01', '2028-01-01')).toBe(365);
    expect(daysBetween('2024-01-01', '2031-01-01')).toBe(2557);
    expect(daysBetween('2025-04-10', '2025-03-10')).toBe(-31);
  });

  it('sorts dates', () => {
    expect(['2026-01-01', '2025-12-31', '2025-02-28'].sort(compareDates)).toEqual(['2025-02-28', '2025-12-31', '2026-01-01']);
    expect(compareDates('2025-05-05', '2025-05-05')).toBe(0);
  });
});

describe('isIsoDate', () => {
  it('accepts real calendar days only, as YYYY-MM-DD', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2025-12-31')).toBe(true);
    for (const bad of ['2027-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '2025-1-01', '2025-01-01T00:00', '', '1500-01-01', '2025/01/01', '２０２５-01-01', ' 2025-01-01']) {
      expect(isIsoDate(bad), bad).toBe(false);
    }
  });

  it('makes the arithmetic fail loudly on anything else', () => {
    expect(() => addDays('2027-02-29', 1)).toThrow(RangeError);
    expect(() => addMonths('31.01.2025', 1)).toThrow(RangeError);
    expect(() => addDays('2025-01-01', 1.5)).toThrow(RangeError);
  });
});
