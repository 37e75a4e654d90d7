import { z } from 'zod';

/**
 * Scans and files a clerk attaches to a register entry (issue 6): PDF, multi-page TIFF, JPEG and
 * PNG. Each import keeps the original bytes untouched and one PDF of all its pages; both live in
 * the workstation's content-addressed store and are named here by their SHA-256.
 */

/** Largest file accepted: a 2,000-page colour scan fits; anything bigger is not a letter. */
export const MAX_IMPORT_FILE_BYTES = 200 * 1024 * 1024;
/**
 * Largest image a page may hold, in pixels, before it is decoded: an A4 page at 600 dpi is 35 MP,
 * so 100 MP admits any real scan while a 4-gigapixel JPEG of 5 KB is refused (or, inside a PDF
 * that could not be measured beforehand, left undrawn by pdf.js).
 */
export const MAX_PAGE_IMAGE_PIXELS = 100_000_000;

export const ImportFormat = z.enum(['pdf', 'tiff', 'jpeg', 'png']);
export type ImportFormat = z.infer<typeof ImportFormat>;

export const ImportMediaType = z.enum(['application/pdf', 'image/tiff', 'image/jpeg', 'image/png']);
export type ImportMediaType = z.infer<typeof ImportMediaType>;

export const IMPORT_MEDIA_TYPES: Readonly<Record<ImportFormat, ImportMediaType>> = {
  pdf: 'application/pdf',
  tiff: 'image/tiff',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

/**
 * Why a file was not imported, as the i18n key the clerk reads in Polish. The key is the whole
 * message: the file stays where it was and nothing of it is stored.
 */
export const ImportRefusal = z.enum([
  'documentImport.empty',
  'documentImport.tooLarge',
  'documentImport.unsupportedFormat',
  'documentImport.unsupportedVariant',
  'documentImport.encrypted',
  // Encrypted without a password to open it (often a signed letter): its pages cannot be cut apart.
  'documentImport.encryptedSplit',
  // A password was typed for a PDF that needs one, and it does not open it.
  'documentImport.wrongPassword',
  'documentImport.corrupt',
  'documentImport.tooManyPages',
  'documentImport.tooManyPixels',
  // Data that inflates far beyond what the image needs: a decompression bomb, not a scan.
  'documentImport.bomb',
  'documentImport.tooComplex',
]);
export type ImportRefusal = z.infer<typeof ImportRefusal>;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/u);

export const ItemDocument = z.object({
  id: z.uuid(),
  itemId: z.uuid(),
  originalName: z.string(),
  originalFormat: ImportFormat,
  originalMediaType: z.string(),
  originalSha256: Sha256,
  originalSize: z.number().int().nonnegative(),
  /** The one PDF of the document's pages; for a PDF original it is the original itself. */
  pdfSha256: Sha256,
  pdfSize: z.number().int().nonnegative(),
  pageCount: z.number().int().positive(),
  importedAt: z.iso.datetime({ offset: true }),
  importedByLogin: z.string(),
  importedByName: z.string(),
  /**
   * True while the document's files are still on their way from the central server (it was
   * attached at another desk): it is listed, but there is nothing to show or read yet.
   */
  downloading: z.boolean().optional(),
});
export type ItemDocument = z.infer<typeof ItemDocument>;

/** File names come from the clerk's disk or a scanner: the name alone is kept, never a path. */
const FileName = z.string().trim().max(255)
  .transform((name) => name.split(/[\\/]/u).at(-1) ?? '')
  .pipe(z.string().min(1, { error: 'validation.required' }));

/** PDF passwords are at most 127 bytes (PDF 2.0, section 7.6.4.3.3); this leaves room for UTF-8. */
export const MAX_PDF_PASSWORD_CHARS = 256;

/** Base64 of at most MAX_IMPORT_FILE_BYTES (4 characters per 3 bytes, rounded up). */
export const MAX_IMPORT_BASE64_CHARS = Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4;

export const ImportDocumentInput = z.object({
  itemId: z.uuid(),
  fileName: FileName,
  base64: z.base64().max(MAX_IMPORT_BASE64_CHARS, { error: 'documentImport.tooLarge' }),
  /**
   * For a PDF that needs a password to open: the one its sender gave. Used once to make a
   * readable copy and never stored; the encrypted original is kept as it came.
   */
  password: z.string().min(1).max(MAX_PDF_PASSWORD_CHARS).optional(),
});
export type ImportDocumentInput = z.input<typeof ImportDocumentInput>;

/**
 * An import either stores the document (`duplicate`: this very file was already attached to the
 * entry, and that earlier document is returned) or refuses it with a reason.
 */
export const ImportDocumentResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('imported'), document: ItemDocument, duplicate: z.boolean() }),
  // `detail` is a technical English note for the log and city IT; the clerk reads `reason`.
  z.object({ status: z.literal('refused'), reason: ImportRefusal, detail: z.string() }),
]);
export type ImportDocumentResult = z.infer<typeof ImportDocumentResult>;

/** Which stored file of a document to read back: its PDF, or the original bytes as they arrived. */
export const StoredFileKind = z.enum(['pdf', 'original']);
export type StoredFileKind = z.infer<typeof StoredFileKind>;

/** The entry is named too: a document is read back only through the entry it belongs to. */
export const DocumentFileRequest = z.object({
  itemId: z.uuid(),
  documentId: z.uuid(),
  which: StoredFileKind,
});
export type DocumentFileRequest = z.input<typeof DocumentFileRequest>;

/** A stored file on its way to the viewer or a download; base64 because both transports carry JSON. */
export const DocumentFile = z.object({
  fileName: z.string(),
  mediaType: ImportMediaType,
  base64: z.string(),
});
export type DocumentFile = z.infer<typeof DocumentFile>;

/**
 * Whether a document's PDF is the readable copy of a PDF that needs a password to open: then the
 * copy is what is shown, read for search and saved as `-kopia.pdf`, and the original is kept.
 */
export function isReadableCopy(document: Pick<ItemDocument, 'originalFormat' | 'originalSha256' | 'pdfSha256'>): boolean {
  return document.originalFormat === 'pdf' && document.pdfSha256 !== document.originalSha256;
}

/**
 * The name a document's PDF made from its original is saved under: the original's, with `.pdf` in
 * place of its extension, or `-kopia.pdf` for the readable copy of a password-protected PDF.
 */
export function pdfFileName(originalName: string, copyOfPdf = false): string {
  const dot = originalName.lastIndexOf('.');
  const stem = dot > 0 ? originalName.slice(0, dot) : originalName;
  return `${stem}${copyOfPdf ? '-kopia' : ''}.pdf`;
}
