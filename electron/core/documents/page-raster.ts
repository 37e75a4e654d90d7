import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCanvas, ImageData, type Canvas, type Image, type SKRSContext2D } from '@napi-rs/canvas';
import { getDocument, PasswordException, type PDFDocumentLoadingTask, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import UTIF from 'utif2';
import { MAX_PAGE_IMAGE_PIXELS, type ImportFormat } from '../../../shared/document-import.ts';
import { boxDownscale, type PixelSource } from './box-downscale.ts';
import { orientationMatrix } from './images-to-pdf.ts';
import { refuse } from './import-refused.ts';
import { inspectJpeg } from './inspect-jpeg.ts';
import { inspectPng } from './inspect-png.ts';
import { decodeWithSkia } from './skia-image.ts';
import { decodeTiffPage } from './tiff-decode.ts';
import { readTiffPages, type TiffPage } from './tiff-directory.ts';

/**
 * Pixels of one page of an imported file — for the barcode reader and for OCR, which both read
 * pictures, not PDFs. A PDF page is drawn by pdf.js (its legacy build runs in Node, drawing onto
 * @napi-rs/canvas; /Rotate, CCITT, JPX and JBIG2 images as pdf.js reads them); TIFF pages are
 * decoded by utif2 (G4 faxes, grey with alpha, LZW colour) and averaged down to size in place
 * (box-downscale.ts) unless turned or enlarged, PNG and JPEG by Skia. Every page comes
 * out at the resolution asked for, turned as it is read (PDF /Rotate, TIFF and EXIF orientation),
 * transparency flattened onto white paper, and never larger than `maxPixels`: a 30-inch poster
 * page or a 35,000² px fax is scaled down rather than allowed to exhaust memory.
 *
 * The bytes are untrusted: open them in the limited import worker, never in the main process.
 */

export interface PageRaster {
  readonly width: number;
  readonly height: number;
  /** 1: grey, one byte a pixel (0 black, 255 white); 4: RGBA, four bytes a pixel, alpha always 255. */
  readonly channels: 1 | 4;
  /** Rows top to bottom, `width * channels` bytes each, no padding. */
  readonly data: Uint8ClampedArray<ArrayBuffer>;
  /** The resolution actually drawn at: the one asked for, or less when `maxPixels` cut it down. */
  readonly dpi: number;
}

export interface RenderOptions {
  /** Dots per inch of the page as printed; 150 unless asked. */
  readonly dpi?: number;
  /** 'gray' (default) for barcodes and OCR; 'rgba' for anything that shows colour. */
  readonly color?: 'gray' | 'rgba';
  /** Largest width × height of the result; the page is drawn at a lower resolution to fit. */
  readonly maxPixels?: number;
}

/** A file opened once for drawing many of its pages; close() frees what the decoder holds. */
export interface PageSource {
  readonly pageCount: number;
  render(index: number, options?: RenderOptions): Promise<PageRaster>;
  close(): Promise<void>;
}

export const DEFAULT_RASTER_DPI = 150;
/** A4 at 300 dpi is 8.7 MP; 40 MP admits A3 at 400 dpi and costs at most 160 MB as RGBA. */
export const DEFAULT_MAX_RASTER_PIXELS = 40_000_000;
/** An image without a stated resolution: a phone photo or a screenshot, taken as 150 dpi as images-to-pdf does. */
const UNSTATED_IMAGE_DPI = 150;
const MIN_PLAUSIBLE_DPI = 10;

export async function pageCount(bytes: Uint8Array, format: ImportFormat): Promise<number> {
  const source = await openPages(bytes, format);
  try {
    return source.pageCount;
  } finally {
    await source.close();
  }
}

/** One page (0-based `index`); opening the file each time, so prefer openPages for several. */
export async function renderPage(bytes: Uint8Array, format: ImportFormat, index: number, options: RenderOptions = {}): Promise<PageRaster> {
  const source = await openPages(bytes, format);
  try {
    return await source.render(index, options);
  } finally {
    await source.close();
  }
}

/** `password`: the one a PDF needs to be opened (the clerk typed it); never kept. */
export async function openPages(bytes: Uint8Array, format: ImportFormat, password?: string): Promise<PageSource> {
  switch (format) {
    case 'pdf': return openPdf(bytes, password);
    case 'tiff': return openTiff(bytes);
    case 'jpeg': return openPicture(bytes, inspectJpeg(bytes, { maxPixelsPerPage: MAX_PAGE_IMAGE_PIXELS }));
    case 'png': return openPicture(bytes, { ...(await inspectPng(bytes, { maxPixelsPerPage: MAX_PAGE_IMAGE_PIXELS })), orientation: 1 });
  }
}

// ---- PDF -------------------------------------------------------------------------------------

// pdf.js runs its parser on the calling thread when it finds the worker's handler here; the
// import is static so that a bundle carries it and no worker file is looked up at run time.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

/** pdf.js loads its JPX/JBIG2 decoders and the 14 standard fonts from files beside its package. */
function pdfjsAssetUrl(folder: string): string | undefined {
  try {
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    return `${pathToFileURL(join(root, folder)).pathname}/`;
  } catch {
    return undefined;
  }
}

async function openPdf(bytes: Uint8Array, password: string | undefined): Promise<PageSource> {
  let task: PDFDocumentLoadingTask;
  let doc: PDFDocumentProxy;
  try {
    task = getDocument({
      // pdf.js takes ownership of the buffer it is given; the caller keeps theirs.
      data: bytes.slice(),
      ...(password === undefined ? {} : { password }),
      verbosity: 0,
      maxImageSize: MAX_PAGE_IMAGE_PIXELS,
      stopAtErrors: false,
      wasmUrl: pdfjsAssetUrl('wasm'),
      standardFontDataUrl: pdfjsAssetUrl('standard_fonts'),
      cMapUrl: pdfjsAssetUrl('cmaps'),
      useSystemFonts: false,
    });
    doc = await task.promise;
  } catch (error) {
    if (error instanceof PasswordException) {
      if (password === undefined) refuse('documentImport.encrypted', 'PDF needs a password');
      refuse('documentImport.wrongPassword', 'The password given does not open the PDF');
    }
    refuse('documentImport.corrupt', `PDF cannot be opened: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    pageCount: doc.numPages,
    async render(index, options = {}) {
      checkIndex(index, doc.numPages);
      const page = await doc.getPage(index + 1);
      try {
        // The viewport carries the page's /Rotate: the raster is the page as it is read.
        const unit = page.getViewport({ scale: 1 });
        const dpi = fittedDpi(unit.width / 72, unit.height / 72, options);
        const viewport = page.getViewport({ scale: dpi / 72 });
        const canvas = createCanvas(Math.max(1, Math.round(viewport.width)), Math.max(1, Math.round(viewport.height)));
        const context = canvas.getContext('2d');
        // pdf.js draws through the standard 2D context API, which Skia's context implements.
        await page.render({ canvas: null, canvasContext: context, viewport, background: 'rgb(255,255,255)' }).promise;
        return rasterOf(canvas, context, dpi, options);
      } finally {
        page.cleanup();
      }
    },
    async close() {
      await task.destroy();
    },
  };
}

// ---- TIFF ------------------------------------------------------------------------------------

function openTiff(bytes: Uint8Array): PageSource {
  // The directories are checked by hand (sizes against the pixel cap, strips inside the file)
  // before utif2 allocates anything for a page.
  const pages = readTiffPages(bytes, { maxPages: Number.MAX_SAFE_INTEGER, maxPixelsPerPage: MAX_PAGE_IMAGE_PIXELS });
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let directories: UTIF.IFD[];
  try {
    directories = UTIF.decode(buffer);
  } catch (error) {
    refuse('documentImport.corrupt', `TIFF cannot be parsed: ${String(error)}`);
  }
  return {
    pageCount: pages.length,
    render(index, options = {}) {
      checkIndex(index, pages.length);
      const page = pages[index] as TiffPage;
      const ifd = directories[page.chainIndex];
      if (!ifd) refuse('documentImport.corrupt', `TIFF page ${index + 1} cannot be found`);
      try {
        decodeTiffPage(buffer, ifd);
      } catch (error) {
        forget(ifd);
        refuse('documentImport.corrupt', `TIFF page ${index + 1} cannot be decoded: ${String(error)}`);
      }
      try {
        const size = scaledSize(page.width, page.height, page.dpiX, page.dpiY, options);
        if (page.orientation === 1 && size.width <= page.width && size.height <= page.height) {
          const shrunk = boxDownscale(tiffPixels(ifd, page, index), size.width, size.height, options.color ?? 'gray');
          return Promise.resolve({ width: size.width, height: size.height, dpi: size.dpi, ...shrunk });
        }
        const rgba = UTIF.toRGBA8(ifd);
        if (rgba.byteLength < page.width * page.height * 4) refuse('documentImport.corrupt', `TIFF page ${index + 1} holds less image data than its size says`);
        const source = createCanvas(page.width, page.height);
        source.getContext('2d').putImageData(new ImageData(new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, page.width * page.height * 4), page.width, page.height), 0, 0);
        return Promise.resolve(drawScaled(source, page.width, page.height, page.dpiX, page.dpiY, page.orientation, options));
      } finally {
        forget(ifd);
      }
    },
    close: () => Promise.resolve(),
  };
}

/**
 * A decoded page's samples as they are when utif2 leaves them bilevel (fax G4, our own bilevel
 * scans) or 8-bit and interleaved (grey, RGB), else utif2's RGBA (palette, 16-bit, CMYK…).
 * Grey pages read only their first sample, as utif2 does. Data shorter than the page goes to
 * utif2's RGBA, which is refused below.
 */
function tiffPixels(ifd: UTIF.IFD, page: TiffPage, index: number): PixelSource {
  const { width, height, samplesPerPixel: spp } = page;
  if (page.bitsPerSample === 1 && spp === 1 && (page.photometric === 0 || page.photometric === 1) && ifd.data.byteLength >= Math.ceil(width / 8) * height) {
    return { data: ifd.data, width, height, pixelBytes: 1, rowBytes: Math.ceil(width / 8), samples: page.photometric === 0 ? 'bits-white-is-zero' : 'bits-black-is-zero' };
  }
  const eightBit = page.bitsPerSample === 8 && ifd.data.byteLength >= width * height * spp;
  if (eightBit && page.photometric === 1) return { data: ifd.data, width, height, pixelBytes: spp, rowBytes: width * spp, samples: 'grey' };
  if (eightBit && page.photometric === 2 && spp === 3) return { data: ifd.data, width, height, pixelBytes: 3, rowBytes: width * 3, samples: 'rgb' };
  const rgba = UTIF.toRGBA8(ifd);
  if (rgba.byteLength < width * height * 4) refuse('documentImport.corrupt', `TIFF page ${index + 1} holds less image data than its size says`);
  return { data: rgba, width, height, pixelBytes: 4, rowBytes: width * 4, samples: 'rgba' };
}

/**
 * Drops a decoded page's pixels so a long scan holds one page at a time. utif2 decodes a page
 * only when it has no `data`, so the property is removed, not emptied: the page can be drawn again.
 */
function forget(ifd: UTIF.IFD): void {
  Reflect.deleteProperty(ifd, 'data');
}

// ---- PNG, JPEG -------------------------------------------------------------------------------

interface PictureFacts {
  readonly width: number;
  readonly height: number;
  readonly dpiX: number | null;
  readonly dpiY: number | null;
  readonly orientation: number;
}

function openPicture(bytes: Uint8Array, facts: PictureFacts): PageSource {
  return {
    pageCount: 1,
    render(index, options = {}) {
      checkIndex(index, 1);
      const image = decodeWithSkia(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'Image');
      if (image.width !== facts.width || image.height !== facts.height) refuse('documentImport.corrupt', 'Image decodes to another size than its header says');
      return Promise.resolve(drawScaled(image, facts.width, facts.height, facts.dpiX, facts.dpiY, facts.orientation, options));
    },
    close: () => Promise.resolve(),
  };
}

// ---- common ----------------------------------------------------------------------------------

function checkIndex(index: number, count: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= count) throw new RangeError(`Page index ${index} is outside 0…${count - 1}`);
}

/** The dpi asked for, lowered until a page of this size in inches fits `maxPixels`. */
function fittedDpi(widthInches: number, heightInches: number, options: RenderOptions): number {
  const wanted = options.dpi ?? DEFAULT_RASTER_DPI;
  if (!(wanted > 0) || !Number.isFinite(wanted)) throw new RangeError(`Resolution ${wanted} dpi is not usable`);
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_RASTER_PIXELS;
  const area = Math.max(widthInches * heightInches, 1e-6);
  return Math.min(wanted, Math.sqrt(maxPixels / area));
}

/** The resolution and size in pixels (before any turn) an image of this size and stated dpi is drawn at. */
function scaledSize(widthPx: number, heightPx: number, dpiX: number | null, dpiY: number | null, options: RenderOptions): { dpi: number; width: number; height: number } {
  const stated = (dpi: number | null): number | null => (dpi !== null && dpi >= MIN_PLAUSIBLE_DPI ? dpi : null);
  const nativeX = stated(dpiX) ?? stated(dpiY) ?? UNSTATED_IMAGE_DPI;
  const nativeY = stated(dpiY) ?? stated(dpiX) ?? UNSTATED_IMAGE_DPI;
  const dpi = fittedDpi(widthPx / nativeX, heightPx / nativeY, options);
  return { dpi, width: Math.max(1, Math.round((widthPx / nativeX) * dpi)), height: Math.max(1, Math.round((heightPx / nativeY) * dpi)) };
}

/**
 * Draws a decoded image onto white paper at the asked resolution, applying its orientation tag
 * (TIFF 6.0 tag 274 / EXIF: how the stored rows are turned for reading).
 */
function drawScaled(
  image: Canvas | Image, widthPx: number, heightPx: number, dpiX: number | null, dpiY: number | null, orientation: number, options: RenderOptions,
): PageRaster {
  const { dpi, width, height } = scaledSize(widthPx, heightPx, dpiX, dpiY, options);
  const turned = orientation >= 5 && orientation <= 8;
  const canvas = createCanvas(turned ? height : width, turned ? width : height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.setTransform(...orientationMatrix(orientation, width, height));
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'medium';
  context.drawImage(image, 0, 0, widthPx, heightPx, 0, 0, width, height);
  context.setTransform(1, 0, 0, 1, 0, 0);
  return rasterOf(canvas, context, dpi, options);
}

function rasterOf(canvas: Canvas, context: SKRSContext2D, dpi: number, options: RenderOptions): PageRaster {
  const { width, height } = canvas;
  const rgba = context.getImageData(0, 0, width, height).data;
  if (options.color === 'rgba') return { width, height, channels: 4, data: new Uint8ClampedArray(rgba.buffer as ArrayBuffer, rgba.byteOffset, rgba.byteLength), dpi };
  const grey = new Uint8ClampedArray(width * height);
  // ITU-R BT.601 luma in integers; the page is already opaque (drawn on white).
  for (let i = 0, o = 0; o < grey.length; i += 4, o++) grey[o] = ((rgba[i] ?? 0) * 77 + (rgba[i + 1] ?? 0) * 150 + (rgba[i + 2] ?? 0) * 29) >> 8;
  return { width, height, channels: 1, data: grey, dpi };
}

/** RGBA from a grey raster, for readers that take only ImageData (zxing-wasm). */
export function toRgba(raster: PageRaster): PageRaster {
  if (raster.channels === 4) return raster;
  const rgba = new Uint8ClampedArray(raster.width * raster.height * 4);
  for (let i = 0, o = 0; i < raster.data.length; i++, o += 4) {
    const value = raster.data[i] ?? 0;
    rgba[o] = value;
    rgba[o + 1] = value;
    rgba[o + 2] = value;
    rgba[o + 3] = 255;
  }
  return { ...raster, channels: 4, data: rgba };
}

