import type { ImportFormat } from '../../../../shared/document-import.ts';
import type { LimitedJob, LimitedOutcome, LimitedWorkerMessage, WorkerProgress } from '../../workers/limited-worker-protocol.ts';
import type { BatchScanOptions } from './prepare-batch.ts';
import type { PartLabel } from './split-batch.ts';

/** One scanned batch for the batch worker to check, read for barcodes, split and cut into PDFs. */
export interface BatchJob extends LimitedJob {
  readonly bytes: Uint8Array;
  readonly options: BatchScanOptions;
}

export interface BatchPartOut {
  /** 0-based page indexes of the batch. */
  readonly pages: readonly number[];
  readonly label: PartLabel;
  readonly pdf: Uint8Array<ArrayBuffer>;
}

export interface BatchSplitOut {
  readonly ok: true;
  readonly format: ImportFormat;
  readonly pageCount: number;
  readonly separators: readonly number[];
  readonly parts: readonly BatchPartOut[];
}

export type BatchOutcome = LimitedOutcome<BatchSplitOut>;

export type BatchAnswer = BatchOutcome & { readonly id: number };

/** A step is done (the checks, a page read, a part cut): the host restarts the step clock. */
export type BatchProgress = WorkerProgress;

export type BatchWorkerMessage = LimitedWorkerMessage<BatchOutcome>;
