import { describe, expect, it } from 'vitest';
import { kpaDueDate, rollForward, termEnd } from './kpa.ts';

describe('termEnd (art. 57 §§ 1–3a)', () => {
  it('days: the day of the event is not counted', () => {
    expect(termEnd('2025-03-10', { amount: 14, unit: 'days' })).toBe('2025-03-24');
    expect(termEnd('2025-12-19', { amount: 7, unit: 'days' })).toBe('2025-12-26');
    expect(termEnd('2028-02-22', { amount: 7, unit: 'days' })).toBe('2028-02-29');
    expect(termEnd('2025-05-05', { amount: 0, unit: 'days' })).toBe('2025-05-05');
  });

  it('weeks: the same weekday', () => {
    expect(termEnd('2025-03-05', { amount: 2, unit: 'weeks' })).toBe('2025-03-19');
  });

  it('months: the same day number, or the last day of the month', () => {
    expect(termEnd('2025-01-31', { amount: 1, unit: 'months' })).toBe('2025-02-28');
    expect(termEnd('2028-01-31', { amount: 1, unit: 'months' })).toBe('2028-02-29');
    expect(termEnd('2025-12-31', { amount: 2, unit: 'months' })).toBe('2026-02-28');
    expect(termEnd('2025-11-15', { amount: 3, unit: 'months' })).toBe('2026-02-15');
  });

  it('years: analogous, 29 February ending on 28 February', () => {
    expect(termEnd('2028-02-29', { amount: 1, unit: 'years' })).toBe('2029-02-28');
    expect(termEnd('2025-07-01', { amount: 1, unit: 'years' })).toBe('2026-07-01');
  });

  it('rejects a term that is not a whole number of units', () => {
    expect(() => termEnd('2025-03-10', { amount: -1, unit: 'days' })).toThrow(RangeError);
    expect(() => termEnd('2025-03-10', { amount: 1.5, unit: 'months' })).toThrow(RangeError);
  });
});

describe('rollForward (art. 57 § 4)', () => {
  it('leaves a working day alone, Good Friday included', () => {
    expect(rollForward('2025-04-10')).toBe('2025-04-10');
    expect(rollForward('2025-04-18')).toBe('2025-04-18');
  });

  it('moves a Saturday or a Sunday to Monday', () => {
    expect(rollForward('2025-03-01')).toBe('2025-03-03');
    expect(rollForward('2025-03-02')).toBe('2025-03-03');
  });

  it('moves a weekday holiday to the next day', () => {
    expect(rollForward('2025-06-19')).toBe('2025-06-20'); // Boże Ciało, Thursday
    expect(rollForward('2026-11-11')).toBe('2026-11-12'); // Wednesday
  });

  it('follows a chain Saturday → Easter Sunday → Easter Monday to Tuesday', () => {
    expect(rollForward('2026-04-04')).toBe('2026-04-07');
    expect(rollForward('2027-03-27')).toBe('2027-03-30');
  });

  it('follows the long Christmas chain of 2025: Wigilia, two holidays, Saturday, Sunday', () => {
    expect(rollForward('2025-12-24')).toBe('2025-12-29');
  });

  it('does not move 24 December 2024, a working day then', () => {
    expect(rollForward('2024-12-24')).toBe('2024-12-24');
  });

  it('1 May on a Friday, then Saturday, then 3 May on a Sunday', () => {
    expect(rollForward('2026-05-01')).toBe('2026-05-04');
  });

  it('New Year on a Friday', () => {
    expect(rollForward('2027-01-01')).toBe('2027-01-04');
  });

  it('moves Saturdays only from 1 June 2017, when § 4 started naming them', () => {
    expect(rollForward('2017-05-27')).toBe('2017-05-27');
    // Saturday → Pentecost Sunday → Monday
    expect(rollForward('2017-06-03')).toBe('2017-06-05');
    // Before 2017 the term ended on the next day after the days off, even a Saturday.
    expect(rollForward('2016-11-11')).toBe('2016-11-12');
  });
});

describe('kpaDueDate', () => {
  it('gives the statutory end and the end after § 4', () => {
    expect(kpaDueDate('2025-12-19', { amount: 7, unit: 'days' })).toEqual({ statutory: '2025-12-26', adjusted: '2025-12-29' });
    expect(kpaDueDate('2025-12-10', { amount: 14, unit: 'days' })).toEqual({ statutory: '2025-12-24', adjusted: '2025-12-29' });
    expect(kpaDueDate('2024-12-10', { amount: 14, unit: 'days' })).toEqual({ statutory: '2024-12-24', adjusted: '2024-12-24' });
    expect(kpaDueDate('2025-02-01', { amount: 1, unit: 'months' })).toEqual({ statutory: '2025-03-01', adjusted: '2025-03-03' });
    expect(kpaDueDate('2027-01-31', { amount: 1, unit: 'months' })).toEqual({ statutory: '2027-02-28', adjusted: '2027-03-01' });
    expect(kpaDueDate('2026-03-04', { amount: 1, unit: 'months' })).toEqual({ statutory: '2026-04-04', adjusted: '2026-04-07' });
    expect(kpaDueDate('2026-12-01', { amount: 1, unit: 'months' })).toEqual({ statutory: '2027-01-01', adjusted: '2027-01-04' });
    expect(kpaDueDate('2017-04-27', { amount: 1, unit: 'months' })).toEqual({ statutory: '2017-05-27', adjusted: '2017-05-27' });
  });
});
