import type { ImportFormat } from '../../../shared/document-import.ts';
import { imagesToPdf, type PageImage } from './images-to-pdf.ts';
import type { ImportLimits } from './import-limits.ts';
import { ImportRefused, refuse } from './import-refused.ts';
import { inspectJpeg } from './inspect-jpeg.ts';
import { inspectPdf } from './inspect-pdf.ts';
import { inspectPng } from './inspect-png.ts';
import { readableCopy } from './readable-copy.ts';
import { sniffFormat } from './sniff-format.ts';
import { readTiffPages } from './tiff-directory.ts';
import { tiffPageImages } from './tiff-pages.ts';

/**
 * Everything an import does with the file's bytes before anything is stored: name the format,
 * check it against the limits, and make the one PDF of its pages. Throws ImportRefused for a
 * file that must not be imported. Runs inside the import worker, because every step parses
 * bytes from outside.
 */

export interface PreparedImport {
  readonly format: ImportFormat;
  readonly pageCount: number;
  /**
   * The PDF of the pages; null when the original is a PDF and is kept as that PDF, unchanged. A
   * PDF that needs a password gets a readable copy here.
   */
  readonly pdf: Uint8Array | null;
  /** A PDF encrypted without a password to open it: readable, but its pages cannot be copied. */
  readonly encrypted: boolean;
}

/**
 * `stepDone` is called after each step (the structure read, each page converted), for the host's
 * watchdog. `password` opens a PDF that needs one (see readable-copy).
 */
export async function prepareImport(bytes: Uint8Array, limits: ImportLimits, stepDone: () => void = () => undefined, password?: string): Promise<PreparedImport> {
  if (bytes.byteLength === 0) refuse('documentImport.empty', 'The file is empty');
  if (bytes.byteLength > limits.maxFileBytes) refuse('documentImport.tooLarge', `The file has ${bytes.byteLength} bytes`);
  const format = sniffFormat(bytes);
  switch (format) {
    case null:
      return refuse('documentImport.unsupportedFormat', 'Neither PDF, TIFF, JPEG nor PNG by its first bytes');
    case 'pdf': {
      // A PDF stays the PDF of its document: rewriting it would break a signature and gain nothing.
      const { pageCount, encrypted, locked } = await inspectPdf(bytes, limits, password);
      stepDone();
      return { format, pageCount, pdf: locked && password !== undefined ? await readableCopy(bytes, password, stepDone) : null, encrypted };
    }
    case 'tiff': {
      const pages = readTiffPages(bytes, limits);
      stepDone();
      return { format, pageCount: pages.length, pdf: await pagesPdf(tiffPageImages(bytes, pages, stepDone)), encrypted: false };
    }
    case 'jpeg': {
      const facts = inspectJpeg(bytes, limits);
      stepDone();
      return { format, pageCount: 1, pdf: await pagesPdf([{ image: Buffer.from(bytes), widthPx: facts.width, heightPx: facts.height, dpiX: facts.dpiX, dpiY: facts.dpiY, orientation: facts.orientation }]), encrypted: false };
    }
    case 'png': {
      const facts = await inspectPng(bytes, limits);
      stepDone();
      return { format, pageCount: 1, pdf: await pagesPdf([{ image: Buffer.from(bytes), widthPx: facts.width, heightPx: facts.height, dpiX: facts.dpiX, dpiY: facts.dpiY, orientation: 1 }]), encrypted: false };
    }
  }
}

/**
 * pdfkit throws strings for images it cannot read (the inspectors above should have caught
 * those); a TIFF page that fails to decode while the PDF is being built keeps its own reason.
 */
async function pagesPdf(pages: Iterable<PageImage>): Promise<Uint8Array> {
  try {
    return await imagesToPdf(pages);
  } catch (error) {
    if (error instanceof ImportRefused) throw error;
    return refuse('documentImport.corrupt', `The image cannot be put into a PDF: ${error instanceof Error ? error.message : String(error)}`);
  }
}
