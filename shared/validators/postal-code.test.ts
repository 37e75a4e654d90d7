import { describe, expect, it } from 'vitest';
import { checkPostalCode } from './postal-code.ts';

describe('checkPostalCode', () => {
  it('accepts NN-NNN and five bare digits, normalised to NN-NNN', () => {
    expect(checkPostalCode('00-950')).toEqual({ ok: true, normalized: '00-950' });
    expect(checkPostalCode('00950')).toEqual({ ok: true, normalized: '00-950' });
    expect(checkPostalCode(' 31-072 ')).toEqual({ ok: true, normalized: '31-072' });
  });

  it('accepts spaces and a typographic dash in the separator position', () => {
    expect(checkPostalCode('00 950')).toEqual({ ok: true, normalized: '00-950' });
    expect(checkPostalCode('00 - 950')).toEqual({ ok: true, normalized: '00-950' });
    expect(checkPostalCode('00\u2013950')).toEqual({ ok: true, normalized: '00-950' });
  });

  it('rejects wrong digit counts, letters and a misplaced hyphen', () => {
    for (const bad of ['0-950', '00-95a', '00-9500', '000-950', '009-50', '00--950', '0095']) {
      expect(checkPostalCode(bad), bad).toEqual({ ok: false, reason: 'format' });
    }
  });

  it('reports empty input', () => {
    expect(checkPostalCode('  ')).toEqual({ ok: false, reason: 'empty' });
  });
});
