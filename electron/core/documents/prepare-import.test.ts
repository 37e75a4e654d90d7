import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfInfo } from '../test-support/pdf-probe.ts';
import { useTempDirs } from '../test-support/temp-dir.ts';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './import-limits.ts';
import { ImportRefused } from './import-refused.ts';
import { prepareImport } from './prepare-import.ts';

/**
 * The checks and conversions of an import, run in-process on real files: the corpus's, files cut
 * short the way an interrupted download cuts them, and a JPEG rendered by poppler.
 */

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus');
const corpus = (file: string): Buffer => readFileSync(join(CORPUS, file));
const tempDir = useTempDirs();

async function refusalOf(bytes: Uint8Array, limits: Partial<ImportLimits> = {}): Promise<string> {
  try {
    await prepareImport(bytes, { ...DEFAULT_IMPORT_LIMITS, ...limits });
  } catch (error) {
    if (error instanceof ImportRefused) return error.reason;
    throw error;
  }
  return 'imported';
}

/** A Letter page rendered to JPEG at `dpi` by poppler (JFIF density = dpi). */
function renderedJpeg(dpi: number): Buffer {
  const dir = tempDir();
  execFileSync('pdftoppm', ['-jpeg', '-r', String(dpi), '-singlefile', join(CORPUS, 'paperless-ngx/simple.pdf'), join(dir, 'page')]);
  return readFileSync(join(dir, 'page.jpg'));
}

/** An EXIF block (APP1) saying "turn 90° clockwise", as a phone writes it, put after SOI. */
function withExifOrientation(jpeg: Buffer, orientation: number): Buffer {
  const tiff = Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), header, payload, jpeg.subarray(2)]);
}

describe('prepareImport', () => {
  it('refuses files cut off in transit as corrupt', async () => {
    const half = (bytes: Buffer): Buffer => bytes.subarray(0, Math.floor(bytes.length / 2));
    expect(await refusalOf(half(corpus('paperless-ngx/simple.pdf')))).toBe('documentImport.corrupt');
    expect(await refusalOf(half(corpus('pillow/g4-multi.tiff')))).toBe('documentImport.corrupt');
    expect(await refusalOf(half(corpus('ocrmypdf/linn.png')))).toBe('documentImport.corrupt');
    expect(await refusalOf(half(renderedJpeg(30)))).toBe('documentImport.corrupt');
  });

  it('names the format by content: a PNG called .pdf is a PNG, a text file is nothing', async () => {
    expect(await prepareImport(corpus('zxing/qrcode-3-01.png'), DEFAULT_IMPORT_LIMITS)).toMatchObject({ format: 'png', pageCount: 1 });
    expect(await refusalOf(Buffer.from('%PDF is mentioned, but later than the first KiB'.padStart(2000, ' ')))).toBe('documentImport.unsupportedFormat');
    expect(await refusalOf(Buffer.alloc(0))).toBe('documentImport.empty');
  });

  it('holds each limit: size, pages, pixels', async () => {
    expect(await refusalOf(corpus('pdfjs/sizes.pdf'), { maxFileBytes: 1000 })).toBe('documentImport.tooLarge');
    expect(await refusalOf(corpus('py-pdf-sample-files/GeoTopo-komprimiert.pdf'), { maxPages: 100 })).toBe('documentImport.tooManyPages');
    expect(await refusalOf(corpus('pillow/g4-multi.tiff'), { maxPages: 2 })).toBe('documentImport.tooManyPages');
    expect(await refusalOf(corpus('ocrmypdf/linn.png'), { maxPixelsPerPage: 8_000_000 })).toBe('documentImport.tooManyPixels');
    expect(await refusalOf(corpus('ocrmypdf/enormous.pdf'), { maxPixelsPerPage: 80_000_000 })).toBe('documentImport.tooManyPixels');
  });

  it('makes a page of the size the image was scanned at, turned as its orientation tag says', async () => {
    const jpeg = await prepareImport(renderedJpeg(50), DEFAULT_IMPORT_LIMITS);
    expect(jpeg).toMatchObject({ format: 'jpeg', pageCount: 1 });
    // A Letter page (215.9 × 279.4 mm) rendered at 50 dpi comes back as a Letter page.
    expect(pdfInfo(jpeg.pdf ?? new Uint8Array())).toMatchObject({ pages: 1, widthMm: expect.closeTo(215.9, 0) as number, heightMm: expect.closeTo(279.4, 0) as number });
    const turned = await prepareImport(withExifOrientation(renderedJpeg(50), 6), DEFAULT_IMPORT_LIMITS);
    expect(pdfInfo(turned.pdf ?? new Uint8Array())).toMatchObject({ widthMm: expect.closeTo(279.4, 0) as number, heightMm: expect.closeTo(215.9, 0) as number });
    // A fax TIFF at 204 × 196 dpi, and a 300 dpi A4 scan.
    expect(pdfInfo((await prepareImport(corpus('pillow/total-pages-zero.tif'), DEFAULT_IMPORT_LIMITS)).pdf ?? new Uint8Array())).toMatchObject({ pages: 3, widthMm: 215.2, heightMm: 279.4 });
    const a4 = await prepareImport(corpus('tesseract-polish/sample_pl-part2-times-scanner_HP_DeskJet_F4180_300dpi.tif'), DEFAULT_IMPORT_LIMITS);
    expect(pdfInfo(a4.pdf ?? new Uint8Array())).toMatchObject({ pages: 1, widthMm: 215.8, heightMm: 296.8 });
  });

  it('keeps a PDF as its own document PDF, never rewritten', async () => {
    expect(await prepareImport(corpus('pdfjs/rotation.pdf'), DEFAULT_IMPORT_LIMITS)).toEqual({ format: 'pdf', pageCount: 2, pdf: null, encrypted: false });
  });
});
