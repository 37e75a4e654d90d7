import UTIF from 'utif2';
import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_LIMITS } from '../documents/import-limits.ts';
import { readTiffPages } from '../documents/tiff-directory.ts';
import { parseBmp } from './bmp.ts';
import { compressPage, multipageTiff } from './multipage-tiff.ts';
import { parsePnm } from './pnm.ts';

const pnm = (header: string, raster: number[]) => Buffer.concat([Buffer.from(header, 'latin1'), Buffer.from(raster)]);

describe('scanned pages to one TIFF', () => {
  it('reads PBM, PGM (with a comment) and PPM rasters', () => {
    expect(parsePnm(pnm('P4\n10 2\n', [0xff, 0xc0, 0x00, 0x40]))).toMatchObject({ width: 10, height: 2, kind: 'bilevel' });
    const grey = parsePnm(pnm('P5\n# SANE data follows\n3 1\n255\n', [0, 128, 255]));
    expect(grey).toMatchObject({ width: 3, height: 1, kind: 'gray' });
    expect(Array.from(grey.pixels)).toEqual([0, 128, 255]);
    expect(Array.from(parsePnm(pnm('P6 1 1 255\n', [1, 2, 3])).pixels)).toEqual([1, 2, 3]);
    expect(() => parsePnm(pnm('P5\n3 1\n255\n', [0]))).toThrow(/cut off/u);
    expect(() => parsePnm(pnm('P5\n3 1\n65535\n', []))).toThrow(/maxval/u);
    expect(() => parsePnm(Buffer.from('P2\n1 1\n255\n0'))).toThrow(/Not a binary PNM/u);
  });

  it('writes pages that a TIFF decoder reads back pixel for pixel, with their resolution', async () => {
    const grey = parsePnm(pnm('P5\n4 2\n255\n', [0, 50, 100, 150, 200, 250, 255, 1]));
    const colour = parsePnm(pnm('P6\n2 1\n255\n', [255, 0, 0, 0, 0, 255]));
    const bilevel = parsePnm(pnm('P4\n9 1\n', [0b10100000, 0b10000000]));
    const tiff = multipageTiff([await compressPage(grey, 150), await compressPage(colour, 300), await compressPage(bilevel, 200)]);

    const pages = readTiffPages(tiff, DEFAULT_IMPORT_LIMITS);
    expect(pages.map((p) => [p.width, p.height, p.bitsPerSample, p.samplesPerPixel, p.photometric, p.compression, p.dpiX])).toEqual([
      [4, 2, 8, 1, 1, 8, 150], [2, 1, 8, 3, 2, 8, 300], [9, 1, 1, 1, 0, 8, 200],
    ]);
    const ifds = UTIF.decode(tiff);
    for (const ifd of ifds) UTIF.decodeImage(tiff, ifd);
    expect(Array.from(ifds[0]?.data ?? [])).toEqual([0, 50, 100, 150, 200, 250, 255, 1]);
    expect(Array.from(UTIF.toRGBA8(ifds[1] as UTIF.IFD))).toEqual([255, 0, 0, 255, 0, 0, 255, 255]);
    // WhiteIsZero: set bits are black.
    expect(Array.from(UTIF.toRGBA8(ifds[2] as UTIF.IFD)).filter((_, i) => i % 4 === 0)).toEqual([0, 255, 0, 255, 255, 255, 255, 255, 0]);
  });

  it('reads the BMPs WIA delivers: 24-bit colour bottom-up, 8-bit grey palette, 1-bit black/white', () => {
    const bmp = (bits: number, width: number, height: number, palette: number[][], rows: number[][]) => {
      const stride = Math.ceil((width * bits) / 32) * 4;
      const paletteBytes = palette.length * 4;
      const out = Buffer.alloc(54 + paletteBytes + stride * rows.length);
      out.write('BM', 0, 'latin1');
      out.writeUInt32LE(out.length, 2);
      out.writeUInt32LE(54 + paletteBytes, 10);
      out.writeUInt32LE(40, 14);
      out.writeInt32LE(width, 18);
      out.writeInt32LE(height, 22);
      out.writeUInt16LE(1, 26);
      out.writeUInt16LE(bits, 28);
      out.writeUInt32LE(palette.length, 46);
      palette.forEach(([r, g, b], i) => out.set([b ?? 0, g ?? 0, r ?? 0, 0], 54 + i * 4));
      rows.forEach((row, i) => out.set(row, 54 + paletteBytes + i * stride));
      return out;
    };
    // Bottom-up: the first stored row is the bottom one.
    expect(parseBmp(bmp(24, 1, 2, [], [[255, 0, 0], [0, 0, 255]]))).toMatchObject({ kind: 'rgb', pixels: new Uint8Array([255, 0, 0, 0, 0, 255]) });
    const greys = Array.from({ length: 256 }, (_, i) => [i, i, i]);
    expect(parseBmp(bmp(8, 2, -1, greys, [[7, 200]]))).toMatchObject({ kind: 'gray', pixels: new Uint8Array([7, 200]) });
    // Palette entry 0 black: bit 0 is black, so our 1-bit page (1 = black) is the inverse.
    expect(parseBmp(bmp(1, 8, 1, [[0, 0, 0], [255, 255, 255]], [[0b11110000]]))).toMatchObject({ kind: 'bilevel', pixels: new Uint8Array([0b00001111]) });
    expect(() => parseBmp(Buffer.from('not a bitmap at all, far too short to be one.............'))).toThrow(/Not a BMP/u);
  });
});
