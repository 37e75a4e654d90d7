import type { ImportFormat, ImportRefusal } from '../../../shared/document-import.ts';
import type { ImportLimits } from './import-limits.ts';

/** One file for the import worker to inspect and convert. */
export interface ImportJob {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly limits: ImportLimits;
}

/** The worker's answer to the job with the same id. */
export type ImportOutcome =
  | { readonly ok: true; readonly format: ImportFormat; readonly pageCount: number; readonly pdf: Uint8Array<ArrayBuffer> | null }
  | { readonly ok: false; readonly reason: ImportRefusal; readonly detail: string };

export type ImportAnswer = ImportOutcome & { readonly id: number };

/** A step of the job is done (the structure read, a page converted): the host restarts the step clock. */
export interface ImportProgress {
  readonly id: number;
  readonly progress: true;
}

/** Everything the worker posts: 'ready' once its parsers are loaded, then progress and one answer per job. */
export type ImportWorkerMessage = ImportAnswer | ImportProgress | 'ready';
