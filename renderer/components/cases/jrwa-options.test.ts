import { describe, expect, it } from 'vitest';
import type { JrwaClass } from '../../../shared/organisation/jrwa.ts';
import { foldText, jrwaOptions } from './jrwa-options.ts';

function jrwa(symbol: string, heading: string, category: string | null = null, takesCases = category !== null): JrwaClass {
  return { symbol, heading, parentSymbol: symbol.length > 1 ? symbol.slice(0, -1) : null, category, categoryOther: null, notes: null, localAddition: false, takesCases };
}

const classes = [
  jrwa('1431', 'Udostępnianie informacji publicznej', 'A'),
  jrwa('1', 'ORGANIZACJA'),
  jrwa('14', 'Informacja, skargi'),
  jrwa('143', 'Informacja publiczna'),
  jrwa('0', 'ZARZĄDZANIE'),
  jrwa('00', 'Rada gminy'),
  jrwa('0002', 'Sesje rady gminy', 'A'),
  jrwa('000', 'Rada'),
  jrwa('0003', 'Łączność z mieszkańcami', 'Bc'),
  jrwa('2', 'MAJĄTEK'),
  jrwa('20', 'Grupa bez klas końcowych'),
];

describe('JRWA options', () => {
  it('lists the end classes under their headings, in tree order, without empty branches', () => {
    expect(jrwaOptions(classes).map((o) => `${o.symbol}${o.selectable ? '' : ' (nagłówek)'}`)).toEqual([
      '0 (nagłówek)', '00 (nagłówek)', '000 (nagłówek)', '0002', '0003',
      '1 (nagłówek)', '14 (nagłówek)', '143 (nagłówek)', '1431',
    ]);
    expect(jrwaOptions(classes).find((o) => o.symbol === '0002')?.depth).toBe(3);
  });

  it('finds classes by the start of their symbol or of words in their heading, with or without Polish letters', () => {
    expect(jrwaOptions(classes, '143').filter((o) => o.selectable).map((o) => o.symbol)).toEqual(['1431']);
    expect(jrwaOptions(classes, 'inf pub').filter((o) => o.selectable).map((o) => o.symbol)).toEqual(['1431']);
    expect(jrwaOptions(classes, 'lacznosc').map((o) => o.symbol)).toEqual(['0', '00', '000', '0003']);
    expect(jrwaOptions(classes, 'ZARZĄD')).toEqual([]);
  });

  it('folds case and Polish diacritics', () => {
    expect(foldText('ŁĄCZNOŚĆ Źródło')).toBe('lacznosc zrodlo');
  });
});
