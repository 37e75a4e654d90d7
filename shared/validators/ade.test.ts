import { describe, expect, it } from 'vitest';
import { checkAde } from './ade.ts';

describe('checkAde', () => {
  it('accepts a valid address', () => {
    expect(checkAde('AE:PL-94183-72501-VCTWH-31')).toEqual({ ok: true, normalized: 'AE:PL-94183-72501-VCTWH-31' });
  });

  it('normalises case, surrounding and inner spaces, and typographic dashes', () => {
    expect(checkAde('  ae:pl-94183-72501-vctwh-31 ')).toEqual({ ok: true, normalized: 'AE:PL-94183-72501-VCTWH-31' });
    expect(checkAde('AE: PL-94183-72501-VCTWH-31')).toEqual({ ok: true, normalized: 'AE:PL-94183-72501-VCTWH-31' });
    expect(checkAde('AE:PL\u201394183\u201372501-VCTWH-31')).toEqual({ ok: true, normalized: 'AE:PL-94183-72501-VCTWH-31' });
  });

  it('rejects addresses that break the pattern', () => {
    for (const bad of [
      'PL-94183-72501-VCTWH-31', // no AE: prefix
      'AE:DE-94183-72501-VCTWH-31', // not a Polish address
      'AE:PL-9418-72501-VCTWH-31', // group of four
      'AE:PL-94183-72501-VCTWH-3A', // final group must be digits
      'AE:PL-94183-72501-VCTWH-311',
      'AE:PL-9418372501VCTWH31', // hyphens are part of the format
      'AE:PL-94183-72501-VCTWĄ-31', // Polish letters are not used
    ]) {
      expect(checkAde(bad), bad).toEqual({ ok: false, reason: 'format' });
    }
  });

  it('reports empty input', () => {
    expect(checkAde('')).toEqual({ ok: false, reason: 'empty' });
  });
});
