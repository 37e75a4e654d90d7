import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

/**
 * DejaVu Sans, embedded in every PDF: the 14 standard PDF fonts cannot print ą ć ę ł ń ó ś ź ż.
 * Parsed once per process and reused: parsing the TTF for each document costs ~60 ms, more than
 * the whole label budget.
 */
export interface PdfFonts {
  readonly regular: unknown;
  readonly bold: unknown;
}

let cached: PdfFonts | null = null;

export function pdfFonts(): PdfFonts {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const load = (file: string): unknown => fontkit.create(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)));
  cached = { regular: load('DejaVuSans.ttf'), bold: load('DejaVuSans-Bold.ttf') };
  return cached;
}
