import { createCanvas } from '@napi-rs/canvas';
import UTIF from 'utif2';
import { refuse } from './import-refused.ts';
import { decodeWithSkia } from './skia-image.ts';

/**
 * Decodes one TIFF page into `ifd.data`, as utif2's decodeImage does, except for JPEG in strips
 * (compression 7): utif2 turns a greyscale one, as document scanners write in grey mode, into a
 * jumble of misplaced rows. Skia decodes every JPEG-in-strips page here, colour ones too, and it
 * comes out in the layout utif2 would have given it, so the rest (tiff-pages, page-raster) reads
 * every page alike. Tiled JPEG pages, and CMYK ones, stay with utif2.
 */
export function decodeTiffPage(buffer: Buffer, ifd: UTIF.IFD): void {
  // utif2's own rule: a page that has its data is decoded (page-raster deletes it to free memory).
  if (Reflect.has(ifd, 'data')) return;
  const samples = tagNumber(ifd, 277) ?? 1;
  if (tagNumber(ifd, 259) === 7 && ifd.t322 === undefined && (samples === 1 || samples === 3)) decodeJpegStrips(buffer, ifd);
  else UTIF.decodeImage(buffer, ifd);
}

/**
 * Each strip of a JPEG TIFF is a JPEG stream without its tables, which sit once in the
 * JPEGTables tag: the two together are an ordinary JPEG, which Skia decodes (to RGB, whatever
 * the JPEG's own colour space). The page comes out as 8-bit grey or RGB samples.
 */
function decodeJpegStrips(buffer: Buffer, ifd: UTIF.IFD): void {
  const { width, height, strips } = stripLayout(ifd);
  const grey = (tagNumber(ifd, 277) ?? 1) === 1;
  const samples = grey ? 1 : 3;
  const data = new Uint8Array(width * height * samples);
  const tables = tagBytes(ifd, 347);
  for (const strip of strips) {
    const rgba = decodeJpeg(withTables(buffer.subarray(strip.offset, strip.offset + strip.length), tables), width, strip.rows);
    let out = strip.firstRow * width * samples;
    for (let i = 0; i < width * strip.rows * 4; i += 4) {
      data[out++] = rgba[i] ?? 0;
      if (!grey) {
        data[out++] = rgba[i + 1] ?? 0;
        data[out++] = rgba[i + 2] ?? 0;
      }
    }
  }
  // Colour samples are RGB now, whatever the page said (YCbCr): later readers must not convert
  // again. Grey ones keep their photometric (black or white is zero).
  Object.assign(ifd, { width, height, data, t277: [samples], t258: [8] }, grey ? {} : { t262: [2] });
}

/** The strip's JPEG with the tables spliced in after its start-of-image marker. */
function withTables(strip: Buffer, tables: Uint8Array | null): Buffer {
  if (tables === null || tables.byteLength < 4) return strip;
  // JPEGTables is itself SOI … EOI: its middle goes between the strip's SOI and the rest.
  return Buffer.concat([strip.subarray(0, 2), tables.subarray(2, tables.byteLength - 2), strip.subarray(2)]);
}

function decodeJpeg(jpeg: Buffer, width: number, rows: number): Uint8ClampedArray {
  const image = decodeWithSkia(jpeg, 'A JPEG strip of the TIFF');
  if (image.width < width || image.height < rows) refuse('documentImport.corrupt', 'A JPEG strip of the TIFF is smaller than the strip');
  const canvas = createCanvas(width, rows);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  return context.getImageData(0, 0, width, rows).data;
}

interface StripSpan {
  readonly offset: number;
  readonly length: number;
  readonly firstRow: number;
  readonly rows: number;
}

function stripLayout(ifd: UTIF.IFD): { width: number; height: number; strips: StripSpan[] } {
  const width = tagNumber(ifd, 256) ?? 0;
  const height = tagNumber(ifd, 257) ?? 0;
  const offsets = tagNumbers(ifd, 273);
  const counts = tagNumbers(ifd, 279);
  const rowsPerStrip = Math.min(tagNumber(ifd, 278) ?? height, height) || height;
  if (width < 1 || height < 1 || offsets.length === 0 || counts.length !== offsets.length) refuse('documentImport.corrupt', 'TIFF page has no strips');
  const strips = offsets.map((offset, index) => {
    const firstRow = index * rowsPerStrip;
    return { offset, length: counts[index] ?? 0, firstRow, rows: Math.max(0, Math.min(rowsPerStrip, height - firstRow)) };
  }).filter((strip) => strip.rows > 0);
  return { width, height, strips };
}

function tagNumbers(ifd: UTIF.IFD, tag: number): number[] {
  const value = ifd[`t${tag}`];
  return Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : [];
}

function tagNumber(ifd: UTIF.IFD, tag: number): number | undefined {
  return tagNumbers(ifd, tag)[0];
}

/** utif2 keeps a tag of type UNDEFINED (JPEGTables) as bytes, and BYTE-typed ones as numbers. */
function tagBytes(ifd: UTIF.IFD, tag: number): Uint8Array | null {
  const value = ifd[`t${tag}`];
  if (value instanceof Uint8Array) return value;
  const values = tagNumbers(ifd, tag);
  return values.length > 0 ? Uint8Array.from(values) : null;
}
