import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open.ts';
import { pdfBarcodes, pdfFonts, pdfInfo, pdfText } from '../test-support/pdf-probe.ts';
import { registeredSample } from '../test-support/sample-item.ts';
import { useTempDirs } from '../test-support/temp-dir.ts';
import { renderLabel } from './label.ts';

const tempDir = useTempDirs();

function registered(deskCode = 'KO') {
  const db = openDatabase(join(tempDir(), 'k.sqlite'));
  for (let i = 0; i < 122; i++) registeredSample(db, {}, deskCode);
  const item = registeredSample(db, { attachmentsCount: 3 }, deskCode);
  db.close();
  return item;
}

describe('registration label', () => {
  it('prints the RPW number as text, as Code 128 and as QR on a 62 × 40 mm label', async () => {
    const item = registered('MZD-KO');
    expect(item.rpwNumber).toBe('RPW/MZD-KO/123/2026');
    const pdf = await renderLabel(item, 'roll62');
    expect(pdfInfo(pdf)).toMatchObject({ pages: 1, widthMm: 62, heightMm: 40 });
    const lines = pdfText(pdf).split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines).toEqual(['RPW/MZD-KO/123/2026', 'Wpływ: 20.11.2026, 09:15', 'Punkt kancelaryjny: MZD-KO', 'Załączniki: 3']);
    expect(pdfFonts(pdf).every((font) => font.embedded)).toBe(true);
    const codes = await pdfBarcodes(pdf);
    expect(codes.map((c) => [c.format, c.text]).sort()).toEqual([['Code128', 'RPW/MZD-KO/123/2026'], ['QRCode', 'RPW/MZD-KO/123/2026']]);
  });

  it('prints on the chosen free position of an A4 sheet of 3 × 8 labels', async () => {
    const item = registered();
    const pdf = await renderLabel(item, 'a4sheet', 24);
    expect(pdfInfo(pdf)).toMatchObject({ pages: 1, widthMm: 210, heightMm: 297 });
    const dpi = 300;
    const codes = await pdfBarcodes(pdf, { dpi });
    const code128 = codes.find((c) => c.format === 'Code128');
    expect(code128?.text).toBe(item.rpwNumber);
    // Position 24 is the last label: right column, bottom row.
    const px = (mm: number): number => (mm / 25.4) * dpi;
    expect(code128?.position.topLeft.x).toBeGreaterThan(px(140));
    expect(code128?.position.topLeft.y).toBeGreaterThan(px((297 * 7) / 8));
  });
});
