import { describe, expect, it } from 'vitest';
import { checkNip } from './nip.ts';

describe('checkNip', () => {
  it('accepts valid numbers', () => {
    expect(checkNip('5265877635')).toEqual({ ok: true, normalized: '5265877635' });
    expect(checkNip('1234563218')).toEqual({ ok: true, normalized: '1234563218' });
  });

  it('drops hyphens, spaces and dashes pasted from documents', () => {
    expect(checkNip(' 526-587-76-35 ')).toEqual({ ok: true, normalized: '5265877635' });
    expect(checkNip('526 58 77 635')).toEqual({ ok: true, normalized: '5265877635' });
    expect(checkNip('526\u20135877635')).toEqual({ ok: true, normalized: '5265877635' });
  });

  it('accepts the EU VAT prefix PL in any case', () => {
    expect(checkNip('PL 5265877635')).toEqual({ ok: true, normalized: '5265877635' });
    expect(checkNip('PL5265877635')).toEqual({ ok: true, normalized: '5265877635' });
    expect(checkNip('pl 526-587-76-35')).toEqual({ ok: true, normalized: '5265877635' });
  });

  it('rejects other country prefixes and wrong lengths as format', () => {
    expect(checkNip('DE5265877635')).toEqual({ ok: false, reason: 'format' });
    expect(checkNip('526587763')).toEqual({ ok: false, reason: 'format' });
    expect(checkNip('52658776350')).toEqual({ ok: false, reason: 'format' });
    expect(checkNip('PL')).toEqual({ ok: false, reason: 'format' });
  });

  it('reports a wrong check digit', () => {
    expect(checkNip('5265877634')).toEqual({ ok: false, reason: 'checksum' });
  });

  it('rejects every number whose sum gives 10, whatever the last digit', () => {
    // Σ over 123456789 is 373 ≡ 10 (mod 11): no tenth digit can match.
    for (let last = 0; last <= 9; last += 1) {
      expect(checkNip(`123456789${String(last)}`)).toEqual({ ok: false, reason: 'checksum' });
    }
  });

  it('reports empty input', () => {
    expect(checkNip(' ')).toEqual({ ok: false, reason: 'empty' });
  });
});
