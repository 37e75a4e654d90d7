import type { ImportFormat } from '../../../shared/document-import.ts';
import type { PageTextSource } from '../../../shared/document-text.ts';

/** One document for the text worker to read; pages in `skip` were read before a restart. */
export interface TextJobMessage {
  readonly id: number;
  readonly format: ImportFormat;
  readonly bytes: Uint8Array;
  readonly skip: readonly number[];
}

/** What the worker says about the job with the same id, ending with exactly one 'finished'. */
export type TextWorkerAnswer =
  | { readonly id: number; readonly type: 'page'; readonly page: number; readonly source: PageTextSource; readonly text: string }
  | { readonly id: number; readonly type: 'pageFailed'; readonly page: number; readonly reason: string }
  | { readonly id: number; readonly type: 'progress'; readonly page: number; readonly percent: number }
  | { readonly id: number; readonly type: 'finished'; readonly failure: string | null };

export type TextWorkerMessage = TextWorkerAnswer | 'ready';
