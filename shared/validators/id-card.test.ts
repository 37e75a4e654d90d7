import { describe, expect, it } from 'vitest';
import { checkIdCard } from './id-card.ts';

describe('checkIdCard', () => {
  it('accepts valid numbers', () => {
    expect(checkIdCard('ABA300000')).toEqual({ ok: true, normalized: 'ABA300000' });
    // 7·33 + 3·34 + 1·35 + 9·2 + 7·1 + 3·2 + 1·3 + 7·4 + 3·5 = 445 ≡ 0 (mod 10)
    expect(checkIdCard('AXY212345')).toEqual({ ok: true, normalized: 'AXY212345' });
  });

  it('normalises lower case and spaces', () => {
    expect(checkIdCard(' aba 300000 ')).toEqual({ ok: true, normalized: 'ABA300000' });
  });

  it('reports a wrong check digit (the fourth character)', () => {
    expect(checkIdCard('ABA310000')).toEqual({ ok: false, reason: 'checksum' });
    expect(checkIdCard('AXY312345')).toEqual({ ok: false, reason: 'checksum' });
  });

  it('requires three letters then six digits', () => {
    for (const bad of ['AB1300000', 'ABA30000', 'ABA3000000', 'ABAB00000', 'ĄBA300000', '123456789']) {
      expect(checkIdCard(bad), bad).toEqual({ ok: false, reason: 'format' });
    }
  });

  it('reports empty input', () => {
    expect(checkIdCard('')).toEqual({ ok: false, reason: 'empty' });
  });
});
