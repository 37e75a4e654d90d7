import { Worker } from 'node:worker_threads';
import type { ImportLimits } from '../import-limits.ts';
import type { BatchJob, BatchOutcome, BatchWorkerMessage } from './batch-worker-protocol.ts';
import type { BatchScanOptions } from './prepare-batch.ts';

/** Loading pdf.js, Skia and ZXing takes a few seconds on a busy PC; a worker not up after this is broken. */
const WORKER_START_LIMIT_MS = 30_000;

const CLOSING: BatchOutcome = { ok: false, reason: 'documentImport.tooComplex', detail: 'The workstation is closing' };

/**
 * Runs scanned batches through the batch worker, one at a time (a two-core office PC draws one
 * page at a time well, two badly). The worker is kept between batches; one that runs out of time
 * or memory, or dies, is thrown away and the next batch gets a fresh one. The clocks are the
 * import's: each step (a page read, a part cut) within `stepTimeLimitMs`, the whole batch within
 * `totalTimeLimitMs`.
 */
export class BatchScanner {
  readonly #workerUrl: URL;
  readonly #limits: ImportLimits;
  #queue: Promise<unknown> = Promise.resolve();
  #worker: { worker: Worker; ready: Promise<void> } | null = null;
  #nextId = 1;
  #closed = false;
  #current: { id: number; worker: Worker; settle: (outcome: BatchOutcome) => void; stepDone: () => void } | null = null;

  constructor(workerUrl: URL, limits: ImportLimits) {
    this.#workerUrl = workerUrl;
    this.#limits = limits;
  }

  get limits(): ImportLimits {
    return this.#limits;
  }

  scan(bytes: Uint8Array, options: BatchScanOptions = {}): Promise<BatchOutcome> {
    const run = this.#queue.then(() => this.#runOne(bytes, options));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#current?.settle(CLOSING);
    const running = this.#worker;
    this.#worker = null;
    if (running) await running.worker.terminate();
  }

  #runOne(bytes: Uint8Array, options: BatchScanOptions): Promise<BatchOutcome> {
    if (this.#closed) return Promise.resolve(CLOSING);
    const limits = this.#limits;
    const { worker, ready } = this.#ensureWorker();
    const id = this.#nextId++;
    return new Promise((resolve) => {
      let step: NodeJS.Timeout | undefined;
      let total: NodeJS.Timeout | undefined;
      const stop = (detail: string): (() => void) => () => {
        this.#discard(worker);
        settle({ ok: false, reason: 'documentImport.tooComplex', detail });
      };
      const restartStep = (ms: number, detail: string): void => {
        clearTimeout(step);
        step = setTimeout(stop(detail), ms);
      };
      const settle = (outcome: BatchOutcome): void => {
        if (this.#current?.id !== id) return;
        this.#current = null;
        clearTimeout(step);
        clearTimeout(total);
        resolve(outcome);
      };
      this.#current = { id, worker, settle, stepDone: () => restartStep(limits.stepTimeLimitMs, `A step took longer than ${limits.stepTimeLimitMs} ms`) };
      restartStep(WORKER_START_LIMIT_MS, `The batch worker did not start within ${WORKER_START_LIMIT_MS} ms`);
      void ready.then(() => {
        if (this.#current?.id !== id) return;
        this.#current.stepDone();
        total = setTimeout(stop(`The batch took longer than ${limits.totalTimeLimitMs} ms`), limits.totalTimeLimitMs);
        worker.postMessage({ id, bytes, limits, options } satisfies BatchJob);
      });
    });
  }

  #ensureWorker(): { worker: Worker; ready: Promise<void> } {
    if (this.#worker) return this.#worker;
    const limits = this.#limits;
    const worker = new Worker(this.#workerUrl, {
      resourceLimits: { maxOldGenerationSizeMb: limits.heapLimitMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    });
    worker.unref();
    let loaded: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => { loaded = resolve; });
    worker.on('message', (answer: BatchWorkerMessage) => {
      if (answer === 'ready') loaded();
      else if (this.#current?.id !== answer.id) return;
      else if ('progress' in answer) this.#current.stepDone();
      else this.#current.settle(answer);
    });
    const current = (): { settle: (outcome: BatchOutcome) => void } | null => (this.#current?.worker === worker ? this.#current : null);
    worker.on('error', (error: Error & { code?: string }) => {
      this.#discard(worker);
      current()?.settle(error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? { ok: false, reason: 'documentImport.tooComplex', detail: `Reading the batch needed more than ${limits.heapLimitMb} MB` }
        : { ok: false, reason: 'documentImport.corrupt', detail: `Batch worker failed: ${error.message}` });
    });
    worker.on('exit', (code) => {
      if (this.#worker?.worker === worker) this.#worker = null;
      current()?.settle({ ok: false, reason: 'documentImport.corrupt', detail: `Batch worker stopped without an answer (${code})` });
    });
    this.#worker = { worker, ready };
    return this.#worker;
  }

  #discard(worker: Worker): void {
    if (this.#worker?.worker === worker) this.#worker = null;
    void worker.terminate();
  }
}
