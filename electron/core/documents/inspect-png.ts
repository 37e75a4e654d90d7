import { crc32, createInflate, inflateSync } from 'node:zlib';
import { ImportRefused, refuse } from './import-refused.ts';

/**
 * Checks a PNG chunk by chunk (PNG specification, 3rd ed., §5 and §11) before pdfkit embeds it:
 * checksums, the image size against the pixel limit, and the compressed data inflated — counted,
 * not kept — to exactly the size the header promises. A truncated download fails the count; a
 * few KB that inflate to gigabytes (in the image or in a compressed text chunk) stop at the cap.
 */

export interface PngFacts {
  readonly width: number;
  readonly height: number;
  readonly dpiX: number | null;
  readonly dpiY: number | null;
}

/** Pillow's cap for one text chunk; a scanner's PNG carries a few bytes of text, if any. */
const TEXT_INFLATE_LIMIT = 1024 * 1024;
/** Colour profiles run to a few hundred KB; a few MB is generous. */
const PROFILE_INFLATE_LIMIT = 4 * 1024 * 1024;
const SIGNATURE_LENGTH = 8;

const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const DEPTHS: Readonly<Record<number, readonly number[]>> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
const KNOWN_CRITICAL: ReadonlySet<string> = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND']);

interface Header {
  readonly width: number;
  readonly height: number;
  readonly bitsPerPixel: number;
  readonly colorType: number;
  readonly interlaced: boolean;
}

export async function inspectPng(bytes: Uint8Array, limits: { maxPixelsPerPage: number }): Promise<PngFacts> {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let header: Header | null = null;
  let palette = false;
  let dpi: { x: number | null; y: number | null } = { x: null, y: null };
  const imageData: Buffer[] = [];
  let at = SIGNATURE_LENGTH;
  for (;;) {
    if (at + 12 > data.length) refuse('documentImport.corrupt', 'PNG ends before its IEND chunk: truncated');
    const length = data.readUInt32BE(at);
    const type = data.toString('latin1', at + 4, at + 8);
    if (length > 0x7fffffff || at + 12 + length > data.length) refuse('documentImport.corrupt', `PNG chunk ${type} runs past the end of the file: truncated`);
    const body = data.subarray(at + 8, at + 8 + length);
    if (crc32(data.subarray(at + 4, at + 8 + length)) !== data.readUInt32BE(at + 8 + length)) refuse('documentImport.corrupt', `PNG chunk ${type} fails its checksum`);
    at += 12 + length;
    if (header === null && type !== 'IHDR') refuse('documentImport.corrupt', 'PNG does not start with IHDR');
    if (type === 'IEND') break;
    if (type === 'IHDR') header = readHeader(body, limits.maxPixelsPerPage);
    else if (type === 'PLTE') palette = true;
    else if (type === 'IDAT') imageData.push(body);
    else if (type === 'pHYs') dpi = physDpi(body);
    else if (type === 'zTXt') inflateCapped(afterNul(body, 1), TEXT_INFLATE_LIMIT, type);
    else if (type === 'iCCP') inflateCapped(afterNul(body, 1), PROFILE_INFLATE_LIMIT, type);
    else if (type === 'iTXt') checkInternationalText(body);
    else if (!KNOWN_CRITICAL.has(type) && isCritical(type)) refuse('documentImport.unsupportedVariant', `PNG has an unknown critical chunk ${type}`);
  }
  if (header === null) refuse('documentImport.corrupt', 'PNG has no header');
  if (header.colorType === 3 && !palette) refuse('documentImport.corrupt', 'PNG palette image without a palette');
  if (imageData.length === 0) refuse('documentImport.corrupt', 'PNG has no image data');
  await checkImageData(imageData, expectedImageBytes(header));
  return { width: header.width, height: header.height, dpiX: dpi.x, dpiY: dpi.y };
}

