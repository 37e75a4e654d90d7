import { z } from 'zod';

/**
 * The words of attached documents (issue 6): each page's text comes from the PDF's own text layer
 * when it has one, else from Polish OCR done in the background; both feed full-text search. A
 * document waits in a queue (oldest first) that survives a restart.
 */

export const TextState = z.enum(['queued', 'running', 'done', 'failed']);
export type TextState = z.infer<typeof TextState>;

/** Where a page's words came from. */
export const PageTextSource = z.enum(['text_layer', 'ocr']);
export type PageTextSource = z.infer<typeof PageTextSource>;

/** The whole queue at a glance: "Rozpoznawanie tekstu: 3 z 12 stron". */
export const TextQueueProgress = z.object({
  /** Documents still waiting or being read, and their pages. */
  documentsWaiting: z.number().int().nonnegative(),
  pagesTotal: z.number().int().nonnegative(),
  pagesDone: z.number().int().nonnegative(),
  /** The document being read now, and how far its current page is (0–100). */
  currentDocumentId: z.uuid().nullable(),
  currentPagePercent: z.number().int().min(0).max(100).nullable(),
});
export type TextQueueProgress = z.infer<typeof TextQueueProgress>;

export const DocumentTextStatus = z.object({
  documentId: z.uuid(),
  state: TextState,
  /** Why reading failed, in English for the log; the clerk sees state 'failed'. */
  reason: z.string().nullable(),
  pagesDone: z.number().int().nonnegative(),
  pageCount: z.number().int().positive(),
});
export type DocumentTextStatus = z.infer<typeof DocumentTextStatus>;

export const DocumentTextStateQuery = z.object({ itemId: z.uuid().nullable().default(null) });
export const DocumentTextStateResult = z.object({ queue: TextQueueProgress, documents: z.array(DocumentTextStatus) });
export type DocumentTextStateResult = z.infer<typeof DocumentTextStateResult>;

export const DocumentSearchQuery = z.object({
  text: z.string().trim().min(1, { error: 'validation.required' }).max(200),
  limit: z.number().int().min(1).max(100).default(20),
});
export type DocumentSearchQuery = z.input<typeof DocumentSearchQuery>;

/** A snippet as runs of plain and matching text, so the UI highlights without rendering HTML. */
export const SnippetPart = z.object({ text: z.string(), match: z.boolean() });
export type SnippetPart = z.infer<typeof SnippetPart>;

export const DocumentSearchHit = z.object({
  itemId: z.uuid(),
  rpwNumber: z.string(),
  subject: z.string().nullable(),
  documentId: z.uuid(),
  documentName: z.string(),
  page: z.number().int().positive(),
  source: PageTextSource,
  snippet: z.array(SnippetPart),
});
export type DocumentSearchHit = z.infer<typeof DocumentSearchHit>;
