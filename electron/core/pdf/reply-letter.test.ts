import { describe, expect, it } from 'vitest';
import { fillBlocks, parseTemplateText } from '../../../shared/replies/template-text.ts';
import { pdfBarcodes, pdfFonts, pdfInfo, pdfText } from '../test-support/pdf-probe.ts';
import { renderReplyLetter, type ReplyLetter } from './reply-letter.ts';

const lines = (text: string) => {
  const [block] = fillBlocks(parseTemplateText(text).blocks, { podpisujacy: 'Żaneta Łęcka', stanowisko_podpisujacego: 'Naczelnik Wydziału Geodezji' }).blocks;
  return block?.kind === 'paragraph' ? block.lines : [];
};

function letter(overrides: Partial<ReplyLetter> = {}): ReplyLetter {
  return {
    letterhead: lines('Prezydent Miasta Opola\nWydział Geodezji\nul. Koraszewskiego 8, 45-011 Opole'),
    placeAndDate: 'Opole, 22 listopada 2026 r.',
    caseSign: 'GN-I.6831.12.2026',
    addressee: ['Pan Zdzisław Źdźbło', 'ul. Ściegiennego 3/7', '45-001 Opole'],
    body: fillBlocks(parseTemplateText('Szanowny Panie,\n\nw odpowiedzi na wniosek z dnia **10 listopada 2026 r.** informuję, że:\n1. podział zatwierdzono,\n2. mapę można odebrać w pokoju 112.\n\nZ poważaniem').blocks, {}).blocks,
    signature: lines('z up. Prezydenta Miasta Opola\n{{podpisujacy}}\n{{stanowisko_podpisujacego}}'),
    tracking: { url: 'https://kancelaria.opole.example/v1/track/K7M2-9QX4', code: 'K7M2-9QX4' },
    draft: false,
    title: 'Odpowiedź GN-I.6831.12.2026',
    ...overrides,
  };
}

describe('reply letter PDF', () => {
  it('prints the letter with its Polish text exactly, the znak sprawy, embedded fonts, page numbers and a tracking QR', async () => {
    const pdf = await renderReplyLetter(letter());
    expect(pdfInfo(pdf)).toMatchObject({ pages: 1, widthMm: 210, heightMm: 297, title: 'Odpowiedź GN-I.6831.12.2026' });
    const words = pdfText(pdf).split(/\s+/u).filter(Boolean).join(' ');
    for (const expected of [
      'Prezydent Miasta Opola Wydział Geodezji ul. Koraszewskiego 8, 45-011 Opole',
      'Opole, 22 listopada 2026 r.',
      'Znak sprawy: GN-I.6831.12.2026',
      'Pan Zdzisław Źdźbło ul. Ściegiennego 3/7 45-001 Opole',
      'w odpowiedzi na wniosek z dnia 10 listopada 2026 r. informuję, że:',
      '1. podział zatwierdzono, 2. mapę można odebrać w pokoju 112.',
      'z up. Prezydenta Miasta Opola Żaneta Łęcka Naczelnik Wydziału Geodezji',
      'Stan sprawy: K7M2-9QX4',
      'Strona 1 z 1',
    ]) expect(words).toContain(expected);
    expect(pdfText(pdf, { raw: true })).not.toContain('PROJEKT');
    expect(pdfFonts(pdf).length).toBeGreaterThan(0);
    expect(pdfFonts(pdf).every((font) => font.embedded)).toBe(true);
    expect((await pdfBarcodes(pdf)).map((b) => b.text)).toContain('https://kancelaria.opole.example/v1/track/K7M2-9QX4');
  });

  it('numbers every page of a long letter and marks each page of a draft', async () => {
    const long = Array.from({ length: 40 }, (_, i) => `Akapit ${String(i + 1)}: uzasadnienie decyzji wraz z podstawą prawną i pouczeniem o prawie wniesienia odwołania.`).join('\n\n');
    const pdf = await renderReplyLetter(letter({ body: fillBlocks(parseTemplateText(long).blocks, {}).blocks, draft: true, tracking: null }));
    const pages = pdfInfo(pdf).pages;
    expect(pages).toBeGreaterThanOrEqual(3);
    const text = pdfText(pdf, { raw: true });
    for (let page = 1; page <= pages; page++) expect(text).toContain(`Strona ${String(page)} z ${String(pages)}`);
    expect(text.match(/PROJEKT/gu)).toHaveLength(pages);
    expect(text).toContain('Akapit 40: uzasadnienie decyzji');
  });
});
