import { MAX_IMPORT_FILE_BYTES, MAX_PAGE_IMAGE_PIXELS } from '../../../shared/document-import.ts';

/**
 * What an imported file may demand of the workstation before it is refused. A scan of a thick
 * letter is far below every one of them; a decompression bomb or a hostile file is far above.
 */
export interface ImportLimits {
  /** Bytes on disk; checked before the file is even read. */
  readonly maxFileBytes: number;
  readonly maxPages: number;
  /**
   * Pixels of one page image at its decoded size: an A4 page at 600 dpi is 35 MP, so 100 MP
   * admits any real scan while a 4-gigapixel JPEG of 5 KB is refused before it is decoded.
   */
  readonly maxPixelsPerPage: number;
  /**
   * Longest any one step may take — reading the file's structure, or converting one page: a
   * parser stuck in a loop is stopped after this, however long the document is.
   */
  readonly stepTimeLimitMs: number;
  /** Longest a whole file may take: one that would hold the import queue longer is not a letter. */
  readonly totalTimeLimitMs: number;
  /** JavaScript heap of the worker that parses the file (decoded pixels are also capped above). */
  readonly heapLimitMb: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxFileBytes: MAX_IMPORT_FILE_BYTES,
  maxPages: 2000,
  maxPixelsPerPage: MAX_PAGE_IMAGE_PIXELS,
  stepTimeLimitMs: 30_000,
  totalTimeLimitMs: 10 * 60_000,
  heapLimitMb: 512,
};
