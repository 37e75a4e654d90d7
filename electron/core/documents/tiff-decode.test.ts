import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_LIMITS } from './import-limits.ts';
import { renderPage, type PageRaster } from './page-raster.ts';
import { prepareImport } from './prepare-import.ts';

/**
 * TIFF variants that scanners, fax servers and multifunction printers write, each the same page
 * (tests/fixtures/tiff/README.md says how they were made): every one must read as its lossless
 * twin does, both when drawn for OCR and barcodes and in the PDF an import makes of it.
 */

const FIXTURES = resolve(import.meta.dirname, '../../../tests/fixtures/tiff');
const bytesOf = (name: string): Uint8Array => new Uint8Array(readFileSync(resolve(FIXTURES, name)));

async function drawn(name: string): Promise<PageRaster> {
  return renderPage(bytesOf(name), 'tiff', 0, { color: 'rgba' });
}

/** The page as the import's PDF shows it: a different route to the pixels than the raster above. */
async function imported(name: string): Promise<PageRaster> {
  const prepared = await prepareImport(bytesOf(name), DEFAULT_IMPORT_LIMITS);
  return renderPage(new Uint8Array(prepared.pdf ?? []), 'pdf', 0, { color: 'rgba' });
}

function meanDifference(a: PageRaster, b: PageRaster): number {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) sum += Math.abs((a.data[i] ?? 0) - (b.data[i] ?? 0));
  return sum / a.data.length;
}

function pixel(raster: PageRaster, x: number, y: number): number[] {
  const at = (y * raster.width + x) * 4;
  return [raster.data[at] ?? -1, raster.data[at + 1] ?? -1, raster.data[at + 2] ?? -1];
}

describe('Group 3 and Group 4 fax TIFFs', () => {
  it.each(['page-g3-1d-strips.tif', 'page-g3-1d-lsb.tif', 'page-g3-2d.tif', 'page-g3-2d-fill.tif'])('%s reads exactly as the Group 4 page', async (name) => {
    const reference = await drawn('page-g4.tif');
    expect(meanDifference(await drawn(name), reference)).toBe(0);
    expect(meanDifference(await imported(name), await imported('page-g4.tif'))).toBe(0);
    // White paper with black text on it, not a black page (WhiteIsZero, as faxes are).
    expect(pixel(reference, 5, 5)).toEqual([255, 255, 255]);
    expect(pixel(reference, 10, 400)).toEqual([0, 0, 0]);
  });
});

describe('JPEG-compressed TIFFs in strips', () => {
  it.each([
    ['page-grey-jpeg.tif', 'page-grey-lzw.tif'],
    ['page-rgb-jpeg-ycbcr.tif', 'page-rgb-lzw.tif'],
    ['page-rgb-jpeg-rgb.tif', 'page-rgb-lzw.tif'],
  ])('%s reads as its lossless twin %s, strip by strip in place', async (jpeg, lossless) => {
    // JPEG at quality 90 blurs the edges of the letters a little; rows out of place differ by far more.
    expect(meanDifference(await drawn(jpeg), await drawn(lossless))).toBeLessThan(4);
    expect(meanDifference(await imported(jpeg), await imported(lossless))).toBeLessThan(4);
  });

  it('keeps the colours of a colour page, whether its JPEG strips are YCbCr or RGB', async () => {
    for (const name of ['page-rgb-jpeg-ycbcr.tif', 'page-rgb-jpeg-rgb.tif']) {
      const page = await drawn(name);
      const [red, green, blue] = pixel(page, 1300, 520);
      expect(red).toBeGreaterThan(170);
      expect(green).toBeLessThan(80);
      expect(blue).toBeLessThan(70);
      const [r2, g2, b2] = pixel(page, 450, 500);
      expect(b2).toBeGreaterThan(170);
      expect(r2).toBeLessThan(70);
      expect(g2).toBeLessThan(100);
    }
  });
});
