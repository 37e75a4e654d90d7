import { Worker } from 'node:worker_threads';
import type { ImportLimits } from './import-limits.ts';
import type { ImportJob, ImportOutcome, ImportWorkerMessage } from './import-worker-protocol.ts';

/** Loading the parsers takes a second or two on a busy PC; a worker not up after this is broken. */
const WORKER_START_LIMIT_MS = 30_000;

const CLOSING: ImportOutcome = { ok: false, reason: 'documentImport.tooComplex', detail: 'The workstation is closing' };

/**
 * Runs imported files through the import worker, one file at a time: a batch of fifty dropped
 * scans must not start fifty decoders on a two-core office PC. The worker is started on the
 * first import and kept (loading the PDF parser costs about a second); a worker that ran out of
 * time or memory, or died, is thrown away and the next file gets a fresh one.
 */
export class ImportInspector {
  readonly #workerUrl: URL;
  readonly #limits: ImportLimits;
  #queue: Promise<unknown> = Promise.resolve();
  #worker: { worker: Worker; ready: Promise<void> } | null = null;
  #nextId = 1;
  #closed = false;
  /** The job in flight: its id and how to settle it (at most one, see the queue). */
  #current: { id: number; worker: Worker; settle: (outcome: ImportOutcome) => void; stepDone: () => void } | null = null;

  constructor(workerUrl: URL, limits: ImportLimits) {
    this.#workerUrl = workerUrl;
    this.#limits = limits;
  }

  get limits(): ImportLimits {
    return this.#limits;
  }

  inspect(bytes: Uint8Array): Promise<ImportOutcome> {
    const run = this.#queue.then(() => this.#runOne(bytes));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Stops at once: an app shutting down does not wait for a scan being converted. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#current?.settle(CLOSING);
    const running = this.#worker;
    this.#worker = null;
    if (running) await running.worker.terminate();
  }

  #runOne(bytes: Uint8Array): Promise<ImportOutcome> {
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
      const settle = (outcome: ImportOutcome): void => {
        if (this.#current?.id !== id) return;
        this.#current = null;
        clearTimeout(step);
        clearTimeout(total);
        resolve(outcome);
      };
      this.#current = { id, worker, settle, stepDone: () => restartStep(limits.stepTimeLimitMs, `A step took longer than ${limits.stepTimeLimitMs} ms`) };
      // A new worker's start-up has its own clock: the file's limits measure the file alone.
      restartStep(WORKER_START_LIMIT_MS, `The import worker did not start within ${WORKER_START_LIMIT_MS} ms`);
      void ready.then(() => {
        if (this.#current?.id !== id) return;
        this.#current.stepDone();
        total = setTimeout(stop(`The file took longer than ${limits.totalTimeLimitMs} ms`), limits.totalTimeLimitMs);
        worker.postMessage({ id, bytes, limits } satisfies ImportJob);
      });
    });
  }

  #ensureWorker(): { worker: Worker; ready: Promise<void> } {
    if (this.#worker) return this.#worker;
    const limits = this.#limits;
    const worker = new Worker(this.#workerUrl, {
      resourceLimits: { maxOldGenerationSizeMb: limits.heapLimitMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    });
    // An idle import worker must not keep the app (or a test run) from exiting.
    worker.unref();
    let loaded: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => { loaded = resolve; });
    worker.on('message', (answer: ImportWorkerMessage) => {
      if (answer === 'ready') loaded();
      else if (this.#current?.id !== answer.id) return;
      else if ('progress' in answer) this.#current.stepDone();
      else this.#current.settle(answer);
    });
    // Only the job running on this very worker may be settled by its failure.
    const current = (): { settle: (outcome: ImportOutcome) => void } | null => (this.#current?.worker === worker ? this.#current : null);
    worker.on('error', (error: Error & { code?: string }) => {
      this.#discard(worker);
      current()?.settle(error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? { ok: false, reason: 'documentImport.tooComplex', detail: `Inspection needed more than ${limits.heapLimitMb} MB` }
        : { ok: false, reason: 'documentImport.corrupt', detail: `Import worker failed: ${error.message}` });
    });
    worker.on('exit', (code) => {
      if (this.#worker?.worker === worker) this.#worker = null;
      current()?.settle({ ok: false, reason: 'documentImport.corrupt', detail: `Import worker stopped without an answer (${code})` });
    });
    this.#worker = { worker, ready };
    return this.#worker;
  }

  /** Stops a worker that misbehaved; the next file starts a fresh one. */
  #discard(worker: Worker): void {
    if (this.#worker?.worker === worker) this.#worker = null;
    void worker.terminate();
  }
}