function readHeader(body: Buffer, maxPixels: number): Header {
  if (body.length !== 13) refuse('documentImport.corrupt', 'PNG header has the wrong length');
  const width = body.readUInt32BE(0);
  const height = body.readUInt32BE(4);
  const depth = body.readUInt8(8);
  const colorType = body.readUInt8(9);
  const interlace = body.readUInt8(12);
  if (width === 0 || height === 0) refuse('documentImport.corrupt', 'PNG has no size');
  if (width * height > maxPixels) refuse('documentImport.tooManyPixels', `PNG declares ${width} × ${height} px`);
  const channels = CHANNELS[colorType];
  if (channels === undefined || !(DEPTHS[colorType] ?? []).includes(depth) || body.readUInt8(10) !== 0 || body.readUInt8(11) !== 0 || interlace > 1) {
    refuse('documentImport.corrupt', `PNG header is invalid (colour type ${colorType}, depth ${depth})`);
  }
  return { width, height, bitsPerPixel: channels * depth, colorType, interlaced: interlace === 1 };
}

/** Filtered bytes the image must inflate to: a filter byte and the packed pixels per row (§7.2, §8.2). */
function expectedImageBytes(header: Header): number {
  const rowBytes = (width: number): number => (width === 0 ? 0 : 1 + Math.ceil((width * header.bitsPerPixel) / 8));
  if (!header.interlaced) return header.height * rowBytes(header.width);
  // Adam7's seven passes: start column and row, then the step between columns and rows.
  const passes = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const;
  return passes.reduce((sum, [x0, y0, dx, dy]) => {
    const columns = Math.max(0, Math.ceil((header.width - x0) / dx));
    const rows = Math.max(0, Math.ceil((header.height - y0) / dy));
    return sum + (columns === 0 ? 0 : rows * rowBytes(columns));
  }, 0);
}

function checkImageData(chunks: readonly Buffer[], expected: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const inflate = createInflate();
    let total = 0;
    let settled = false;
    const settle = (work: () => void): void => {
      if (settled) return;
      settled = true;
      work();
    };
    inflate.on('data', (piece: Buffer) => {
      total += piece.length;
      if (total > expected) {
        inflate.destroy();
        settle(() => reject(new ImportRefused('documentImport.bomb', `PNG image data inflates beyond the ${expected} bytes its size needs`)));
      }
    });
    inflate.on('end', () => settle(() => (total === expected ? resolve() : reject(new ImportRefused('documentImport.corrupt', `PNG image data is ${total} of ${expected} bytes: truncated`)))));
    inflate.on('error', (error) => settle(() => reject(new ImportRefused('documentImport.corrupt', `PNG image data is damaged: ${error.message}`))));
    for (const chunk of chunks) inflate.write(chunk);
    inflate.end();
  });
}

function inflateCapped(compressed: Buffer, limit: number, type: string): void {
  try {
    inflateSync(compressed, { maxOutputLength: limit });
  } catch (error) {
    if (error instanceof RangeError) refuse('documentImport.bomb', `PNG ${type} chunk inflates beyond ${limit} bytes`);
    refuse('documentImport.corrupt', `PNG ${type} chunk is damaged`);
  }
}

/** iTXt: keyword, NUL, compression flag, method, language tag, NUL, translated keyword, NUL, text. */
function checkInternationalText(body: Buffer): void {
  const keywordEnd = body.indexOf(0);
  if (keywordEnd < 0 || body[keywordEnd + 1] !== 1) return;
  const languageEnd = body.indexOf(0, keywordEnd + 3);
  const translatedEnd = languageEnd < 0 ? -1 : body.indexOf(0, languageEnd + 1);
  if (translatedEnd < 0) refuse('documentImport.corrupt', 'PNG iTXt chunk is damaged');
  inflateCapped(body.subarray(translatedEnd + 1), TEXT_INFLATE_LIMIT, 'iTXt');
}

/** The bytes after the NUL that ends a chunk's keyword, skipping `skip` more (the method byte). */
function afterNul(body: Buffer, skip: number): Buffer {
  const end = body.indexOf(0);
  if (end < 0) refuse('documentImport.corrupt', 'PNG text chunk has no keyword');
  return body.subarray(end + 1 + skip);
}

function physDpi(body: Buffer): { x: number | null; y: number | null } {
  if (body.length !== 9 || body.readUInt8(8) !== 1) return { x: null, y: null };
  const x = body.readUInt32BE(0) * 0.0254;
  const y = body.readUInt32BE(4) * 0.0254;
  return x > 0 && y > 0 ? { x, y } : { x: null, y: null };
}

function isCritical(type: string): boolean {
  return type.charCodeAt(0) >= 0x41 && type.charCodeAt(0) <= 0x5a;
}
