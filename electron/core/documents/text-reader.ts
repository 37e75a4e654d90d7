import { Worker } from 'node:worker_threads';
import type { ImportFormat } from '../../../shared/document-import.ts';
import type { PageTextSource } from '../../../shared/document-text.ts';
import type { TextWorkerMessage } from './text-worker-protocol.ts';

/**
 * No sign of life from the worker for this long (loading the Polish model, or one page) means
 * it is stuck: it is stopped and the document fails, the queue goes on with a fresh worker.
 */
export const TEXT_STEP_LIMIT_MS = 5 * 60_000;
/** A worker that uses more than this much JavaScript heap is stopped (decoded pages live there). */
const TEXT_WORKER_HEAP_MB = 1024;

export interface TextReadCallbacks {
  readonly page: (page: number, source: PageTextSource, text: string) => void;
  readonly progress: (page: number, percent: number) => void;
}

/**
 * Hands documents to the text worker (started on the first one and kept: loading the Polish
 * model takes a second) and resolves with null when all pages were read, or the reason some
 * were not. Pages are reported as they are read, so a restart loses at most the page in hand.
 */
interface CurrentJob {
  readonly id: number;
  readonly worker: Worker;
  readonly on: TextReadCallbacks;
  readonly settle: (failure: string | null) => void;
  /** Restarts the no-progress clock. */
  readonly alive: () => void;
}

export class TextReader {
  readonly #workerUrl: URL;
  #worker: { worker: Worker; ready: Promise<void> } | null = null;
  #current: CurrentJob | null = null;
  #nextId = 1;
  #closed = false;

  constructor(workerUrl: URL) {
    this.#workerUrl = workerUrl;
  }

  /** One document at a time: the caller (the text queue) waits for each before the next. */
  read(format: ImportFormat, bytes: Uint8Array, skip: readonly number[], on: TextReadCallbacks): Promise<string | null> {
    if (this.#closed) return Promise.resolve('The workstation is closing');
    if (this.#current) return Promise.reject(new Error('TextReader reads one document at a time'));
    const { worker, ready } = this.#ensureWorker();
    const id = this.#nextId++;
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const settle = (failure: string | null): void => {
        if (this.#current?.id !== id) return;
        this.#current = null;
        clearTimeout(timer);
        resolve(failure);
      };
      const alive = (): void => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          this.#discard(worker);
          settle(`No progress for ${TEXT_STEP_LIMIT_MS / 1000} s`);
        }, TEXT_STEP_LIMIT_MS);
      };
      this.#current = { id, worker, on, settle, alive };
      alive();
      void ready.then(() => {
        if (this.#current?.id === id) worker.postMessage({ id, format, bytes, skip });
      });
    });
  }

  /** Stops at once: a page half read is read again after the next start. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#current?.settle('The workstation is closing');
    const running = this.#worker;
    this.#worker = null;
    if (running) await running.worker.terminate();
  }

  #ensureWorker(): { worker: Worker; ready: Promise<void> } {
    if (this.#worker) return this.#worker;
    const worker = new Worker(this.#workerUrl, { resourceLimits: { maxOldGenerationSizeMb: TEXT_WORKER_HEAP_MB } });
    worker.unref();
    let loaded: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => { loaded = resolve; });
    const current = (): CurrentJob | null => (this.#current?.worker === worker ? this.#current : null);
    worker.on('message', (message: TextWorkerMessage) => {
      if (message === 'ready') {
        loaded();
        return;
      }
      const job = current();
      if (job?.id !== message.id) return;
      job.alive();
      switch (message.type) {
        case 'page': job.on.page(message.page, message.source, message.text); return;
        case 'progress': job.on.progress(message.page, message.percent); return;
        case 'pageFailed': return;
        case 'finished': job.settle(message.failure); return;
      }
    });
    worker.on('error', (error: Error) => {
      this.#discard(worker);
      current()?.settle(`Text worker failed: ${error.message}`);
    });
    worker.on('exit', (code) => {
      if (this.#worker?.worker === worker) this.#worker = null;
      current()?.settle(`Text worker stopped (${code})`);
    });
    this.#worker = { worker, ready };
    return this.#worker;
  }

  #discard(worker: Worker): void {
    if (this.#worker?.worker === worker) this.#worker = null;
    void worker.terminate();
  }
}
