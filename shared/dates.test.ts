import { describe, expect, it } from 'vitest';
import { firstOfMonth, lastOfMonth, officeIsoDate, officeYear } from './dates.ts';

describe('the office calendar (Poland), whatever zone the process runs in', () => {
  it('turns an instant into the day in Poland, in winter (UTC+1) and in summer (UTC+2)', () => {
    expect(officeIsoDate(new Date('2026-12-02T22:59:59Z'))).toBe('2026-12-02');
    expect(officeIsoDate(new Date('2026-12-02T23:00:00Z'))).toBe('2026-12-03');
    expect(officeIsoDate(new Date('2026-07-01T21:59:59Z'))).toBe('2026-07-01');
    expect(officeIsoDate(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });

  it('follows the clock changes on the last Sundays of March and October', () => {
    // 29 March 2026: 02:00 CET becomes 03:00 CEST at 01:00 UTC; midnights either side differ by an hour.
    expect(officeIsoDate(new Date('2026-03-28T23:00:00Z'))).toBe('2026-03-29');
    expect(officeIsoDate(new Date('2026-03-29T21:59:00Z'))).toBe('2026-03-29');
    expect(officeIsoDate(new Date('2026-03-29T22:00:00Z'))).toBe('2026-03-30');
    // 25 October 2026: back to CET at 01:00 UTC.
    expect(officeIsoDate(new Date('2026-10-24T22:00:00Z'))).toBe('2026-10-25');
    expect(officeIsoDate(new Date('2026-10-25T22:59:00Z'))).toBe('2026-10-25');
    expect(officeIsoDate(new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
  });

  it('starts the new register year at midnight in Poland, not in UTC', () => {
    expect(officeYear(new Date('2026-12-31T22:59:00Z'))).toBe(2026);
    expect(officeYear(new Date('2026-12-31T23:30:00Z'))).toBe(2027);
  });

  it('gives the first and last days of months around a date', () => {
    expect(firstOfMonth('2026-03-15')).toBe('2026-03-01');
    expect(firstOfMonth('2027-01-03', -1)).toBe('2026-12-01');
    expect(lastOfMonth('2024-03-10', -1)).toBe('2024-02-29');
    expect(lastOfMonth('2026-12-31')).toBe('2026-12-31');
  });
});
