import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareZXingModule, readBarcodes, type ReadResult } from 'zxing-wasm/reader';

/**
 * Reads generated PDFs back the way a person or a scanner would: poppler's pdftotext, pdffonts,
 * pdfinfo and pdftoppm (Debian's poppler-utils), and ZXing decoding the rendered page.
 */

function withPdfFile<T>(bytes: Uint8Array, use: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'kancelaria-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    return use(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of the PDF (all pages; `layout` keeps columns apart as pdftotext -layout does). */
/** `raw`: content-stream order, diagonal text included (pdftotext drops it otherwise). */
export function pdfText(bytes: Uint8Array, options: { layout?: boolean; raw?: boolean } = {}): string {
  const mode = options.layout ? ['-layout'] : options.raw ? ['-raw'] : [];
  return withPdfFile(bytes, (file) => execFileSync('pdftotext', [...mode, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
}

export interface PdfFont {
  readonly name: string;
  readonly type: string;
  readonly embedded: boolean;
}

export function pdfFonts(bytes: Uint8Array): PdfFont[] {
  const out = withPdfFile(bytes, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
  // Columns: name type encoding emb sub uni object ID; the header is two lines.
  return out.split('\n').slice(2).filter((line) => line.trim() !== '').map((line) => {
    const cells = line.trim().split(/\s+/u);
    const [name = '', type = ''] = cells;
    const embedded = cells.at(-5) === 'yes';
    return { name, type, embedded };
  });
}

export interface PdfInfo {
  readonly pages: number;
  /** Page size of the first page in millimetres, rounded to 0.1 mm. */
  readonly widthMm: number;
  readonly heightMm: number;
  readonly title: string;
}

export function pdfInfo(bytes: Uint8Array): PdfInfo {
  const out = withPdfFile(bytes, (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  const field = (name: string): string => new RegExp(`^${name}:\\s*(.*)$`, 'mu').exec(out)?.[1]?.trim() ?? '';
  const size = /([\d.]+) x ([\d.]+) pts/u.exec(field('Page size'));
  const toMm = (pt: string | undefined): number => Math.round((Number(pt) * 25.4 * 10) / 72) / 10;
  return { pages: Number(field('Pages')), widthMm: toMm(size?.[1]), heightMm: toMm(size?.[2]), title: field('Title') };
}

let zxingReady = false;

/** Renders one page at `dpi` (like a 300 dpi office scan) and decodes every barcode on it. */
export async function pdfBarcodes(bytes: Uint8Array, options: { page?: number; dpi?: number } = {}): Promise<ReadResult[]> {
  if (!zxingReady) {
    const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
    await prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) }, fireImmediately: true });
    zxingReady = true;
  }
  const page = String(options.page ?? 1);
  const png = withPdfFile(bytes, (file, dir) => {
    execFileSync('pdftoppm', ['-png', '-r', String(options.dpi ?? 300), '-f', page, '-l', page, '-singlefile', file, join(dir, 'page')]);
    return readFileSync(join(dir, 'page.png'));
  });
  return readBarcodes(new Uint8Array(png), { formats: ['Code128', 'QRCode'], tryHarder: true, maxNumberOfSymbols: 64 });
}

export interface PdfWord {
  /** From 1. */
  readonly page: number;
  readonly text: string;
  /** The word's box in millimetres from the page's top left corner. */
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** Every word with its place on the page (pdftotext -bbox), to check that text lands where paper needs it. */
export function pdfWords(bytes: Uint8Array): PdfWord[] {
  const html = withPdfFile(bytes, (file) => execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
  const toMm = (pt: string): number => (Number(pt) * 25.4) / 72;
  const unescape = (text: string): string => text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');
  const words: PdfWord[] = [];
  html.split(/<page /u).slice(1).forEach((page, index) => {
    for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/gu)) {
      words.push({ page: index + 1, text: unescape(m[5] ?? ''), left: toMm(m[1] ?? ''), top: toMm(m[2] ?? ''), right: toMm(m[3] ?? ''), bottom: toMm(m[4] ?? '') });
    }
  });
  return words;
}
