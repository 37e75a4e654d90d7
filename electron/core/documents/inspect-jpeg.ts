import { refuse } from './import-refused.ts';
import { tiffOrientation } from './tiff-directory.ts';

/**
 * Walks a JPEG's markers (ITU T.81, annex B) without decoding it: its size from the frame header
 * before anything allocates pixels (a 5 KB file may declare 64,250² px), and a check that the
 * data runs to the end-of-image marker, since a JPEG cut off in transit still "opens" with a
 * grey lower half. The JPEG goes into the PDF as it is (DCTDecode), so what PDF readers cannot
 * draw — arithmetic coding, lossless, 12-bit — is refused here.
 */

export interface JpegFacts {
  readonly width: number;
  readonly height: number;
  readonly dpiX: number | null;
  readonly dpiY: number | null;
  /** EXIF orientation 1–8 of a phone photo; 1 when absent. */
  readonly orientation: number;
}

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP0 = 0xe0;
const APP1 = 0xe1;
/** Baseline, extended sequential and progressive Huffman frames: what DCTDecode draws. */
const DRAWABLE_FRAMES: ReadonlySet<number> = new Set([0xc0, 0xc1, 0xc2]);
const OTHER_FRAMES: ReadonlySet<number> = new Set([0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

export function inspectJpeg(bytes: Uint8Array, limits: { maxPixelsPerPage: number }): JpegFacts {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (data[0] !== 0xff || data[1] !== SOI) refuse('documentImport.corrupt', 'JPEG does not start with SOI');
  let frame: { width: number; height: number } | null = null;
  let dpi: { x: number | null; y: number | null } = { x: null, y: null };
  let orientation = 1;
  let at = 2;
  for (;;) {
    const marker = nextMarker(data, at);
    at = marker.end;
    if (marker.code === EOI) break;
    if (marker.code === SOI || (marker.code >= 0xd0 && marker.code <= 0xd7) || marker.code === 0x01) continue;
    if (at + 2 > data.length) refuse('documentImport.corrupt', 'JPEG is cut off inside a segment header');
    const length = data.readUInt16BE(at);
    if (length < 2 || at + length > data.length) refuse('documentImport.corrupt', 'JPEG is cut off inside a segment');
    const segment = data.subarray(at + 2, at + length);
    at += length;
    if (DRAWABLE_FRAMES.has(marker.code)) {
      frame = readFrame(segment, limits.maxPixelsPerPage);
    } else if (OTHER_FRAMES.has(marker.code)) {
      refuse('documentImport.unsupportedVariant', `JPEG frame type 0x${marker.code.toString(16)} (not baseline or progressive)`);
    } else if (marker.code === APP0 && segment.toString('latin1', 0, 5) === 'JFIF\0') {
      dpi = jfifDpi(segment);
    } else if (marker.code === APP1 && segment.toString('latin1', 0, 6) === 'Exif\0\0') {
      orientation = tiffOrientation(segment.subarray(6));
    } else if (marker.code === SOS) {
      if (!frame) refuse('documentImport.corrupt', 'JPEG scan before its frame header');
      at = skipEntropyData(data, at);
    }
  }
  if (!frame) refuse('documentImport.corrupt', 'JPEG has no frame header');
  return { ...frame, dpiX: dpi.x, dpiY: dpi.y, orientation };
}

/** The next marker at `at` (fill bytes 0xFF skipped); running out of bytes means the file was cut. */
function nextMarker(data: Buffer, at: number): { code: number; end: number } {
  if (data[at] !== 0xff) refuse('documentImport.corrupt', `JPEG has no marker where one must be (offset ${at})`);
  let i = at;
  while (data[i] === 0xff) i++;
  if (i >= data.length) refuse('documentImport.corrupt', 'JPEG ends before its end-of-image marker: truncated');
  return { code: data[i] ?? 0, end: i + 1 };
}

/** Entropy-coded data ends at the first marker that is neither a stuffed 0xFF00 nor a restart. */
function skipEntropyData(data: Buffer, from: number): number {
  let i = from;
  for (;;) {
    i = data.indexOf(0xff, i);
    if (i < 0 || i + 1 >= data.length) refuse('documentImport.corrupt', 'JPEG ends inside image data: truncated');
    const next = data[i + 1] ?? 0;
    if (next === 0x00 || next === 0xff || (next >= 0xd0 && next <= 0xd7)) {
      i += next === 0xff ? 1 : 2;
      continue;
    }
    return i;
  }
}

function readFrame(segment: Buffer, maxPixels: number): { width: number; height: number } {
  if (segment.length < 6) refuse('documentImport.corrupt', 'JPEG frame header is too short');
  const precision = segment.readUInt8(0);
  const height = segment.readUInt16BE(1);
  const width = segment.readUInt16BE(3);
  const components = segment.readUInt8(5);
  if (width === 0 || height === 0) refuse('documentImport.unsupportedVariant', 'JPEG without a stated height (DNL) or width');
  if (width * height > maxPixels) refuse('documentImport.tooManyPixels', `JPEG declares ${width} × ${height} px`);
  if (precision !== 8 || ![1, 3, 4].includes(components)) refuse('documentImport.unsupportedVariant', `JPEG with ${precision}-bit samples and ${components} components`);
  return { width, height };
}

function jfifDpi(segment: Buffer): { x: number | null; y: number | null } {
  if (segment.length < 12) return { x: null, y: null };
  const units = segment.readUInt8(7);
  const x = segment.readUInt16BE(8);
  const y = segment.readUInt16BE(10);
  const perInch = units === 1 ? 1 : units === 2 ? 2.54 : 0;
  return perInch === 0 || x === 0 || y === 0 ? { x: null, y: null } : { x: x * perInch, y: y * perInch };
}
