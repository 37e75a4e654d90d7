import { describe, expect, it } from 'vitest';
import { checkKrs } from './krs.ts';

describe('checkKrs', () => {
  it('keeps a full 10-digit number', () => {
    expect(checkKrs('0000012345')).toEqual({ ok: true, normalized: '0000012345' });
  });

  it('pads a shortened number with leading zeros', () => {
    expect(checkKrs('12345')).toEqual({ ok: true, normalized: '0000012345' });
    expect(checkKrs(' 1 ')).toEqual({ ok: true, normalized: '0000000001' });
    expect(checkKrs('000 012 345')).toEqual({ ok: true, normalized: '0000012345' });
  });

  it('rejects more than 10 digits and non-digits', () => {
    expect(checkKrs('12345678901')).toEqual({ ok: false, reason: 'format' });
    expect(checkKrs('KRS 12345')).toEqual({ ok: false, reason: 'format' });
    expect(checkKrs('12.345')).toEqual({ ok: false, reason: 'format' });
  });

  it('reports empty input', () => {
    expect(checkKrs('')).toEqual({ ok: false, reason: 'empty' });
  });
});
