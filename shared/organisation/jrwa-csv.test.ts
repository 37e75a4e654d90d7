import { describe, expect, it } from 'vitest';
import { parseJrwaCsv } from './jrwa-csv.ts';

describe('JRWA from a spreadsheet export', () => {
  it('reads the classes with their categories from a semicolon CSV with a BOM and quoted headings', () => {
    const csv = '\uFEFFSymbol;Hasło;Kategoria;Kategoria inne;Uwagi\r\n0;ZARZĄDZANIE;;;\r\n00;Rada gminy;;;\r\n000;Organizacja rady;;;\r\n0002;"Sesje rady gminy; zaproszenia, protokoły";A;Bc;\r\n';
    const { classes, problems } = parseJrwaCsv(csv);
    expect(problems).toEqual([]);
    expect(classes.map((c) => [c.symbol, c.category])).toEqual([['0', null], ['00', null], ['000', null], ['0002', 'A']]);
    expect(classes[3]).toMatchObject({ heading: 'Sesje rady gminy; zaproszenia, protokoły', categoryOther: 'Bc' });
  });

  it('names the line of every problem and imports nothing from a broken file', () => {
    const csv = 'symbol,haslo,kategoria\n0,ZARZĄDZANIE,\n0002,Sesje,A\n01x,Zły symbol,A\n0,Powtórka,\n1,Kadry,Z\n';
    const { classes, problems } = parseJrwaCsv(csv);
    expect(classes).toEqual([]);
    expect(problems).toEqual(expect.arrayContaining([
      { line: 4, message: 'jrwa.badSymbol' },
      { line: 6, message: 'jrwa.badCategory' },
      { line: 5, message: 'jrwa.duplicateSymbol' },
      { line: 3, message: 'jrwa.missingParent' },
    ]));
  });

  it('refuses a file without the symbol and heading columns', () => {
    expect(parseJrwaCsv('kod;opis\n0;x\n').problems).toEqual([{ line: 1, message: 'jrwa.badHeader' }]);
  });
});
