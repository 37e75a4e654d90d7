import { describe, expect, it } from 'vitest';
import { easterSunday } from './easter.ts';
import { holidaysOf, isHoliday, isStatutoryDayOff, isWorkingDay } from './holidays.ts';

/** Easter dates checked against published calendars and python-dateutil's `easter` (another algorithm). */
const MOVABLE: readonly { year: number; easter: string; easterMonday: string; pentecost: string; corpusChristi: string }[] = [
  { year: 2024, easter: '2024-03-31', easterMonday: '2024-04-01', pentecost: '2024-05-19', corpusChristi: '2024-05-30' },
  { year: 2025, easter: '2025-04-20', easterMonday: '2025-04-21', pentecost: '2025-06-08', corpusChristi: '2025-06-19' },
  { year: 2026, easter: '2026-04-05', easterMonday: '2026-04-06', pentecost: '2026-05-24', corpusChristi: '2026-06-04' },
  { year: 2027, easter: '2027-03-28', easterMonday: '2027-03-29', pentecost: '2027-05-16', corpusChristi: '2027-05-27' },
  { year: 2028, easter: '2028-04-16', easterMonday: '2028-04-17', pentecost: '2028-06-04', corpusChristi: '2028-06-15' },
  { year: 2029, easter: '2029-04-01', easterMonday: '2029-04-02', pentecost: '2029-05-20', corpusChristi: '2029-05-31' },
  { year: 2030, easter: '2030-04-21', easterMonday: '2030-04-22', pentecost: '2030-06-09', corpusChristi: '2030-06-20' },
];

function dateOf(year: number, name: string): string | undefined {
  return holidaysOf(year).find((holiday) => holiday.name === name)?.date;
}

describe('easterSunday', () => {
  it('matches the calendar for 2024–2030', () => {
    for (const { year, easter } of MOVABLE) expect(easterSunday(year), String(year)).toBe(easter);
  });

  it('gets the extremes right: earliest (22 March) and latest (25 April) possible dates', () => {
    expect(easterSunday(2285)).toBe('2285-03-22');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(easterSunday(2008)).toBe('2008-03-23');
    expect(easterSunday(2011)).toBe('2011-04-24');
  });
});

describe('holidaysOf', () => {
  it('places the Easter-based holidays for 2024–2030', () => {
    for (const row of MOVABLE) {
      expect(dateOf(row.year, 'Wielkanoc')).toBe(row.easter);
      expect(dateOf(row.year, 'Poniedziałek Wielkanocny')).toBe(row.easterMonday);
      expect(dateOf(row.year, 'Zielone Świątki')).toBe(row.pentecost);
      expect(dateOf(row.year, 'Boże Ciało')).toBe(row.corpusChristi);
    }
  });

  it('lists the 14 holidays of 2025 in date order', () => {
    expect(holidaysOf(2025)).toEqual([
      { date: '2025-01-01', name: 'Nowy Rok' },
      { date: '2025-01-06', name: 'Święto Trzech Króli' },
      { date: '2025-04-20', name: 'Wielkanoc' },
      { date: '2025-04-21', name: 'Poniedziałek Wielkanocny' },
      { date: '2025-05-01', name: 'Święto Pracy' },
      { date: '2025-05-03', name: 'Święto Konstytucji 3 Maja' },
      { date: '2025-06-08', name: 'Zielone Świątki' },
      { date: '2025-06-19', name: 'Boże Ciało' },
      { date: '2025-08-15', name: 'Wniebowzięcie Najświętszej Maryi Panny' },
      { date: '2025-11-01', name: 'Wszystkich Świętych' },
      { date: '2025-11-11', name: 'Narodowe Święto Niepodległości' },
      { date: '2025-12-24', name: 'Wigilia Bożego Narodzenia' },
      { date: '2025-12-25', name: 'Boże Narodzenie (pierwszy dzień)' },
      { date: '2025-12-26', name: 'Boże Narodzenie (drugi dzień)' },
    ]);
  });

  it('has 13 holidays in 2024: Wigilia became one only from 2025', () => {
    expect(holidaysOf(2024).map((holiday) => holiday.date)).toEqual([
      '2024-01-01', '2024-01-06', '2024-03-31', '2024-04-01', '2024-05-01', '2024-05-03', '2024-05-19',
      '2024-05-30', '2024-08-15', '2024-11-01', '2024-11-11', '2024-12-25', '2024-12-26',
    ]);
  });

  it('keeps date order in an early-Easter year (2027)', () => {
    expect(holidaysOf(2027).slice(0, 5).map((holiday) => holiday.date)).toEqual(['2027-01-01', '2027-01-06', '2027-03-28', '2027-03-29', '2027-05-01']);
  });
});

describe('isHoliday', () => {
  it('24 December: a working day in 2024, a holiday from 2025', () => {
    expect(isHoliday('2024-12-24')).toBe(false);
    expect(isHoliday('2025-12-24')).toBe(true);
    expect(isHoliday('2026-12-24')).toBe(true);
  });

  it('6 January: a holiday from 2011', () => {
    expect(isHoliday('2010-01-06')).toBe(false);
    expect(isHoliday('2011-01-06')).toBe(true);
  });

  it('knows the fixed and movable holidays, and nothing else', () => {
    for (const date of ['2026-01-01', '2026-04-06', '2026-05-01', '2026-05-03', '2026-06-04', '2026-08-15', '2026-11-01', '2026-11-11', '2026-12-25', '2026-12-26']) {
      expect(isHoliday(date), date).toBe(true);
    }
    // Good Friday, Holy Saturday, a plain Sunday, Pentecost Monday and 2 May are not statutory holidays.
    for (const date of ['2026-04-03', '2026-04-04', '2026-03-01', '2026-05-25', '2026-05-02', '2026-12-31']) {
      expect(isHoliday(date), date).toBe(false);
    }
  });

  it('answers for years far from any other lookup', () => {
    expect(isHoliday('2099-12-25')).toBe(true);
    expect(isHoliday('1995-05-03')).toBe(true);
    expect(isHoliday('2050-04-11')).toBe(true); // Easter Monday 2050 (Easter 10 April)
  });
});

describe('isStatutoryDayOff and isWorkingDay', () => {
  it('treat Sundays as statutory days off, Saturdays as neither a day off nor a working day', () => {
    expect(isStatutoryDayOff('2025-03-02')).toBe(true); // Sunday
    expect(isStatutoryDayOff('2025-03-01')).toBe(false); // Saturday
    expect(isStatutoryDayOff('2025-05-01')).toBe(true); // Thursday holiday
    expect(isWorkingDay('2025-03-01')).toBe(false);
    expect(isWorkingDay('2025-03-02')).toBe(false);
    expect(isWorkingDay('2025-03-03')).toBe(true);
    expect(isWorkingDay('2025-05-01')).toBe(false);
    expect(isWorkingDay('2025-04-18')).toBe(true); // Good Friday
  });
});
