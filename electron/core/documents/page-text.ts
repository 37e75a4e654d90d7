import { getDocument, type PDFDocumentLoadingTask, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ImportFormat } from '../../../shared/document-import.ts';
import type { PageTextSource } from '../../../shared/document-text.ts';
import { OCR_DPI, OCR_MAX_PIXELS, type OcrEngine } from './ocr-engine.ts';
import { openPages, type PageSource } from './page-raster.ts';

/**
 * Reads the words of one document, page by page. A PDF page that carries its own text (a letter
 * saved from a word processor, an ePUAP printout, a scan some MFP already read) gives that text:
 * exact and a thousand times cheaper than OCR. Only pages without it, and every page of a TIFF,
 * PNG or JPEG, are drawn at 300 dpi and read by Polish OCR.
 *
 * A page that cannot be read is reported and the next one is tried: one torn page must not hide
 * the words of the rest.
 */

/**
 * Fewer letters and digits than this in a text layer is a page number or a scanner's stamp on a
 * scanned page, not the page's text; such a page is read by OCR.
 */
const MIN_TEXT_LAYER_CHARS = 8;

export interface PageTextCallbacks {
  /** Pages (1-based) already read before a restart; they are not read again. */
  readonly skip: ReadonlySet<number>;
  readonly page: (page: number, source: PageTextSource, text: string) => void;
  readonly pageFailed: (page: number, reason: string) => void;
  /** How far the page being read is, 0–100 (OCR reports as it goes). */
  readonly progress: (page: number, percent: number) => void;
}

export async function readDocumentText(format: ImportFormat, bytes: Uint8Array, ocr: OcrEngine, on: PageTextCallbacks): Promise<void> {
  const task = format === 'pdf' ? getDocument({ data: bytes.slice(), verbosity: 0, useSystemFonts: false, stopAtErrors: false }) : null;
  const textLayer = task === null ? null : await openTextLayer(task);
  let pictures: PageSource | null = null;
  try {
    pictures = await openPages(bytes, format);
    for (let page = 1; page <= pictures.pageCount; page++) {
      if (on.skip.has(page)) continue;
      on.progress(page, 0);
      try {
        const layer = textLayer === null ? null : await pageTextLayer(textLayer, page);
        if (layer !== null) {
          on.page(page, 'text_layer', layer);
          continue;
        }
        const raster = await pictures.render(page - 1, { dpi: OCR_DPI, color: 'gray', maxPixels: OCR_MAX_PIXELS });
        const { text } = await ocr.recognizeUpright(raster, (percent) => on.progress(page, percent));
        on.page(page, 'ocr', text);
      } catch (error) {
        on.pageFailed(page, error instanceof Error ? error.message : String(error));
      }
    }
  } finally {
    await pictures?.close();
    await task?.destroy();
  }
}

async function openTextLayer(task: PDFDocumentLoadingTask): Promise<PDFDocumentProxy | null> {
  try {
    return await task.promise;
  } catch {
    // The pages are still drawn and read by OCR; openPages says why if they cannot be.
    return null;
  }
}

/** The page's own text in reading order, or null when it has none worth keeping. */
export async function pageTextLayer(doc: PDFDocumentProxy, pageNumber: number): Promise<string | null> {
  const page = await doc.getPage(pageNumber);
  try {
    const content = await page.getTextContent();
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str + (item.hasEOL ? '\n' : '');
    }
    const letters = text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
    return letters >= MIN_TEXT_LAYER_CHARS ? text : null;
  } finally {
    page.cleanup();
  }
}
