import type { ImportFormat, ImportRefusal } from '../../../../shared/document-import.ts';
import type { ImportLimits } from '../import-limits.ts';
import type { BatchScanOptions } from './prepare-batch.ts';
import type { PartLabel } from './split-batch.ts';

/** One scanned batch for the batch worker to check, read for barcodes, split and cut into PDFs. */
export interface BatchJob {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly limits: ImportLimits;
  readonly options: BatchScanOptions;
}

export interface BatchPartOut {
  /** 0-based page indexes of the batch. */
  readonly pages: readonly number[];
  readonly label: PartLabel;
  readonly pdf: Uint8Array<ArrayBuffer>;
}

export type BatchOutcome =
  | { readonly ok: true; readonly format: ImportFormat; readonly pageCount: number; readonly separators: readonly number[]; readonly parts: readonly BatchPartOut[] }
  | { readonly ok: false; readonly reason: ImportRefusal; readonly detail: string };

export type BatchAnswer = BatchOutcome & { readonly id: number };

/** A step is done (the checks, a page read, a part cut): the host restarts the step clock. */
export interface BatchProgress {
  readonly id: number;
  readonly progress: true;
}

export type BatchWorkerMessage = BatchAnswer | BatchProgress | 'ready';
