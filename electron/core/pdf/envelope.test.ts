import { describe, expect, it } from 'vitest';
import { pdfFonts, pdfInfo, pdfWords, type PdfWord } from '../test-support/pdf-probe.ts';
import { sampleOutgoingLetter } from '../test-support/sample-outgoing-letter.ts';
import { renderEnvelopes } from './envelope.ts';

const sender = { name: 'Urząd Miasta Opola', addressLines: ['ul. Koraszewskiego 8', '45-011 Opole'] };

interface Zone { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number }

/** The words of one page lying wholly inside a zone (millimetres from the top left corner). */
const wordsIn = (words: readonly PdfWord[], page: number, zone: Zone): string =>
  words.filter((w) => w.page === page && w.left >= zone.left && w.right <= zone.right && w.top >= zone.top && w.bottom <= zone.bottom).map((w) => w.text).join(' ');

/** The 90 × 45 mm right window, 20 mm from the right edge and 15 mm from the bottom. */
const windowOf = (width: number, height: number): Zone => ({ left: width - 110, top: height - 60, right: width - 20, bottom: height - 15 });

const letters = [
  sampleOutgoingLetter(1, { addresseeName: 'Zażółć Gęślą Jaźń', addressLines: 'ul. Źródlana 5/7\n90-001 Łódź', caseSign: 'GN-I.6831.12.2026' }),
  sampleOutgoingLetter(2, { channel: 'registered', caseSign: 'OŚ.6131.4.2026' }),
  sampleOutgoingLetter(3, { channel: 'ordinary', caseSign: null }),
];

describe('envelopes', () => {
  it('DL: one landscape 220 × 110 mm page per letter, the address in the window, the sender top left with the znak sprawy, the registered marking top right', async () => {
    const pdf = await renderEnvelopes(letters, 'DL', sender);
    // 623.6 × 311.8 pt.
    expect(pdfInfo(pdf)).toMatchObject({ pages: 3, widthMm: 220, heightMm: 110, title: 'Koperty DL (3)' });
    const words = pdfWords(pdf);
    const window = windowOf(220, 110);
    const topLeft: Zone = { left: 0, top: 0, right: 110, bottom: 40 };
    const topRight: Zone = { left: 110, top: 0, right: 220, bottom: 40 };
    expect(wordsIn(words, 1, window)).toBe('Zażółć Gęślą Jaźń ul. Źródlana 5/7 90-001 Łódź');
    expect(wordsIn(words, 1, topLeft)).toBe('Urząd Miasta Opola ul. Koraszewskiego 8 45-011 Opole Znak sprawy: GN-I.6831.12.2026');
    expect(wordsIn(words, 1, topRight)).toBe('R Polecony ZPO – KPA');
    expect(wordsIn(words, 2, window)).toBe('Adresat nr 2 ul. Długa 2 45-011 Opole');
    expect(wordsIn(words, 2, topRight)).toBe('R Polecony');
    // Ordinary mail and a letter with no case: no R box, no znak sprawy line, nothing else anywhere.
    expect(wordsIn(words, 3, topRight)).toBe('');
    expect(words.filter((w) => w.page === 3).map((w) => w.text).join(' ')).toBe('Urząd Miasta Opola ul. Koraszewskiego 8 45-011 Opole Adresat nr 3 ul. Długa 3 45-011 Opole');
    // Nothing in the bottom 15 mm, the band the sorting machine prints its code on.
    expect(words.every((w) => w.bottom <= 110 - 15)).toBe(true);
    expect(pdfFonts(pdf).every((font) => font.embedded)).toBe(true);
  });

  it('C5: 229 × 162 mm, the address in the same right window measured from the bottom right corner', async () => {
    const pdf = await renderEnvelopes(letters.slice(0, 1), 'C5', sender);
    expect(pdfInfo(pdf)).toMatchObject({ pages: 1, widthMm: 229, heightMm: 162 });
    const words = pdfWords(pdf);
    expect(wordsIn(words, 1, windowOf(229, 162))).toBe('Zażółć Gęślą Jaźń ul. Źródlana 5/7 90-001 Łódź');
    expect(wordsIn(words, 1, { left: 0, top: 0, right: 110, bottom: 40 })).toContain('Znak sprawy: GN-I.6831.12.2026');
  });

  it('keeps a long address inside the window and refuses an empty list', async () => {
    const long = sampleOutgoingLetter(1, {
      addresseeName: 'Przedsiębiorstwo Gospodarki Komunalnej i Mieszkaniowej Spółka z ograniczoną odpowiedzialnością',
      addressLines: Array.from({ length: 8 }, (_, i) => `linia adresu ${String(i + 1)}`).join('\n'),
    });
    const words = pdfWords(await renderEnvelopes([long], 'DL', sender));
    const addressee = words.filter((w) => w.left >= 100);
    expect(addressee.map((w) => w.text).join(' ')).toMatch(/^R Polecony ZPO – KPA Przedsiębiorstwo Gospodarki/u);
    const window = windowOf(220, 110);
    expect(addressee.filter((w) => w.top > 40).every((w) => w.left >= window.left && w.right <= window.right && w.bottom <= window.bottom)).toBe(true);
    await expect(renderEnvelopes([], 'C5', sender)).rejects.toThrow('no letters');
  });
});
