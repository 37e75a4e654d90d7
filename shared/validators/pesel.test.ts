import { describe, expect, it } from 'vitest';
import { checkPesel, peselBirthDate, peselSex } from './pesel.ts';

// Fixtures beyond the brief's samples were computed outside this code (Python) and checked by hand:
// YY, MM + century offset, DD, serial 123, sex digit, then Q = (10 − Σ mod 10) mod 10.

describe('checkPesel', () => {
  it('accepts valid numbers and reports birth date and sex', () => {
    expect(checkPesel('44051401359')).toEqual({ ok: true, normalized: '44051401359', birthDate: '1944-05-14', sex: 'male' });
    expect(checkPesel('02070803628')).toEqual({ ok: true, normalized: '02070803628', birthDate: '1902-07-08', sex: 'female' });
  });

  it('trims and drops spaces and hyphens inside', () => {
    expect(checkPesel('  440514 013-59 ')).toMatchObject({ ok: true, normalized: '44051401359' });
    expect(checkPesel('440514\u00a001359')).toMatchObject({ ok: true, normalized: '44051401359' });
  });

  it('reports a wrong check digit as checksum', () => {
    expect(checkPesel('44051401358')).toEqual({ ok: false, reason: 'checksum' });
  });

  it('reports empty input, wrong lengths and non-digits', () => {
    expect(checkPesel('')).toEqual({ ok: false, reason: 'empty' });
    expect(checkPesel('   ')).toEqual({ ok: false, reason: 'empty' });
    expect(checkPesel('4405140135')).toEqual({ ok: false, reason: 'format' });
    expect(checkPesel('440514013590')).toEqual({ ok: false, reason: 'format' });
    expect(checkPesel('4405140135O')).toEqual({ ok: false, reason: 'format' });
  });

  it('decodes every century offset of the month', () => {
    expect(peselBirthDate('90923112344')).toBe('1890-12-31'); // month 92 = December, 1800s
    expect(peselBirthDate('50831512346')).toBe('1850-03-15'); // month 83
    expect(peselBirthDate('44051401359')).toBe('1944-05-14'); // month 05, 1900s
    expect(peselBirthDate('04222956732')).toBe('2004-02-29'); // month 22, 2000s
    expect(peselBirthDate('99523100104')).toBe('2199-12-31'); // month 52, 2100s
    expect(peselBirthDate('05710199987')).toBe('2205-11-01'); // month 71, 2200s
  });

  it('knows 29 February only in leap years', () => {
    expect(peselBirthDate('96022912346')).toBe('1996-02-29');
    expect(peselBirthDate('00222912349')).toBe('2000-02-29'); // divisible by 400
    expect(checkPesel('00022912343')).toEqual({ ok: false, reason: 'date' }); // 1900: century, not leap
    expect(checkPesel('00422912345')).toEqual({ ok: false, reason: 'date' }); // 2100: century, not leap
    expect(checkPesel('23222912348')).toEqual({ ok: false, reason: 'date' }); // 2023
  });

  it('reports dates that do not exist, even with a correct check digit', () => {
    expect(checkPesel('90023112347')).toEqual({ ok: false, reason: 'date' }); // 31 February
    expect(checkPesel('90130112344')).toEqual({ ok: false, reason: 'date' }); // month 13
    expect(checkPesel('90930112348')).toEqual({ ok: false, reason: 'date' }); // month 93: past the 1800s range
    expect(checkPesel('90001012340')).toEqual({ ok: false, reason: 'date' }); // month 00
    expect(checkPesel('90010012342')).toEqual({ ok: false, reason: 'date' }); // day 00
  });
});

describe('peselBirthDate and peselSex', () => {
  it('read the tenth digit: even is female, odd is male', () => {
    expect(peselSex('02070803628')).toBe('female');
    expect(peselSex('00222912349')).toBe('female');
    expect(peselSex('44051401359')).toBe('male');
    expect(peselSex('04222956732')).toBe('male');
  });

  it('accept the same messy input as checkPesel', () => {
    expect(peselBirthDate(' 440-514-013-59 ')).toBe('1944-05-14');
  });

  it('give null for anything checkPesel rejects', () => {
    for (const bad of ['', 'abc', '44051401358', '90023112347']) {
      expect(peselBirthDate(bad), bad).toBeNull();
      expect(peselSex(bad), bad).toBeNull();
    }
  });
});
