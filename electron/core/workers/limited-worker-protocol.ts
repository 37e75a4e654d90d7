import type { ImportRefusal } from '../../../shared/document-import.ts';
import type { ImportLimits } from '../documents/import-limits.ts';

/**
 * What a limited worker (the import worker, the batch worker) and its host say to each other:
 * one job at a time, each under the import's limits; the worker posts 'ready' once its parsers
 * are loaded, then progress after each step and one answer per job.
 */

/** Every job carries its id (for the answer) and the limits its steps run under. */
export interface LimitedJob {
  readonly id: number;
  readonly limits: ImportLimits;
}

/** A file refused, by the worker's checks or by the host (a clock, the heap, a dead worker). */
export interface WorkerRefusal {
  readonly ok: false;
  readonly reason: ImportRefusal;
  readonly detail: string;
}

/** The answer to a job: the worker's result, or why there is none. */
export type LimitedOutcome<Success extends { readonly ok: true }> = Success | WorkerRefusal;

/** A step is done (the checks, a page read or converted, a part cut): the host restarts the step clock. */
export interface WorkerProgress {
  readonly id: number;
  readonly progress: true;
}

export type LimitedWorkerMessage<Outcome> = (Outcome & { readonly id: number }) | WorkerProgress | 'ready';
