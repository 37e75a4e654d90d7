import { z } from 'zod';
import { ImportFormat, ImportRefusal, MAX_IMPORT_BASE64_CHARS } from './document-import.ts';

/**
 * Batches of scanned letters (issue 6, "Scanning and documents", point 5): one scan of many
 * letters, each with the RPW label stuck on its first page. The batch is split at the labels (and
 * at separator sheets); each letter goes to its register entry; pages that cannot be placed wait
 * in the "do rozdzielenia" tray until a clerk assigns them by hand. Pages are never discarded.
 */

/** Where a batch came from: the clerk's file picker, a watched folder, or the scanner directly. */
export const BatchSource = z.enum(['picker', 'hotFolder', 'scanner']);
export type BatchSource = z.infer<typeof BatchSource>;

/** Why pages wait in the tray, as the i18n key the clerk reads. */
export const TrayReason = z.enum([
  /** Pages before the first label (or after a separator sheet with no label following). */
  'tray.reason.noLabel',
  /** A label whose RPW number is in no register entry here. */
  'tray.reason.unknownEntry',
  /** A label of an entry that was cancelled: no document may be added to it. */
  'tray.reason.cancelledEntry',
  /** Something like an RPW label that does not read as one number (damaged, or two numbers on one page). */
  'tray.reason.unreadableLabel',
]);
export type TrayReason = z.infer<typeof TrayReason>;

const FileName = z.string().trim().max(255)
  .transform((name) => name.split(/[\\/]/u).at(-1) ?? '')
  .pipe(z.string().min(1, { error: 'validation.required' }));

export const ImportBatchInput = z.object({
  fileName: FileName,
  base64: z.base64().max(MAX_IMPORT_BASE64_CHARS, { error: 'documentImport.tooLarge' }),
  source: BatchSource.default('picker'),
});
export type ImportBatchInput = z.input<typeof ImportBatchInput>;

export const AttachedPart = z.object({
  itemId: z.uuid(),
  rpwNumber: z.string(),
  documentId: z.uuid(),
  pageCount: z.number().int().positive(),
  /** 1-based page numbers in the batch as scanned. */
  pages: z.array(z.number().int().positive()),
});
export type AttachedPart = z.infer<typeof AttachedPart>;

export const BatchSummary = z.object({
  batchId: z.uuid(),
  fileName: z.string(),
  pageCount: z.number().int().nonnegative(),
  attached: z.array(AttachedPart),
  /** Parts put into the tray, and how many pages they hold. */
  trayParts: z.number().int().nonnegative(),
  trayPages: z.number().int().nonnegative(),
  separatorsDropped: z.number().int().nonnegative(),
  /** This very file was imported as a batch before; the summary is that import's. */
  duplicate: z.boolean(),
});
export type BatchSummary = z.infer<typeof BatchSummary>;

export const ImportBatchResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('imported'), summary: BatchSummary }),
  z.object({ status: z.literal('refused'), reason: ImportRefusal, detail: z.string() }),
]);
export type ImportBatchResult = z.infer<typeof ImportBatchResult>;

/** One part of a batch waiting in the tray. */
export const TrayPart = z.object({
  id: z.uuid(),
  batchId: z.uuid(),
  sourceName: z.string(),
  source: BatchSource,
  originalFormat: ImportFormat,
  pageCount: z.number().int().positive(),
  pages: z.array(z.number().int().positive()),
  reason: TrayReason,
  /** What the label read, when there was one (an unknown or cancelled RPW number, a damaged code). */
  label: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type TrayPart = z.infer<typeof TrayPart>;

/** An RPW number as a clerk types it; checked for shape here, for existence by the workstation. */
export const TypedRpwNumber = z.string().trim().toUpperCase()
  .regex(/^RPW\/[A-Z0-9][A-Z0-9-]*\/[1-9]\d{0,8}\/\d{4}$/u, { error: 'tray.errors.rpwFormat' });

export const TrayAssignInput = z.object({
  trayId: z.uuid(),
  itemId: z.uuid().nullable().default(null),
  rpwNumber: TypedRpwNumber.nullable().default(null),
}).refine((input) => (input.itemId === null) !== (input.rpwNumber === null), { path: ['rpwNumber'], error: 'validation.required' });
export type TrayAssignInput = z.input<typeof TrayAssignInput>;

export const TrayFileRequest = z.object({ trayId: z.uuid() });
export type TrayFileRequest = z.input<typeof TrayFileRequest>;

export const TrayAssignResult = z.object({
  itemId: z.uuid(),
  rpwNumber: z.string(),
  documentId: z.uuid(),
});
export type TrayAssignResult = z.infer<typeof TrayAssignResult>;
