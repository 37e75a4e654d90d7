import { crc32, deflateSync } from 'node:zlib';

/**
 * A minimal PNG writer (PNG specification, 3rd ed., §5 and §11.2.2) for the pages decoded from a
 * TIFF: pdfkit embeds PNG and JPEG only. Bilevel pages stay 1 bit per pixel, grey pages 8 bits,
 * so a 300 dpi fax page costs ~1 MB of memory instead of 35 MB of RGBA.
 */

export interface RawImage {
  readonly width: number;
  readonly height: number;
  /** 0: greyscale, 2: RGB (PNG colour types). */
  readonly colorType: 0 | 2;
  readonly bitDepth: 1 | 8;
  /** Rows top to bottom, each `stride` bytes, packed as PNG packs them (MSB first, 0 = black). */
  readonly pixels: Uint8Array;
  readonly stride: number;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function encodePng(image: RawImage): Buffer {
  const { width, height, stride, pixels } = image;
  // Each row is prefixed by its filter type; 0 (None) because scans compress well enough with
  // deflate alone and choosing filters per row would double the conversion time.
  const filtered = Buffer.alloc(height * (stride + 1));
  for (let y = 0; y < height; y++) filtered.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(image.bitDepth, 8);
  header.writeUInt8(image.colorType, 9);
  // Bytes 10–12: deflate compression, adaptive filtering, no interlace.
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(filtered, { level: 6 })), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
