import { describe, expect, it } from 'vitest';
import { netDays } from './pauses.ts';

describe('netDays (domain.md §7: closure − wszczęcie − Σ pause days)', () => {
  it('counts calendar days without pauses', () => {
    expect(netDays('2025-03-10', '2025-04-22')).toBe(43);
    expect(netDays('2028-02-01', '2028-03-01')).toBe(29);
  });

  it('takes out paused days, each day once', () => {
    expect(netDays('2025-03-10', '2025-04-22', [{ from: '2025-03-20', to: '2025-03-30' }])).toBe(33);
    expect(netDays('2025-03-10', '2025-04-25', [{ from: '2025-03-15', to: '2025-03-25' }, { from: '2025-03-20', to: '2025-03-30' }])).toBe(31);
  });

  it('cuts pauses to the window: an open pause ends at `until`, days before the start do not count', () => {
    expect(netDays('2025-03-10', '2025-04-01', [{ from: '2025-03-20', to: null }])).toBe(10);
    expect(netDays('2025-03-10', '2025-03-25', [{ from: '2025-03-05', to: '2025-03-12' }])).toBe(13);
    expect(netDays('2025-03-10', '2025-03-15', [{ from: '2025-03-20', to: '2025-03-30' }])).toBe(5);
  });

  it('is zero for a case closed the day it started', () => {
    expect(netDays('2025-03-10', '2025-03-10')).toBe(0);
  });
});
