import UTIF from 'utif2';
import { refuse } from './import-refused.ts';
import type { PageImage } from './images-to-pdf.ts';
import { encodePng, type RawImage } from './png-encode.ts';
import { decodeTiffPage } from './tiff-decode.ts';
import type { TiffPage } from './tiff-directory.ts';

/**
 * Decodes the pages of a TIFF (already checked by readTiffPages) into PNGs that pdfkit embeds,
 * one page at a time as the PDF asks for it, so a long scan never holds more than one decoded
 * page. Bilevel and grey pages keep their depth; anything else becomes RGB. Transparency is
 * flattened onto white paper: a scan has no use for it and PDF readers show it inconsistently.
 */
export function* tiffPageImages(bytes: Uint8Array, pages: readonly TiffPage[], pageDone: () => void): Generator<PageImage> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let directories: UTIF.IFD[];
  try {
    directories = UTIF.decode(buffer);
  } catch (error) {
    refuse('documentImport.corrupt', `TIFF cannot be parsed: ${String(error)}`);
  }
  for (const [index, page] of pages.entries()) {
    const ifd = directories[page.chainIndex];
    if (!ifd) refuse('documentImport.corrupt', `TIFF page ${index + 1} cannot be found`);
    try {
      decodeTiffPage(buffer, ifd);
    } catch (error) {
      refuse('documentImport.corrupt', `TIFF page ${index + 1} cannot be decoded: ${String(error)}`);
    }
    const image = encodePng(rawImage(page, ifd));
    ifd.data = new Uint8Array(0);
    pageDone();
    yield { image, widthPx: page.width, heightPx: page.height, dpiX: page.dpiX, dpiY: page.dpiY, orientation: page.orientation };
  }
}

function rawImage(page: TiffPage, ifd: UTIF.IFD): RawImage {
  const { width, height, bitsPerSample, samplesPerPixel, photometric } = page;
  const stride = Math.ceil((width * bitsPerSample * samplesPerPixel) / 8);
  if (ifd.data.byteLength < stride * height) refuse('documentImport.corrupt', 'TIFF page holds less image data than its size says');
  const grey = photometric === 0 || photometric === 1;
  if (grey && bitsPerSample === 1 && samplesPerPixel === 1) return bilevel(page, ifd.data, stride);
  if (grey && bitsPerSample === 8 && samplesPerPixel <= 2) return grey8(page, ifd.data, stride);
  return rgb(page, UTIF.toRGBA8(ifd));
}

/** PNG's 1-bit grey has 0 = black, as TIFF's BlackIsZero; WhiteIsZero (faxes) is inverted. */
function bilevel(page: TiffPage, data: Uint8Array, stride: number): RawImage {
  const pixels = data.slice(0, stride * page.height);
  if (page.photometric === 0) for (let i = 0; i < pixels.length; i++) pixels[i] = ~(pixels[i] ?? 0) & 0xff;
  return { width: page.width, height: page.height, colorType: 0, bitDepth: 1, pixels, stride };
}

function grey8(page: TiffPage, data: Uint8Array, stride: number): RawImage {
  const { width, height, samplesPerPixel: samples } = page;
  const pixels = new Uint8Array(width * height);
  const invert = page.photometric === 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = y * stride + x * samples;
      const value = invert ? 255 - (data[at] ?? 0) : (data[at] ?? 0);
      pixels[y * width + x] = samples === 2 ? overWhite(value, data[at + 1] ?? 255) : value;
    }
  }
  return { width, height, colorType: 0, bitDepth: 8, pixels, stride: width };
}

function rgb(page: TiffPage, rgba: Uint8Array): RawImage {
  const { width, height } = page;
  const pixels = new Uint8Array(width * height * 3);
  for (let i = 0, o = 0; o < pixels.length; i += 4, o += 3) {
    const alpha = rgba[i + 3] ?? 255;
    pixels[o] = overWhite(rgba[i] ?? 0, alpha);
    pixels[o + 1] = overWhite(rgba[i + 1] ?? 0, alpha);
    pixels[o + 2] = overWhite(rgba[i + 2] ?? 0, alpha);
  }
  return { width, height, colorType: 2, bitDepth: 8, pixels, stride: width * 3 };
}

function overWhite(value: number, alpha: number): number {
  return alpha === 255 ? value : Math.round((value * alpha + 255 * (255 - alpha)) / 255);
}
