import { refuse } from './import-refused.ts';

/**
 * Reads the page directories (IFDs) of a TIFF by hand, before any decoder touches the pixels: the
 * page count, each page's declared size, compression and where its strips lie. A decoder trusts
 * these numbers and allocates width × height at once, so they are checked here first (TIFF 6.0
 * specification, section 2, "TIFF Structure").
 */

export interface TiffPage {
  /** Position of this page's IFD in the file's chain of directories (thumbnails included). */
  readonly chainIndex: number;
  readonly width: number;
  readonly height: number;
  readonly bitsPerSample: number;
  readonly samplesPerPixel: number;
  readonly compression: number;
  readonly photometric: number;
  /** Dots per inch across and down, or null when the file does not say. */
  readonly dpiX: number | null;
  readonly dpiY: number | null;
  /** TIFF/EXIF orientation 1–8 (1: rows top to bottom, columns left to right). */
  readonly orientation: number;
}

const TAG = {
  newSubfileType: 254,
  width: 256,
  height: 257,
  bitsPerSample: 258,
  compression: 259,
  photometric: 262,
  stripOffsets: 273,
  orientation: 274,
  samplesPerPixel: 277,
  stripByteCounts: 279,
  xResolution: 282,
  yResolution: 283,
  planarConfiguration: 284,
  resolutionUnit: 296,
  tileOffsets: 324,
  tileByteCounts: 325,
} as const;

/** Byte sizes of the TIFF field types 1–12 (BYTE, ASCII, SHORT, LONG, RATIONAL, …, DOUBLE). */
const TYPE_SIZES: Readonly<Record<number, number>> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8 };

/** What the decoder (utif2) reads correctly: none, CCITT RLE/G3/G4, LZW, JPEG, Deflate, PackBits. */
export const DECODABLE_COMPRESSIONS: ReadonlySet<number> = new Set([1, 2, 3, 4, 5, 7, 8, 32946, 32773]);
const DECODABLE_PHOTOMETRICS: ReadonlySet<number> = new Set([0, 1, 2, 3, 5, 6]);
const DECODABLE_BITS: ReadonlySet<number> = new Set([1, 2, 4, 8, 16]);

/** Directories beyond this are not read: a chain of millions of tiny IFDs is itself an attack. */
const MAX_IFDS_READ = 10_000;

export function readTiffPages(bytes: Uint8Array, limits: { maxPages: number; maxPixelsPerPage: number }): TiffPage[] {
  const reader = new TiffReader(bytes);
  if (reader.u16(2) !== 42) refuse('documentImport.unsupportedVariant', 'Not a classic TIFF (BigTIFF or unknown version)');
  const pages: TiffPage[] = [];
  const seen = new Set<number>();
  let offset = reader.u32(4);
  while (offset !== 0) {
    if (seen.has(offset)) refuse('documentImport.corrupt', 'TIFF directories form a loop');
    if (seen.size >= MAX_IFDS_READ) refuse('documentImport.tooManyPages', 'TIFF has an implausible number of directories');
    seen.add(offset);
    const ifd = reader.directory(offset);
    // Reduced-resolution copies (thumbnails) some scanners add are not pages of the letter.
    if (((ifd.numbers(TAG.newSubfileType)[0] ?? 0) & 1) === 0) {
      if (pages.length + 1 > limits.maxPages) refuse('documentImport.tooManyPages', `TIFF has more than ${limits.maxPages} pages`);
      pages.push(checkedPage(reader, ifd, seen.size - 1, pages.length + 1, limits.maxPixelsPerPage));
    }
    offset = ifd.next;
  }
  if (pages.length === 0) refuse('documentImport.corrupt', 'TIFF has no pages');
  return pages;
}

/**
 * The orientation tag of the first directory, 1 when absent or unreadable: for the EXIF block of
 * a phone photo, which is a small TIFF of its own and only advises how to turn the picture.
 */
export function tiffOrientation(bytes: Uint8Array): number {
  try {
    const reader = new TiffReader(bytes);
    const value = reader.directory(reader.u32(4)).numbers(TAG.orientation)[0] ?? 1;
    return value >= 1 && value <= 8 ? value : 1;
  } catch {
    return 1;
  }
}

