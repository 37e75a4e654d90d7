import { PDFDocument } from 'pdf-lib';
import type { ImportFormat } from '../../../../shared/document-import.ts';
import type { ImportLimits } from '../import-limits.ts';
import { ImportRefused, refuse } from '../import-refused.ts';
import { openPages } from '../page-raster.ts';
import { prepareImport } from '../prepare-import.ts';
import { readCodes } from './read-codes.ts';
import { splitBatch, type BatchPart, type BatchSplit, type PageCodes, type SplitOptions } from './split-batch.ts';

/**
 * Everything done with a scanned batch's bytes before anything is stored, inside the limited
 * import worker: the import checks (format, size, pages, pixels, encryption), barcodes read page
 * by page, the split, and one PDF per part made of the batch's own pages (pdf-lib copies PDF
 * pages untouched; image batches go through the same PDF the single import makes).
 */

export interface BatchScanOptions extends SplitOptions {
  /** Resolution pages are drawn at for the barcode reader. */
  readonly dpi?: number;
  /** Drawn again at this resolution when nothing was found at `dpi`; none by default (see the bench). */
  readonly retryDpi?: number | null;
}

/** 150 dpi reads our labels, PATCH-T and the paperless/zxing samples, at a quarter of 300 dpi's pixels. */
export const DEFAULT_SCAN_DPI = 150;

export interface PreparedPart extends BatchPart {
  readonly pdf: Uint8Array;
}

export interface PreparedBatch {
  readonly format: ImportFormat;
  readonly pageCount: number;
  readonly separators: readonly number[];
  readonly parts: readonly PreparedPart[];
}

/**
 * Reads the codes of every page; `pageDone` after each, for the watchdog and progress. Pages are
 * drawn as RGBA, the form zxing-wasm takes: a grey raster would be made from Skia's RGBA and
 * turned back into RGBA for the reader, two passes over every pixel that cost about a third of
 * a page's time (the bench's read_at_150dpi figure).
 */
export async function scanPages(bytes: Uint8Array, format: ImportFormat, options: BatchScanOptions = {}, pageDone: () => void = () => undefined): Promise<PageCodes[]> {
  const source = await openPages(bytes, format);
  try {
    const pages: PageCodes[] = [];
    for (let index = 0; index < source.pageCount; index++) {
      let codes = await readCodes(await source.render(index, { dpi: options.dpi ?? DEFAULT_SCAN_DPI, color: 'rgba' }));
      if (codes.length === 0 && options.retryDpi) codes = await readCodes(await source.render(index, { dpi: options.retryDpi, color: 'rgba' }));
      pages.push({ index, codes });
      pageDone();
    }
    return pages;
  } finally {
    await source.close();
  }
}

export async function prepareBatch(bytes: Uint8Array, limits: ImportLimits, options: BatchScanOptions = {}, stepDone: () => void = () => undefined): Promise<PreparedBatch> {
  const checked = await prepareImport(bytes, limits, stepDone);
  const pages = await scanPages(bytes, checked.format, options, stepDone);
  if (pages.length !== checked.pageCount) refuse('documentImport.corrupt', `The checks counted ${checked.pageCount} pages, the renderer ${pages.length}`);
  const split = splitBatch(pages, options);
  if (checked.encrypted) return { format: checked.format, pageCount: checked.pageCount, ...encryptedBatchParts(bytes, split, checked.pageCount) };
  const whole = await loadPdf(checked.pdf ?? bytes);
  const parts: PreparedPart[] = [];
  for (const part of split.parts) {
    parts.push({ ...part, pdf: await partPdf(whole, part.pages) });
    stepDone();
  }
  return { format: checked.format, pageCount: checked.pageCount, separators: split.separators, parts };
}

/**
 * An encrypted PDF (one that opens without a password) cannot have its pages copied into new
 * PDFs, and must not be decrypted: it may be signed. It goes on whole when it is one document
 * with no separator sheet; a batch that would need cutting is refused, to be imported as it is.
 */
export function encryptedBatchParts(bytes: Uint8Array, split: BatchSplit, pageCount: number): Pick<PreparedBatch, 'separators' | 'parts'> {
  const [only, ...more] = split.parts;
  if (split.separators.length > 0 || more.length > 0 || only === undefined || only.pages.length !== pageCount) {
    refuse('documentImport.encryptedSplit', 'An encrypted PDF cannot be split into parts');
  }
  return { separators: [], parts: [{ ...only, pdf: bytes }] };
}

async function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
  } catch (error) {
    return refuse('documentImport.corrupt', `PDF cannot be parsed for splitting: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A new PDF of the chosen pages, copied as they are (content, images, /Rotate). */
async function partPdf(whole: PDFDocument, pages: readonly number[]): Promise<Uint8Array> {
  try {
    const part = await PDFDocument.create({ updateMetadata: false });
    part.setProducer('Kancelaria');
    for (const page of await part.copyPages(whole, [...pages])) part.addPage(page);
    return await part.save({ useObjectStreams: true });
  } catch (error) {
    if (error instanceof ImportRefused) throw error;
    return refuse('documentImport.corrupt', `Pages cannot be copied into a part: ${error instanceof Error ? error.message : String(error)}`);
  }
}
