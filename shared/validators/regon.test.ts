import { describe, expect, it } from 'vitest';
import { checkRegon } from './regon.ts';

describe('checkRegon', () => {
  it('accepts valid 9- and 14-digit numbers', () => {
    expect(checkRegon('123456785')).toEqual({ ok: true, normalized: '123456785' });
    expect(checkRegon('12345678512347')).toEqual({ ok: true, normalized: '12345678512347' });
  });

  it('writes a remainder of 10 as check digit 0', () => {
    // 123456740: Σ = 164 ≡ 10 (mod 11). 12345674010020: Σ over 13 digits = 186 ≡ 10 (mod 11).
    expect(checkRegon('123456740')).toEqual({ ok: true, normalized: '123456740' });
    expect(checkRegon('12345674010020')).toEqual({ ok: true, normalized: '12345674010020' });
  });

  it('drops separators', () => {
    expect(checkRegon(' 123-456-785 ')).toEqual({ ok: true, normalized: '123456785' });
    expect(checkRegon('123456785 12347')).toEqual({ ok: true, normalized: '12345678512347' });
  });

  it('reports a wrong check digit of either length', () => {
    expect(checkRegon('123456784')).toEqual({ ok: false, reason: 'checksum' });
    expect(checkRegon('12345678512346')).toEqual({ ok: false, reason: 'checksum' });
  });

  it('rejects a 14-digit number whose own check digit fits but whose first nine do not', () => {
    // 12345678612342: the 14-digit sum checks out, yet 123456786 is not a valid REGON-9.
    expect(checkRegon('12345678612342')).toEqual({ ok: false, reason: 'checksum' });
  });

  it('accepts only 9 or 14 digits', () => {
    for (const bad of ['12345678', '1234567850', '1234567851234', '123456785123470', '12345678X']) {
      expect(checkRegon(bad), bad).toEqual({ ok: false, reason: 'format' });
    }
    expect(checkRegon('')).toEqual({ ok: false, reason: 'empty' });
  });
});
