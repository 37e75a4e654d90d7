import { describe, expect, it } from 'vitest';
import { formatRpwNumber, parseRpwNumber } from './registry.ts';
import { TrayAssignInput, TypedRpwNumber } from './scan-batch.ts';

describe('RPW numbers read back from a label or typed by a clerk', () => {
  it('reads what formatRpwNumber writes, desk codes with hyphens included', () => {
    expect(parseRpwNumber(formatRpwNumber('MZD-KO', 123, 2026))).toEqual({ deskCode: 'MZD-KO', sequence: 123, year: 2026, rpwNumber: 'RPW/MZD-KO/123/2026' });
    expect(parseRpwNumber(' rpw/ko/7/2026 ')?.rpwNumber).toBe('RPW/KO/7/2026');
  });

  it('is not fooled by near misses', () => {
    for (const text of ['RPW/KO/0/2026', 'RPW/KO/07/2026', 'RPW//7/2026', 'RPW/KO/7/26', 'RPW/KO/7/2026/x', 'KO/7/2026', 'RPW/-KO/7/2026', 'PATCHT']) {
      expect(parseRpwNumber(text), text).toBeNull();
    }
  });

  it('checks a typed number and a tray assignment names exactly one target', () => {
    expect(TypedRpwNumber.parse(' rpw/ko/7/2026')).toBe('RPW/KO/7/2026');
    expect(TypedRpwNumber.safeParse('KO 7').error?.issues[0]?.message).toBe('tray.errors.rpwFormat');
    const trayId = '019a0000-0000-7000-8000-000000000001';
    expect(TrayAssignInput.safeParse({ trayId }).success).toBe(false);
    expect(TrayAssignInput.safeParse({ trayId, itemId: trayId, rpwNumber: 'RPW/KO/7/2026' }).success).toBe(false);
    expect(TrayAssignInput.parse({ trayId, rpwNumber: 'rpw/ko/7/2026' })).toEqual({ trayId, itemId: null, rpwNumber: 'RPW/KO/7/2026' });
  });
});
