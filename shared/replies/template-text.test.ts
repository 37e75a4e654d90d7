import { describe, expect, it } from 'vitest';
import { polishLongDate, placeAndDateLine } from './letter-date.ts';
import { fillBlocks, parseTemplateText, placeholdersOf } from './template-text.ts';
import { checkTemplate } from './templates.ts';

const BODY = `W odpowiedzi na pismo z dnia {{data_pisma}} (wpływ {{numer_rpw}}) uprzejmie informuję, że sprawa **{{tytul_sprawy}}** jest prowadzona.

Do wniosku należy dołączyć:
- mapę z projektem podziału,
- **wypis** z rejestru gruntów.

Termin załatwienia sprawy: {{termin_zalatwienia}}.`;

describe('letter template text', () => {
  it('reads paragraphs, bold runs, lists and placeholders', () => {
    const { blocks, issues } = parseTemplateText(BODY);
    expect(issues).toEqual([]);
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'list', 'paragraph']);
    expect(blocks[0]).toEqual({ kind: 'paragraph', lines: [[
      { kind: 'text', text: 'W odpowiedzi na pismo z dnia ', bold: false }, { kind: 'placeholder', name: 'data_pisma', bold: false },
      { kind: 'text', text: ' (wpływ ', bold: false }, { kind: 'placeholder', name: 'numer_rpw', bold: false },
      { kind: 'text', text: ') uprzejmie informuję, że sprawa ', bold: false }, { kind: 'placeholder', name: 'tytul_sprawy', bold: true },
      { kind: 'text', text: ' jest prowadzona.', bold: false },
    ]] });
    expect(blocks[2]).toEqual({ kind: 'list', ordered: false, items: [
      [{ kind: 'text', text: 'mapę z projektem podziału,', bold: false }],
      [{ kind: 'text', text: 'wypis', bold: true }, { kind: 'text', text: ' z rejestru gruntów.', bold: false }],
    ] });
    expect(placeholdersOf(blocks)).toEqual(['data_pisma', 'numer_rpw', 'tytul_sprawy', 'termin_zalatwienia']);
    expect(parseTemplateText('1. pierwszy\n2) drugi\n- inny').blocks.map((b) => b.kind === 'list' && b.ordered)).toEqual([true, false]);
  });

  it('catches unknown, unclosed, unopened and empty placeholders and unclosed bold, with line and column', () => {
    const text = 'Szanowny Panie {{adresat}},\ndotyczy {{znak_sprawy}} z dnia {{data_wplywu\n\nz {{nr_sprawy}} i {{ }} oraz }} i **pogrubienie';
    expect(parseTemplateText(text).issues).toEqual([
      { key: 'templates.errors.unclosedPlaceholder', line: 2, column: 32 },
      { key: 'templates.errors.unknownPlaceholder', line: 4, column: 3, name: 'nr_sprawy' },
      { key: 'templates.errors.emptyPlaceholder', line: 4, column: 19 },
      { key: 'templates.errors.unopenedPlaceholder', line: 4, column: 30 },
      { key: 'templates.errors.unclosedBold', line: 4, column: 35 },
    ]);
    // An unclosed placeholder followed by a good one on the same line: both are seen.
    expect(parseTemplateText('{{adresat {{znak_sprawy}}').issues).toEqual([{ key: 'templates.errors.unclosedPlaceholder', line: 1, column: 1 }]);
    expect(checkTemplate({ letterhead: 'Urząd Miasta {{miasto}}', body: BODY, signature: '{{podpisujacy}}\n{{stanowisko}}' })).toEqual([
      { field: 'letterhead', key: 'templates.errors.unknownPlaceholder', line: 1, column: 14, name: 'miasto' },
      { field: 'signature', key: 'templates.errors.unknownPlaceholder', line: 2, column: 1, name: 'stanowisko' },
    ]);
  });

  it('fills placeholders and reports those without a value instead of printing them blank', () => {
    const { blocks } = parseTemplateText(BODY);
    const filled = fillBlocks(blocks, { data_pisma: '10 listopada 2026 r.', numer_rpw: 'KO/17/2026', tytul_sprawy: 'Podział działki 12/3', termin_zalatwienia: '   ' });
    expect(filled.missing).toEqual(['termin_zalatwienia']);
    expect(filled.blocks[3]).toEqual({ kind: 'paragraph', lines: [[
      { text: 'Termin załatwienia sprawy: ', bold: false }, { text: '[termin_zalatwienia]', bold: false }, { text: '.', bold: false },
    ]] });
    expect(filled.blocks[0]?.kind === 'paragraph' && filled.blocks[0].lines[0]?.map((r) => r.text).join('')).toBe(
      'W odpowiedzi na pismo z dnia 10 listopada 2026 r. (wpływ KO/17/2026) uprzejmie informuję, że sprawa Podział działki 12/3 jest prowadzona.',
    );
  });

  it('writes the date as Polish letters do', () => {
    expect(placeAndDateLine('Opole', '2026-11-22')).toBe('Opole, 22 listopada 2026 r.');
    expect(polishLongDate('2027-01-05')).toBe('5 stycznia 2027 r.');
    expect(polishLongDate('2026-09-30')).toBe('30 września 2026 r.');
    expect(() => polishLongDate('2026-13-01')).toThrow();
  });
});
