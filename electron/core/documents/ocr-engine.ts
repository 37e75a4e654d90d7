import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM, PSM, type Worker as TesseractWorker, type WorkerOptions } from 'tesseract.js';
import type { PageRaster } from './page-raster.ts';

/**
 * Polish OCR with tesseract.js (Tesseract compiled to WebAssembly), entirely from node_modules:
 * the Polish model comes from @tesseract.js-data/pol and the engine from tesseract.js-core, so
 * nothing is ever fetched (city PCs often have no internet, and a scan must not leave the
 * building). One engine reads one page at a time on one core.
 *
 * Choices, measured on the Polish scans of the corpus (A4, 300 dpi, ~3,500 characters a page):
 * - LSTM only (OEM 1): the legacy engine was no faster and less accurate (confidence 88 vs 94,
 *   split words such as "wysychaj ącego").
 * - The best_int model: as accurate as the 4.0.0 model on these scans and about a quarter faster
 *   (smaller, integer network), and a third of the download size.
 * - Automatic page segmentation (PSM 3): letters have letterheads, columns and address blocks;
 *   treating the page as one block (PSM 6) was no faster.
 * - Scaling a 300 dpi page down did not help: LSTM time follows the number of characters, not
 *   pixels, and small print suffers.
 */

const require = createRequire(import.meta.url);

export const OCR_LANGUAGE = 'pol';
export const OCR_ENGINE_MODE = OEM.LSTM_ONLY;
export const OCR_PAGE_SEGMENTATION = PSM.AUTO;
/** Resolution pages are drawn at for OCR; the pixel cap keeps an A3 or poster page within reach. */
export const OCR_DPI = 300;
export const OCR_MAX_PIXELS = 12_000_000;

/** The tesseract.js options: every path local, no cache written, no CDN fallback possible. */
export function ocrWorkerOptions(logger: WorkerOptions['logger'] = () => undefined): Partial<WorkerOptions> {
  return {
    langPath: join(dirname(require.resolve('@tesseract.js-data/pol/package.json')), '4.0.0_best_int'),
    corePath: dirname(require.resolve('tesseract.js-core/package.json')),
    workerPath: join(dirname(require.resolve('tesseract.js/package.json')), 'src', 'worker-script', 'node', 'index.js'),
    gzip: true,
    // The model is read from node_modules every time; nothing is written beside the app.
    cacheMethod: 'none',
    logger,
    errorHandler: () => undefined,
  };
}

/**
 * Below this mean word confidence a page with text on it may be upside down: a letter fed into
 * the scanner the wrong way round reads as gibberish at about 35, an upright scan at 85–95.
 * Sideways pages need no help: Tesseract's layout analysis finds vertical lines itself.
 */
const UPSIDE_DOWN_SUSPECT_CONFIDENCE = 60;
/** A page with less than this is blank or nearly so: turning it cannot make it say more. */
const UPSIDE_DOWN_MIN_CHARS = 40;

export interface OcrResult {
  readonly text: string;
  /** Tesseract's mean word confidence, 0–100. */
  readonly confidence: number;
}

/** One tesseract.js worker, started on the first page and kept for the next. */
export class OcrEngine {
  #worker: Promise<TesseractWorker> | null = null;
  #onProgress: (percent: number) => void = () => undefined;

  async recognize(raster: PageRaster, onProgress: (percent: number) => void = () => undefined): Promise<OcrResult> {
    const worker = await this.#ensure();
    this.#onProgress = onProgress;
    try {
      // The raster's resolution is known: Tesseract need not guess it from the letters' size.
      await worker.setParameters({ user_defined_dpi: String(Math.round(raster.dpi)) });
      const result = await worker.recognize(toPnm(raster), {}, { text: true });
      return { text: result.data.text, confidence: result.data.confidence };
    } catch (error) {
      // An engine that failed a page (WebAssembly out of memory, an abort) may be broken for the
      // next one too: the next page gets a fresh engine.
      await this.close();
      throw error;
    } finally {
      this.#onProgress = () => undefined;
    }
  }

  /**
   * Reads a page the right way up: one that reads poorly is read again turned by 180°, and the
   * better reading wins. Costs a second pass only for such pages.
   */
  async recognizeUpright(raster: PageRaster, onProgress: (percent: number) => void = () => undefined): Promise<OcrResult> {
    const first = await this.recognize(raster, onProgress);
    if (first.confidence >= UPSIDE_DOWN_SUSPECT_CONFIDENCE || first.text.trim().length < UPSIDE_DOWN_MIN_CHARS) return first;
    const turned = await this.recognize(turnedHalfway(raster), onProgress);
    return turned.confidence > first.confidence ? turned : first;
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    if (worker) await (await worker.catch(() => null))?.terminate();
  }

  #ensure(): Promise<TesseractWorker> {
    this.#worker ??= (async () => {
      const worker = await createWorker(OCR_LANGUAGE, OCR_ENGINE_MODE, ocrWorkerOptions((message) => {
        if (message.status === 'recognizing text') this.#onProgress(Math.round(message.progress * 100));
      }));
      // Inverted (white on black) text is rare in letters and trying it costs a second pass over
      // weak lines. Tesseract's diagnostics ("Detected 49 diacritics") would land on the app's
      // stdout, which the bench's JSON goes to; they go nowhere.
      await worker.setParameters({ tessedit_pageseg_mode: OCR_PAGE_SEGMENTATION, tessedit_do_invert: '0', debug_file: '/dev/null' });
      return worker;
    })();
    this.#worker.catch(() => {
      this.#worker = null;
    });
    return this.#worker;
  }
}

/** The raster turned by 180°: its pixels in reverse order, each pixel's channels kept in theirs. */
export function turnedHalfway(raster: PageRaster): PageRaster {
  const { data, channels } = raster;
  const turned = new Uint8ClampedArray(data.length);
  for (let from = 0, to = data.length - channels; from < data.length; from += channels, to -= channels) {
    for (let c = 0; c < channels; c++) turned[to + c] = data[from + c] ?? 0;
  }
  return { ...raster, data: turned };
}

/**
 * A raster as a binary PGM/PAM-free PNM (P5 grey, P6 colour): Leptonica reads it without any
 * decompression, and writing it costs one copy of the pixels.
 */
export function toPnm(raster: PageRaster): Buffer {
  const { width, height } = raster;
  if (raster.channels === 1) return Buffer.concat([Buffer.from(`P5\n${width} ${height}\n255\n`, 'ascii'), Buffer.from(raster.data.buffer, raster.data.byteOffset, raster.data.byteLength)]);
  const rgb = Buffer.alloc(width * height * 3);
  for (let i = 0, o = 0; o < rgb.length; i += 4, o += 3) {
    rgb[o] = raster.data[i] ?? 255;
    rgb[o + 1] = raster.data[i + 1] ?? 255;
    rgb[o + 2] = raster.data[i + 2] ?? 255;
  }
  return Buffer.concat([Buffer.from(`P6\n${width} ${height}\n255\n`, 'ascii'), rgb]);
}