function checkedPage(reader: TiffReader, ifd: Directory, chainIndex: number, pageNo: number, maxPixels: number): TiffPage {
  const width = ifd.numbers(TAG.width)[0] ?? 0;
  const height = ifd.numbers(TAG.height)[0] ?? 0;
  if (width < 1 || height < 1) refuse('documentImport.corrupt', `TIFF page ${pageNo} has no size`);
  if (width * height > maxPixels) refuse('documentImport.tooManyPixels', `TIFF page ${pageNo} declares ${width} × ${height} px`);
  const bitsPerSample = ifd.numbers(TAG.bitsPerSample)[0] ?? 1;
  const samplesPerPixel = ifd.numbers(TAG.samplesPerPixel)[0] ?? 1;
  const compression = ifd.numbers(TAG.compression)[0] ?? 1;
  const photometric = ifd.numbers(TAG.photometric)[0] ?? (bitsPerSample === 1 ? 0 : 1);
  const planar = ifd.numbers(TAG.planarConfiguration)[0] ?? 1;
  if (!DECODABLE_COMPRESSIONS.has(compression)) refuse('documentImport.unsupportedVariant', `TIFF page ${pageNo} uses compression ${compression}`);
  if (!DECODABLE_PHOTOMETRICS.has(photometric) || !DECODABLE_BITS.has(bitsPerSample) || samplesPerPixel < 1 || samplesPerPixel > 5 || planar !== 1) {
    refuse('documentImport.unsupportedVariant', `TIFF page ${pageNo}: photometric ${photometric}, ${samplesPerPixel} × ${bitsPerSample} bit, planar ${planar}`);
  }
  checkDataInFile(reader, ifd, pageNo);
  const unit = ifd.numbers(TAG.resolutionUnit)[0] ?? 2;
  return {
    chainIndex, width, height, bitsPerSample, samplesPerPixel, compression, photometric,
    dpiX: dpi(ifd.rationals(TAG.xResolution)[0], unit),
    dpiY: dpi(ifd.rationals(TAG.yResolution)[0], unit),
    orientation: ifd.numbers(TAG.orientation)[0] ?? 1,
  };
}

/** Every strip (or tile) must lie inside the file: a cut-off TIFF otherwise decodes to a half-blank page. */
function checkDataInFile(reader: TiffReader, ifd: Directory, pageNo: number): void {
  const tiled = ifd.has(TAG.tileOffsets);
  const offsets = ifd.numbers(tiled ? TAG.tileOffsets : TAG.stripOffsets);
  const counts = ifd.numbers(tiled ? TAG.tileByteCounts : TAG.stripByteCounts);
  if (offsets.length === 0 || counts.length !== offsets.length) refuse('documentImport.corrupt', `TIFF page ${pageNo} has no image data`);
  offsets.forEach((start, index) => {
    if (start + (counts[index] ?? 0) > reader.length) refuse('documentImport.corrupt', `TIFF page ${pageNo} is cut off (data beyond the end of the file)`);
  });
}

function dpi(resolution: number | undefined, unit: number): number | null {
  if (resolution === undefined || !Number.isFinite(resolution) || resolution <= 0) return null;
  if (unit === 2) return resolution;
  if (unit === 3) return resolution * 2.54;
  return null;
}

interface Directory {
  readonly next: number;
  has(tag: number): boolean;
  numbers(tag: number): number[];
  rationals(tag: number): number[];
}

/** Bounds-checked reads: every offset in a TIFF comes from the file and may point anywhere. */
class TiffReader {
  readonly #view: DataView;
  readonly #little: boolean;
  readonly length: number;

  constructor(bytes: Uint8Array) {
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.#little = bytes[0] === 0x49;
    this.length = bytes.byteLength;
  }

  u16(at: number): number {
    this.#need(at, 2);
    return this.#view.getUint16(at, this.#little);
  }

  u32(at: number): number {
    this.#need(at, 4);
    return this.#view.getUint32(at, this.#little);
  }

  directory(offset: number): Directory {
    const count = this.u16(offset);
    this.#need(offset + 2, count * 12 + 4);
    const entries = new Map<number, { type: number; count: number; at: number }>();
    for (let i = 0; i < count; i++) {
      const entry = offset + 2 + i * 12;
      const type = this.u16(entry + 2);
      const values = this.u32(entry + 4);
      const size = (TYPE_SIZES[type] ?? 0) * values;
      // Values of up to four bytes sit in the entry itself; longer ones at the offset it holds.
      entries.set(this.u16(entry), { type, count: values, at: size <= 4 ? entry + 8 : this.u32(entry + 8) });
    }
    const next = this.u32(offset + 2 + count * 12);
    return {
      next,
      has: (tag) => entries.has(tag),
      numbers: (tag) => {
        const entry = entries.get(tag);
        if (!entry) return [];
        if (entry.type !== 1 && entry.type !== 3 && entry.type !== 4) refuse('documentImport.corrupt', `TIFF tag ${tag} has type ${entry.type}`);
        const size = TYPE_SIZES[entry.type] ?? 1;
        this.#need(entry.at, entry.count * size);
        return Array.from({ length: entry.count }, (_, i) => (size === 1 ? this.#view.getUint8(entry.at + i) : size === 2 ? this.u16(entry.at + i * 2) : this.u32(entry.at + i * 4)));
      },
      rationals: (tag) => {
        const entry = entries.get(tag);
        if (entry?.type !== 5) return [];
        this.#need(entry.at, entry.count * 8);
        return Array.from({ length: entry.count }, (_, i) => this.u32(entry.at + i * 8) / this.u32(entry.at + i * 8 + 4));
      },
    };
  }

  #need(at: number, bytes: number): void {
    if (at < 0 || bytes < 0 || at + bytes > this.length) refuse('documentImport.corrupt', 'TIFF structure points beyond the end of the file');
  }
}
