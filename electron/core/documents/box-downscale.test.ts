import { describe, expect, it } from 'vitest';
import { boxDownscale, type PixelSource } from './box-downscale.ts';

/** Pixels from rows of sample values, `pixelBytes` bytes each (extra bytes are padding samples). */
function source(rows: number[][], pixelBytes: number, samples: PixelSource['samples'], rowPadding = 0): PixelSource {
  const width = (rows[0]?.length ?? 0) / pixelBytes;
  const rowBytes = width * pixelBytes + rowPadding;
  const data = new Uint8Array(rows.length * rowBytes).fill(99);
  rows.forEach((row, y) => data.set(row, y * rowBytes));
  return { data, width, height: rows.length, pixelBytes, rowBytes, samples };
}

describe('boxDownscale', () => {
  it('averages each 2 × 2 block of an RGB image, rounding to nearest', () => {
    const rgb = source([
      [0, 10, 255, 4, 10, 255, /**/ 100, 0, 0, 100, 0, 0],
      [0, 10, 255, 4, 11, 255, /**/ 100, 0, 0, 101, 0, 0],
    ], 3, 'rgb');
    expect([...boxDownscale(rgb, 2, 1, 'rgba').data]).toEqual([2, 10, 255, 255, /**/ 100, 0, 0, 255]);
    // Grey is BT.601 luma of the averaged colour, as page-raster makes grey from Skia's RGBA.
    expect([...boxDownscale(rgb, 2, 1, 'gray').data]).toEqual([(2 * 77 + 10 * 150 + 255 * 29) >> 8, (100 * 77) >> 8]);
  });

  it('counts every source pixel once when the sizes do not divide (5 × 3 to 2 × 2)', () => {
    const grey = source([
      [10, 20, 30, 40, 50],
      [60, 70, 80, 90, 100],
      [110, 120, 130, 140, 150],
    ], 1, 'grey');
    // Columns 0–2 and 3–4, rows 0–1 and 2.
    expect([...boxDownscale(grey, 2, 2, 'gray').data]).toEqual([45, 70, 120, 145]);
    const total = [...boxDownscale(grey, 5, 3, 'gray').data];
    expect(total).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150]);
  });

  it('reads only the first sample of a grey pixel with more bytes, and skips row padding', () => {
    const greyAlpha = source([[0, 0, 200, 0], [100, 0, 100, 0]], 2, 'grey', 3);
    expect([...boxDownscale(greyAlpha, 1, 1, 'rgba').data]).toEqual([100, 100, 100, 255]);
  });

  it('flattens straight alpha onto white paper', () => {
    const rgba = source([[0, 0, 0, 0, /**/ 0, 0, 0, 255, /**/ 0, 0, 0, 128, /**/ 200, 100, 50, 255]], 4, 'rgba');
    expect([...boxDownscale(rgba, 4, 1, 'rgba').data]).toEqual([255, 255, 255, 255, 0, 0, 0, 255, 127, 127, 127, 255, 200, 100, 50, 255]);
  });

  it('counts white pixels of bilevel rows, most significant bit first, either way round', () => {
    // 10 px a row, two bytes each: 1100000011 and 0000000000.
    const rows = [[0b11000000, 0b11000000], [0, 0]];
    const whiteIsZero = source(rows, 2, 'bits-white-is-zero');
    const shape = { ...whiteIsZero, width: 10, pixelBytes: 1 };
    // Columns 0–4 and 5–9 of both rows: 2 black pixels of 10 in each half.
    expect([...boxDownscale(shape, 2, 1, 'gray').data]).toEqual([204, 204]);
    expect([...boxDownscale({ ...shape, samples: 'bits-black-is-zero' }, 2, 1, 'gray').data]).toEqual([51, 51]);
    expect([...boxDownscale(shape, 10, 2, 'gray').data]).toEqual([0, 0, 255, 255, 255, 255, 255, 255, 0, 0, ...Array<number>(10).fill(255)]);
  });

  it('refuses to enlarge, and refuses data shorter than the size says', () => {
    const grey = source([[1, 2], [3, 4]], 1, 'grey');
    expect(() => boxDownscale(grey, 3, 2, 'gray')).toThrow(RangeError);
    expect(() => boxDownscale(grey, 0, 1, 'gray')).toThrow(RangeError);
    expect(() => boxDownscale({ ...grey, data: grey.data.subarray(0, 3) }, 1, 1, 'gray')).toThrow(RangeError);
  });
});
