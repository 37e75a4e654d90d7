import type { ImportFormat } from '../../../shared/document-import.ts';
import type { LimitedJob, LimitedOutcome, LimitedWorkerMessage, WorkerProgress } from '../workers/limited-worker-protocol.ts';

/** One file for the import worker to inspect and convert. */
export interface ImportJob extends LimitedJob {
  readonly bytes: Uint8Array;
  /** For a PDF that needs one; lives only as long as the job. */
  readonly password?: string;
}

export interface ImportChecked {
  readonly ok: true;
  readonly format: ImportFormat;
  readonly pageCount: number;
  readonly pdf: Uint8Array<ArrayBuffer> | null;
}

/** The worker's answer to the job with the same id. */
export type ImportOutcome = LimitedOutcome<ImportChecked>;

export type ImportAnswer = ImportOutcome & { readonly id: number };

/** A step of the job is done (the structure read, a page converted): the host restarts the step clock. */
export type ImportProgress = WorkerProgress;

/** Everything the worker posts: 'ready' once its parsers are loaded, then progress and one answer per job. */
export type ImportWorkerMessage = LimitedWorkerMessage<ImportOutcome>;
