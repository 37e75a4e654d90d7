import { Worker } from 'node:worker_threads';
import type { ImportLimits } from '../documents/import-limits.ts';
import type { LimitedJob, LimitedOutcome, LimitedWorkerMessage, WorkerRefusal } from './limited-worker-protocol.ts';

/** Loading pdf.js, Skia and ZXing takes a few seconds on a busy PC; a worker not up after this is broken. */
const WORKER_START_LIMIT_MS = 30_000;

/** How a host's refusals name its worker and its work, for the log and city IT ("The batch took longer…"). */
export interface WorkerWording {
  /** e.g. 'import worker'. */
  readonly worker: string;
  /** e.g. 'The file'. */
  readonly subject: string;
  /** e.g. 'Inspection'. */
  readonly reading: string;
}

/**
 * Runs untrusted files through a worker thread with a capped heap, one job at a time (a two-core
 * office PC converts or draws one file well, two badly). The worker is started on the first job
 * and kept (loading its parsers costs seconds); one that runs out of time or memory, or dies, is
 * thrown away and the next job gets a fresh one. The clocks are the import's: each step within
 * `stepTimeLimitMs`, the whole job within `totalTimeLimitMs`; a new worker's start-up has a clock
 * of its own, so the file's limits measure the file alone.
 */
export class LimitedWorkerHost<Job extends LimitedJob, Success extends { readonly ok: true }> {
  readonly #workerUrl: URL;
  readonly #limits: ImportLimits;
  readonly #wording: WorkerWording;
  #queue: Promise<unknown> = Promise.resolve();
  #worker: { worker: Worker; ready: Promise<void> } | null = null;
  #nextId = 1;
  #closed = false;
  /** The job in flight: its id and how to settle it (at most one, see the queue). */
  #current: { id: number; worker: Worker; settle: (outcome: LimitedOutcome<Success>) => void; stepDone: () => void } | null = null;

  constructor(workerUrl: URL, limits: ImportLimits, wording: WorkerWording) {
    this.#workerUrl = workerUrl;
    this.#limits = limits;
    this.#wording = wording;
  }

  get limits(): ImportLimits {
    return this.#limits;
  }

  /** Queues the job; `id` and `limits` are the host's to fill in. */
  run(job: Omit<Job, 'id' | 'limits'>): Promise<LimitedOutcome<Success>> {
    const run = this.#queue.then(() => this.#runOne(job));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Stops at once: an app shutting down does not wait for a file being read. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#current?.settle(this.#closing());
    const running = this.#worker;
    this.#worker = null;
    if (running) await running.worker.terminate();
  }

  #closing(): WorkerRefusal {
    return { ok: false, reason: 'documentImport.tooComplex', detail: 'The workstation is closing' };
  }

  #runOne(job: Omit<Job, 'id' | 'limits'>): Promise<LimitedOutcome<Success>> {
    if (this.#closed) return Promise.resolve(this.#closing());
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
      const settle = (outcome: LimitedOutcome<Success>): void => {
        if (this.#current?.id !== id) return;
        this.#current = null;
        clearTimeout(step);
        clearTimeout(total);
        resolve(outcome);
      };
      this.#current = { id, worker, settle, stepDone: () => restartStep(limits.stepTimeLimitMs, `A step took longer than ${limits.stepTimeLimitMs} ms`) };
      restartStep(WORKER_START_LIMIT_MS, `The ${this.#wording.worker} did not start within ${WORKER_START_LIMIT_MS} ms`);
      void ready.then(() => {
        if (this.#current?.id !== id) return;
        this.#current.stepDone();
        total = setTimeout(stop(`${this.#wording.subject} took longer than ${limits.totalTimeLimitMs} ms`), limits.totalTimeLimitMs);
        worker.postMessage({ ...job, id, limits });
      });
    });
  }

  #ensureWorker(): { worker: Worker; ready: Promise<void> } {
    if (this.#worker) return this.#worker;
    const limits = this.#limits;
    const named = this.#wording.worker.charAt(0).toUpperCase() + this.#wording.worker.slice(1);
    const worker = new Worker(this.#workerUrl, {
      resourceLimits: { maxOldGenerationSizeMb: limits.heapLimitMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    });
    // An idle worker must not keep the app (or a test run) from exiting.
    worker.unref();
    let loaded: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => { loaded = resolve; });
    worker.on('message', (answer: LimitedWorkerMessage<LimitedOutcome<Success>>) => {
      if (answer === 'ready') loaded();
      else if (this.#current?.id !== answer.id) return;
      else if ('progress' in answer) this.#current.stepDone();
      else this.#current.settle(answer);
    });
    // Only the job running on this very worker may be settled by its failure.
    const current = (): { settle: (outcome: LimitedOutcome<Success>) => void } | null => (this.#current?.worker === worker ? this.#current : null);
    worker.on('error', (error: Error & { code?: string }) => {
      this.#discard(worker);
      current()?.settle(error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? { ok: false, reason: 'documentImport.tooComplex', detail: `${this.#wording.reading} needed more than ${limits.heapLimitMb} MB` }
        : { ok: false, reason: 'documentImport.corrupt', detail: `${named} failed: ${error.message}` });
    });
    worker.on('exit', (code) => {
      if (this.#worker?.worker === worker) this.#worker = null;
      current()?.settle({ ok: false, reason: 'documentImport.corrupt', detail: `${named} stopped without an answer (${code})` });
    });
    this.#worker = { worker, ready };
    return this.#worker;
  }

  /** Stops a worker that misbehaved; the next job starts a fresh one. */
  #discard(worker: Worker): void {
    if (this.#worker?.worker === worker) this.#worker = null;
    void worker.terminate();
  }
}
