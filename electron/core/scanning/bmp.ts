import type { RawPage } from './pnm.ts';

/**
 * Reads the uncompressed Windows bitmaps WIA hands over (BMP is the one format every WIA scanner
 * driver must deliver): 1-bit and 8-bit with a palette, 24-bit BGR; rows bottom-up unless the
 * height is negative, each padded to 4 bytes. A grey palette stays grey, a 1-bit black/white one
 * stays bilevel; anything else becomes RGB.
 */
export function parseBmp(bytes: Uint8Array): RawPage {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.length < 54 || view.toString('latin1', 0, 2) !== 'BM') throw new Error('Not a BMP file');
  const dataOffset = view.readUInt32LE(10);
  const headerSize = view.readUInt32LE(14);
  const width = view.readInt32LE(18);
  const rawHeight = view.readInt32LE(22);
  const bits = view.readUInt16LE(28);
  const compression = view.readUInt32LE(30);
  if (width < 1 || rawHeight === 0) throw new Error('BMP has no size');
  if (compression !== 0) throw new Error(`BMP compression ${compression} is not read`);
  if (bits !== 1 && bits !== 8 && bits !== 24) throw new Error(`BMP with ${bits} bits per pixel is not read`);
  const height = Math.abs(rawHeight);
  const topDown = rawHeight < 0;
  const stride = Math.ceil((width * bits) / 32) * 4;
  if (view.length < dataOffset + stride * height) throw new Error('BMP pixel data is cut off');
  const row = (y: number): Buffer => {
    const start = dataOffset + (topDown ? y : height - 1 - y) * stride;
    return view.subarray(start, start + stride);
  };
  const paletteSize = bits === 24 ? 0 : (view.readUInt32LE(46) || 2 ** bits);
  const palette: [number, number, number][] = [];
  for (let i = 0; i < paletteSize; i++) {
    const at = 14 + headerSize + i * 4;
    palette.push([view[at + 2] ?? 0, view[at + 1] ?? 0, view[at] ?? 0]);
  }
  const isGrey = palette.every(([r, g, b]) => r === g && g === b);

  if (bits === 1 && isGrey && palette.length === 2) {
    // Our bilevel pages use 1 = black; a palette whose entry 0 is black stores the opposite.
    const invert = (palette[0]?.[0] ?? 0) < (palette[1]?.[0] ?? 255);
    const rowBytes = Math.ceil(width / 8);
    const pixels = new Uint8Array(rowBytes * height);
    for (let y = 0; y < height; y++) {
      const source = row(y);
      for (let x = 0; x < rowBytes; x++) pixels[y * rowBytes + x] = invert ? ~(source[x] ?? 0) & 0xff : (source[x] ?? 0);
    }
    return { width, height, kind: 'bilevel', pixels };
  }
  const sample = (source: Buffer, x: number): number => (bits === 8 ? (source[x] ?? 0) : ((source[x >> 3] ?? 0) >> (7 - (x & 7))) & 1);
  if (bits !== 24 && isGrey) {
    const pixels = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      const source = row(y);
      for (let x = 0; x < width; x++) pixels[y * width + x] = palette[sample(source, x)]?.[0] ?? 0;
    }
    return { width, height, kind: 'gray', pixels };
  }
  const pixels = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const source = row(y);
    for (let x = 0; x < width; x++) {
      const rgb = bits === 24 ? [source[x * 3 + 2] ?? 0, source[x * 3 + 1] ?? 0, source[x * 3] ?? 0] : (palette[sample(source, x)] ?? [0, 0, 0]);
      pixels.set(rgb, (y * width + x) * 3);
    }
  }
  return { width, height, kind: 'rgb', pixels };
}
