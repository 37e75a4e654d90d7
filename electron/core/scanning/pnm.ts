/**
 * Reads the PNM files `scanimage --format=pnm` writes (Netpbm's PBM P4, PGM P5, PPM P6, binary
 * forms, 8-bit samples): a header in ASCII, then the raster as-is. PNM is the one format every
 * SANE backend can produce and it costs nothing to parse; pages are compressed right after.
 */

export interface RawPage {
  readonly width: number;
  readonly height: number;
  /** 'bilevel': 1 bit per pixel, rows padded to a byte, 1 = black (PBM's and TIFF WhiteIsZero's sense). */
  readonly kind: 'bilevel' | 'gray' | 'rgb';
  readonly pixels: Uint8Array;
}

export function parsePnm(bytes: Uint8Array): RawPage {
  let at = 0;
  const token = (): string => {
    // Whitespace and comments (# to end of line) separate the header's fields.
    for (;;) {
      while (at < bytes.length && isSpace(bytes[at] ?? 0)) at++;
      if (bytes[at] !== 0x23) break;
      while (at < bytes.length && bytes[at] !== 0x0a) at++;
    }
    const start = at;
    while (at < bytes.length && !isSpace(bytes[at] ?? 0)) at++;
    return Buffer.from(bytes.subarray(start, at)).toString('latin1');
  };
  const magic = token();
  const kind = magic === 'P4' ? 'bilevel' : magic === 'P5' ? 'gray' : magic === 'P6' ? 'rgb' : null;
  if (kind === null) throw new Error(`Not a binary PNM file (magic ${JSON.stringify(magic.slice(0, 8))})`);
  const width = positiveInt(token(), 'width');
  const height = positiveInt(token(), 'height');
  if (kind !== 'bilevel') {
    const maxval = positiveInt(token(), 'maxval');
    if (maxval !== 255) throw new Error(`PNM with maxval ${maxval}: only 8-bit samples are read`);
  }
  at++; // exactly one whitespace byte ends the header
  const stride = kind === 'bilevel' ? Math.ceil(width / 8) : kind === 'gray' ? width : width * 3;
  const size = stride * height;
  if (bytes.length - at < size) throw new Error(`PNM raster is cut off: ${bytes.length - at} of ${size} bytes`);
  return { width, height, kind, pixels: bytes.subarray(at, at + size) };
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function positiveInt(text: string, what: string): number {
  const value = /^\d{1,9}$/u.test(text) ? Number(text) : 0;
  if (value < 1) throw new Error(`PNM ${what} is not a positive number: ${JSON.stringify(text.slice(0, 12))}`);
  return value;
}
