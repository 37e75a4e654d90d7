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
  for (const font of [cached.regular, cached.bold]) claimCodePoints(font as GlyphSource);
  return cached;
}

interface GlyphSource {
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): unknown;
}

/**
 * fontkit keeps one glyph object per glyph for the font's lifetime, with the characters it was
 * first looked up for, and pdfkit writes those into each PDF's text layer (ToUnicode). Embedding
 * "ó" pulls in its component "o" with no characters at all; if that happens before any "o" was
 * laid out, every later PDF of the process prints "o" fine but copies and searches as nothing
 * ("Pr edsiębi rstw"). Looking up the Latin letters, marks and punctuation first, once (a few ms),
 * gives those glyphs their own characters before anything can borrow them.
 */
const CLAIMED_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x24f], // Basic Latin to Latin Extended-B: the base letters of every Polish composite
  [0x2b0, 0x36f], // spacing modifiers and combining marks: the acute, dot and ogonek components
  [0x2000, 0x206f], // general punctuation: dashes, „Polish quotes”, the ellipsis
];

function claimCodePoints(font: GlyphSource): void {
  for (const [from, to] of CLAIMED_RANGES) for (let codePoint = from; codePoint <= to; codePoint++) {
    // Code points the font lacks all map to .notdef; claiming it for one of them would be arbitrary.
    if (font.hasGlyphForCodePoint(codePoint)) font.glyphForCodePoint(codePoint);
  }
}
