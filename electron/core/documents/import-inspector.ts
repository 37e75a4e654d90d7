import type { ImportLimits } from './import-limits.ts';
import type { ImportChecked, ImportJob, ImportOutcome } from './import-worker-protocol.ts';
import { LimitedWorkerHost } from '../workers/limited-worker-host.ts';

/**
 * Runs imported files through the import worker, one file at a time: a batch of fifty dropped
 * scans must not start fifty decoders on a two-core office PC. The worker is started on the
 * first import and kept (loading the PDF parser costs about a second); a worker that ran out of
 * time or memory, or died, is thrown away and the next file gets a fresh one.
 */
export class ImportInspector {
  readonly #host: LimitedWorkerHost<ImportJob, ImportChecked>;

  constructor(workerUrl: URL, limits: ImportLimits) {
    this.#host = new LimitedWorkerHost(workerUrl, limits, { worker: 'import worker', subject: 'The file', reading: 'Inspection' });
  }

  get limits(): ImportLimits {
    return this.#host.limits;
  }

  inspect(bytes: Uint8Array, password?: string): Promise<ImportOutcome> {
    return this.#host.run(password === undefined ? { bytes } : { bytes, password });
  }

  /** Stops at once: an app shutting down does not wait for a scan being converted. */
  close(): Promise<void> {
    return this.#host.close();
  }
}
