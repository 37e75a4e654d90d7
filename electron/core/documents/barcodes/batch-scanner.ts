import type { ImportLimits } from '../import-limits.ts';
import { LimitedWorkerHost } from '../../workers/limited-worker-host.ts';
import type { BatchJob, BatchOutcome, BatchSplitOut } from './batch-worker-protocol.ts';
import type { BatchScanOptions } from './prepare-batch.ts';

/**
 * Runs scanned batches through the batch worker, one at a time (a two-core office PC draws one
 * page at a time well, two badly). The worker is kept between batches; one that runs out of time
 * or memory, or dies, is thrown away and the next batch gets a fresh one. The clocks are the
 * import's: each step (a page read, a part cut) within `stepTimeLimitMs`, the whole batch within
 * `totalTimeLimitMs`.
 */
export class BatchScanner {
  readonly #host: LimitedWorkerHost<BatchJob, BatchSplitOut>;

  constructor(workerUrl: URL, limits: ImportLimits) {
    this.#host = new LimitedWorkerHost(workerUrl, limits, { worker: 'batch worker', subject: 'The batch', reading: 'Reading the batch' });
  }

  get limits(): ImportLimits {
    return this.#host.limits;
  }

  scan(bytes: Uint8Array, options: BatchScanOptions = {}): Promise<BatchOutcome> {
    return this.#host.run({ bytes, options });
  }

  close(): Promise<void> {
    return this.#host.close();
  }
}
