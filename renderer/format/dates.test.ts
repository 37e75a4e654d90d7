import { describe, expect, it } from 'vitest';
import { dateTimeInputToIso, nowForDateTimeInput } from './dates.ts';

describe('date inputs', () => {
  it('keeps the local wall-clock time and adds the local offset', () => {
    const iso = dateTimeInputToIso('2026-11-20T09:15');
    expect(iso).toMatch(/^2026-11-20T09:15:00[+-]\d{2}:\d{2}$/);
    expect(new Date(iso ?? '').getHours()).toBe(9);
  });

  it('refuses incomplete or impossible values', () => {
    expect(dateTimeInputToIso('')).toBeNull();
    expect(dateTimeInputToIso('2026-02-30T10:00')).toBeNull();
    expect(dateTimeInputToIso('2026-11-20')).toBeNull();
  });

  it('formats now for the input', () => {
    expect(nowForDateTimeInput(new Date(2026, 0, 5, 7, 3))).toBe('2026-01-05T07:03');
  });
});
