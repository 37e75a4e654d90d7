import { promisify } from 'node:util';
import { deflate } from 'node:zlib';
import type { RawPage } from './pnm.ts';

/**
 * Writes scanned pages as one multi-page TIFF (TIFF 6.0, little-endian), each page one strip
 * compressed with Deflate (compression 8, the Adobe variant every TIFF reader knows). This is the
 * "original" kept for a scanned document: lossless, every page in one file, with its resolution
 * so the PDF made from it has the paper's size. Pages arrive already compressed (`compressPage`
 * right after each page is scanned), so a long batch never holds more than one raw page.
 */

export interface CompressedPage {
  readonly width: number;
  readonly height: number;
  readonly kind: RawPage['kind'];
  readonly dpi: number;
  readonly data: Buffer;
}

const deflateAsync = promisify(deflate);

/** Compressed on libuv's thread pool: a 300 dpi colour page is 26 MB, and the core keeps answering the desk meanwhile. */
export async function compressPage(page: RawPage, dpi: number): Promise<CompressedPage> {
  return { width: page.width, height: page.height, kind: page.kind, dpi, data: await deflateAsync(page.pixels, { level: 6 }) };
}

const TYPE = { short: 3, long: 4, rational: 5 } as const;

interface Entry {
  readonly tag: number;
  readonly type: (typeof TYPE)[keyof typeof TYPE];
  readonly values: readonly number[];
}

export function multipageTiff(pages: readonly CompressedPage[]): Buffer {
  if (pages.length === 0) throw new Error('A TIFF needs at least one page');
  const chunks: Buffer[] = [];
  let offset = 8;
  const header = Buffer.alloc(8);
  header.write('II', 0, 'latin1');
  header.writeUInt16LE(42, 2);
  chunks.push(header);
  let previousNextPointer: { chunk: Buffer; at: number } = { chunk: header, at: 4 };

  for (const page of pages) {
    const dataOffset = offset;
    chunks.push(page.data);
    offset += page.data.length;
    if (offset % 2 === 1) {
      chunks.push(Buffer.alloc(1));
      offset += 1;
    }
    const samples = page.kind === 'rgb' ? 3 : 1;
    const bits = page.kind === 'bilevel' ? 1 : 8;
    // Values that do not fit in an entry (bits per sample for RGB, the rationals) follow the IFD.
    const entries: Entry[] = [
      { tag: 254, type: TYPE.long, values: [2] }, // NewSubfileType: one page of a multi-page document
      { tag: 256, type: TYPE.long, values: [page.width] },
      { tag: 257, type: TYPE.long, values: [page.height] },
      { tag: 258, type: TYPE.short, values: Array.from({ length: samples }, () => bits) },
      { tag: 259, type: TYPE.short, values: [8] },
      // PhotometricInterpretation: WhiteIsZero for bilevel (PBM's 1 = black), BlackIsZero for grey, RGB.
      { tag: 262, type: TYPE.short, values: [page.kind === 'bilevel' ? 0 : page.kind === 'gray' ? 1 : 2] },
      { tag: 273, type: TYPE.long, values: [dataOffset] },
      { tag: 277, type: TYPE.short, values: [samples] },
      { tag: 278, type: TYPE.long, values: [page.height] },
      { tag: 279, type: TYPE.long, values: [page.data.length] },
      { tag: 282, type: TYPE.rational, values: [page.dpi, 1] },
      { tag: 283, type: TYPE.rational, values: [page.dpi, 1] },
      { tag: 284, type: TYPE.short, values: [1] },
      { tag: 296, type: TYPE.short, values: [2] }, // ResolutionUnit: inch
    ];
    const ifdSize = 2 + entries.length * 12 + 4;
    const extra: Buffer[] = [];
    let extraOffset = offset + ifdSize;
    const ifd = Buffer.alloc(ifdSize);
    ifd.writeUInt16LE(entries.length, 0);
    entries.forEach((entry, index) => {
      const at = 2 + index * 12;
      const count = entry.type === TYPE.rational ? entry.values.length / 2 : entry.values.length;
      ifd.writeUInt16LE(entry.tag, at);
      ifd.writeUInt16LE(entry.type, at + 2);
      ifd.writeUInt32LE(count, at + 4);
      const value = encodeValues(entry);
      if (value.length <= 4) value.copy(ifd, at + 8);
      else {
        ifd.writeUInt32LE(extraOffset, at + 8);
        extra.push(value);
        extraOffset += value.length;
      }
    });
    previousNextPointer.chunk.writeUInt32LE(offset, previousNextPointer.at);
    previousNextPointer = { chunk: ifd, at: ifdSize - 4 };
    chunks.push(ifd, ...extra);
    offset = extraOffset;
  }
  return Buffer.concat(chunks);
}

function encodeValues(entry: Entry): Buffer {
  const size = entry.type === TYPE.short ? 2 : 4;
  const out = Buffer.alloc(entry.values.length * size);
  entry.values.forEach((value, index) => {
    if (size === 2) out.writeUInt16LE(value, index * 2);
    else out.writeUInt32LE(value, index * 4);
  });
  return out;
}
