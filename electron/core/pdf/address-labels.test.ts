import { describe, expect, it } from 'vitest';
import { pdfFonts, pdfInfo, pdfText, pdfWords, type PdfWord } from '../test-support/pdf-probe.ts';
import { sampleOutgoingLetter } from '../test-support/sample-outgoing-letter.ts';
import { renderAddressLabels } from './address-labels.ts';

// The sheet: A4 in 3 columns × 8 rows, so one label is 70 × 37.125 mm.
const LABEL_W = 210 / 3;
const LABEL_H = 297 / 8;

/** The slot (0–23) a word lies in, or -1 when it straddles two labels (text spilling over the die-cut). */
function slotOf(word: PdfWord): number {
  const column = Math.floor(word.left / LABEL_W);
  const row = Math.floor(word.top / LABEL_H);
  const inside = Math.floor((word.right - 0.01) / LABEL_W) === column && Math.floor((word.bottom - 0.01) / LABEL_H) === row;
  return inside ? row * 3 + column : -1;
}

const wordsOfLabel = (words: readonly PdfWord[], page: number, slot: number): string =>
  words.filter((w) => w.page === page && slotOf(w) === slot).map((w) => w.text).join(' ');

describe('address labels on an A4 sheet of 3 × 8', () => {
  it('starts at the given position, goes on to a new sheet, and prints name, address, the registered marking and the znak sprawy', async () => {
    const letters = [
      sampleOutgoingLetter(1, { addresseeName: 'Zażółć Gęślą Jaźń', addressLines: 'ul. Źródlana 5/7\n90-001 Łódź', caseSign: 'GN-I.6831.12.2026' }),
      sampleOutgoingLetter(2, { channel: 'registered', caseSign: 'OŚ.6131.4.2026' }),
      sampleOutgoingLetter(3, { channel: 'ordinary', caseSign: 'KO.0003.1.2026' }),
      sampleOutgoingLetter(4, { caseSign: null }),
    ];
    const pdf = await renderAddressLabels(letters, 23);
    expect(pdfInfo(pdf)).toMatchObject({ pages: 2, widthMm: 210, heightMm: 297, title: 'Etykiety adresowe (4)' });
    const words = pdfWords(pdf);
    expect(words.every((w) => slotOf(w) >= 0)).toBe(true);
    expect(wordsOfLabel(words, 1, 22)).toBe('Zażółć Gęślą Jaźń ul. Źródlana 5/7 90-001 Łódź Polecony ZPO · GN-I.6831.12.2026');
    expect(wordsOfLabel(words, 1, 23)).toBe('Adresat nr 2 ul. Długa 2 45-011 Opole Polecony · OŚ.6131.4.2026');
    // Ordinary mail: no "Polecony" that would mislead the post office, still the case's sign.
    expect(wordsOfLabel(words, 2, 0)).toBe('Adresat nr 3 ul. Długa 3 45-011 Opole KO.0003.1.2026');
    expect(wordsOfLabel(words, 2, 1)).toBe('Adresat nr 4 ul. Długa 4 45-011 Opole Polecony ZPO');
    // The used-up part of the first sheet and the rest of the second stay blank.
    expect(words.filter((w) => w.page === 1).every((w) => slotOf(w) >= 22)).toBe(true);
    expect(words.filter((w) => w.page === 2).every((w) => slotOf(w) <= 1)).toBe(true);
    expect(pdfFonts(pdf).every((font) => font.embedded)).toBe(true);
  });

  it('fills whole sheets: 24 letters from position 1 are one page, the 25th starts a second', async () => {
    const letters = Array.from({ length: 25 }, (_, i) => sampleOutgoingLetter(i + 1));
    expect(pdfInfo(await renderAddressLabels(letters.slice(0, 24), 1)).pages).toBe(1);
    const pdf = await renderAddressLabels(letters, 1);
    expect(pdfInfo(pdf).pages).toBe(2);
    const words = pdfWords(pdf);
    for (let slot = 0; slot < 24; slot++) expect(wordsOfLabel(words, 1, slot)).toContain(`Adresat nr ${String(slot + 1)} `);
    expect(wordsOfLabel(words, 2, 0)).toContain('Adresat nr 25 ');
  });

  it('keeps a very long name and address inside its label', async () => {
    const long = sampleOutgoingLetter(1, {
      addresseeName: 'Przedsiębiorstwo Gospodarki Komunalnej i Mieszkaniowej Spółka z ograniczoną odpowiedzialnością w likwidacji',
      addressLines: Array.from({ length: 9 }, (_, i) => `linia adresu nr ${String(i + 1)}, Świętokrzyska`).join('\n'),
    });
    const pdf = await renderAddressLabels([long, sampleOutgoingLetter(2)], 4);
    const words = pdfWords(pdf);
    expect(words.every((w) => slotOf(w) === 3 || slotOf(w) === 4)).toBe(true);
    const label = wordsOfLabel(words, 1, 3);
    expect(label).toMatch(/^Przedsiębiorstwo Gospodarki/u);
    expect(label).toMatch(/Polecony ZPO · GN-I\.6831\.1\.2026$/u);
    expect(wordsOfLabel(words, 1, 4)).toBe('Adresat nr 2 ul. Długa 2 45-011 Opole Polecony ZPO · GN-I.6831.2.2026');
    expect(pdfText(pdf)).toContain('…');
  });

  it('refuses a position off the sheet and an empty list, rather than printing something else', async () => {
    await expect(renderAddressLabels([sampleOutgoingLetter(1)], 25)).rejects.toThrow('position must be 1–24');
    await expect(renderAddressLabels([sampleOutgoingLetter(1)], 0)).rejects.toThrow('position must be 1–24');
    await expect(renderAddressLabels([], 1)).rejects.toThrow('no letters');
  });
});
