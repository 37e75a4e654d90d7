import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { ImportRefused } from './import-refused.ts';
import { openPages, pageCount, renderPage, toRgba, type PageRaster } from './page-raster.ts';

/**
 * Pages of real files from the shared corpus drawn as pixels: sizes at the asked resolution,
 * rotation as the page is read, the image codecs scanners use, and hostile sizes kept in bounds.
 */

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus');
const corpus = (path: string): Uint8Array => new Uint8Array(readFileSync(resolve(CORPUS, path)));

/** Share of clearly dark pixels: a blank (undecoded) page has none, a black (failed alpha) page all. */
function darkShare(raster: PageRaster): number {
  let dark = 0;
  for (let i = 0; i < raster.data.length; i += raster.channels) if ((raster.data[i] ?? 255) < 128) dark++;
  return dark / (raster.width * raster.height);
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImportRefused) return error.reason;
    throw error;
  }
  return 'not refused';
}

describe('page-raster: PDF pages through pdf.js', () => {
  it('counts pages and draws a US Letter page at the asked resolution, in grey by default', async () => {
    const bytes = corpus('paperless-ngx/patch-code-t-middle.pdf');
    expect(await pageCount(bytes, 'pdf')).toBe(3);
    const page = await renderPage(bytes, 'pdf', 0, { dpi: 100 });
    expect(page).toMatchObject({ width: 850, height: 1100, channels: 1, dpi: 100 });
    expect(page.data.length).toBe(850 * 1100);
    const share = darkShare(page);
    expect(share).toBeGreaterThan(0.001);
    expect(share).toBeLessThan(0.5);
  });

  it('keeps the caller’s bytes usable after pdf.js has read them', async () => {
    const bytes = corpus('paperless-ngx/simple.pdf');
    await renderPage(bytes, 'pdf', 0, { dpi: 20 });
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });

  it('draws a page turned by /Rotate 90 in landscape, as it is read', async () => {
    const source = await openPages(corpus('pdfjs/rotation.pdf'), 'pdf');
    try {
      const sizes = await Promise.all([0, 1].map(async (index) => source.render(index, { dpi: 72 })));
      const [first, second] = sizes.map(({ width, height }) => ({ width, height }));
      expect(first).toBeDefined();
      // One page portrait, the /Rotate 90 one with width and height exchanged.
      expect(second).toEqual({ width: first?.height, height: first?.width });
    } finally {
      await source.close();
    }
  });

  it('decodes CCITT G4 (fax) and JPX (JPEG 2000) page images, not blank pages', async () => {
    const fax = await renderPage(corpus('paperless-ngx/barcode-fax-image.pdf'), 'pdf', 1, { dpi: 100 });
    expect(darkShare(fax)).toBeGreaterThan(0.001);
    const jpx = await renderPage(corpus('paperless-ngx/barcode-qr-asn-000123-upscale-dpi.pdf'), 'pdf', 0, { dpi: 100 });
    expect(darkShare(jpx)).toBeGreaterThan(0.001);
  });

  it('returns RGBA on request, opaque', async () => {
    const page = await renderPage(corpus('paperless-ngx/simple.pdf'), 'pdf', 0, { dpi: 30, color: 'rgba' });
    expect(page.channels).toBe(4);
    expect(page.data.length).toBe(page.width * page.height * 4);
    for (let i = 3; i < page.data.length; i += 4) if (page.data[i] !== 255) throw new Error(`pixel ${i / 4} is not opaque`);
  });

  it('draws a 30-inch poster page at a lower resolution rather than past the pixel cap', async () => {
    const page = await renderPage(corpus('ocrmypdf/enormous.pdf'), 'pdf', 0, { dpi: 300, maxPixels: 4_000_000 });
    expect(page.width * page.height).toBeLessThanOrEqual(4_000_000 * 1.01);
    expect(page.dpi).toBeCloseTo(Math.sqrt(4_000_000) / 30, 0);
  }, 60_000);

  it('skips a 35,000² px image instead of decoding it, and still answers', async () => {
    const page = await renderPage(corpus('ocrmypdf/hugemono.pdf'), 'pdf', 0, { dpi: 300, maxPixels: 1_000_000 });
    expect(page.width * page.height).toBeLessThanOrEqual(1_010_000);
  }, 30_000);

  it('refuses an encrypted PDF and a broken one with the import reasons', async () => {
    expect(await refusal(pageCount(corpus('paperless-ngx/password-is-test.pdf'), 'pdf'))).toBe('documentImport.encrypted');
    expect(await refusal(pageCount(corpus('qpdf/bad1.pdf'), 'pdf'))).toBe('documentImport.corrupt');
  });

  it('rejects a page index outside the document', async () => {
    await expect(renderPage(corpus('paperless-ngx/simple.pdf'), 'pdf', 1)).rejects.toThrow(RangeError);
    await expect(renderPage(corpus('paperless-ngx/simple.pdf'), 'pdf', -1)).rejects.toThrow(RangeError);
  });
});

describe('page-raster: TIFF pages through utif2', () => {
  it('scales a 300 dpi LZW colour scan to the asked resolution, page by page', async () => {
    const source = await openPages(corpus('paperless-ngx/patch-code-t-middle.tiff'), 'tiff');
    try {
      expect(source.pageCount).toBe(3);
      // Page 1 is US Letter, page 2 (the separator sheet) A4, both at 300 dpi.
      expect(await source.render(0, { dpi: 100 })).toMatchObject({ width: 850, height: 1100, channels: 1 });
      const separator = await source.render(1, { dpi: 100 });
      expect(separator).toMatchObject({ width: 827, height: 1169 });
      expect(darkShare(separator)).toBeGreaterThan(0.001);
    } finally {
      await source.close();
    }
  });

  it('flattens grey with alpha onto white paper: neither blank nor black', async () => {
    const bytes = corpus('paperless-ngx/patch-code-t-middle-alpha.tiff');
    expect(await pageCount(bytes, 'tiff')).toBe(3);
    const share = darkShare(await renderPage(bytes, 'tiff', 1, { dpi: 100 }));
    expect(share).toBeGreaterThan(0.001);
    expect(share).toBeLessThan(0.5);
  });

  it('decodes multi-page CCITT G4 at 400 dpi and turns a page whose orientation tag says so', async () => {
    const g4 = await openPages(corpus('pillow/g4-multi.tiff'), 'tiff');
    expect(g4.pageCount).toBe(3);
    const page = await g4.render(2, { dpi: 100 });
    expect(page.width).toBe(Math.round((3307 / 400) * 100));
    expect(page.height).toBe(Math.round((4677 / 400) * 100));
    await g4.close();
    const bytes = corpus('pillow/g4_orientation_6.tif');
    const turned = await renderPage(bytes, 'tiff', 0, { dpi: 72 });
    const { width, height } = turned;
    // Stored wider than tall or the other way round; read with width and height exchanged.
    const stored = await import('./tiff-directory.ts').then(({ readTiffPages }) => readTiffPages(bytes, { maxPages: 1, maxPixelsPerPage: 1e8 })[0]);
    expect(stored?.orientation).toBe(6);
    expect(stored && stored.width !== stored.height).toBe(true);
    expect(Math.sign(width - height)).toBe(Math.sign((stored?.height ?? 0) - (stored?.width ?? 0)));
  });

  it('refuses a fuzzed TIFF declaring 65,534 × 352,321,540 px before decoding anything', async () => {
    expect(await refusal(pageCount(corpus('pillow/crash-63b1dffefc8c075ddc606c0a2f5fdc15ece78863.tif'), 'tiff'))).toBe('documentImport.corrupt');
  });
});

describe('page-raster: PNG and JPEG through Skia', () => {
  it('takes a PNG without a stated resolution as 150 dpi', async () => {
    const bytes = corpus('paperless-ngx/tesseract-simple-no-dpi.png');
    const native = await renderPage(bytes, 'png', 0, { dpi: 150 });
    const half = await renderPage(bytes, 'png', 0, { dpi: 75 });
    expect(half.width).toBe(Math.round(native.width / 2));
    expect(darkShare(native)).toBeGreaterThan(0.001);
  });

  it('decodes a JPEG and applies its EXIF orientation once', async () => {
    const canvas = createCanvas(200, 100);
    const context = canvas.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, 200, 100);
    context.fillStyle = '#000';
    context.fillRect(0, 0, 50, 100); // black band on the stored image's left
    const plain = new Uint8Array(canvas.toBuffer('image/jpeg'));
    const upright = await renderPage(plain, 'jpeg', 0, { dpi: 150 });
    expect(upright).toMatchObject({ width: 200, height: 100 });
    const turned = await renderPage(withExifOrientation(plain, 6), 'jpeg', 0, { dpi: 150 });
    // Orientation 6: turned 90° clockwise to read, so the stored left edge becomes the top.
    expect(turned).toMatchObject({ width: 100, height: 200 });
    expect(turned.data[10 * 100 + 50]).toBeLessThan(64);
    expect(turned.data[190 * 100 + 50]).toBeGreaterThan(192);
  });

  it('refuses a 64,250² px JPEG flood before decoding it', async () => {
    expect(await refusal(pageCount(corpus('fuzzdb/lottapixel.jpg'), 'jpeg'))).toBe('documentImport.tooManyPixels');
  });

  it('converts grey to RGBA for readers that take ImageData only', async () => {
    const grey = await renderPage(corpus('paperless-ngx/tesseract-simple-no-dpi.png'), 'png', 0, { dpi: 30 });
    const rgba = toRgba(grey);
    expect(rgba.data.length).toBe(grey.width * grey.height * 4);
    expect([rgba.data[0], rgba.data[1], rgba.data[2], rgba.data[3]]).toEqual([grey.data[0], grey.data[0], grey.data[0], 255]);
  });
});

/** Inserts an EXIF APP1 segment holding only an Orientation tag right after the JPEG's SOI. */
function withExifOrientation(jpeg: Uint8Array, orientation: number): Uint8Array {
  const tiff = Buffer.alloc(26);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(1, 8); // one entry
  tiff.writeUInt16BE(274, 10); // Orientation
  tiff.writeUInt16BE(3, 12); // SHORT
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(orientation, 18);
  tiff.writeUInt32BE(0, 22); // no next directory
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const segment = Buffer.alloc(4);
  segment.writeUInt16BE(0xffe1, 0);
  segment.writeUInt16BE(body.length + 2, 2);
  return new Uint8Array(Buffer.concat([jpeg.subarray(0, 2), segment, body, jpeg.subarray(2)]));
}

