import { isReadableCopy } from '../../../shared/document-import.ts';
import type { DocumentSearchHit, DocumentTextStateResult, TextQueueProgress } from '../../../shared/document-text.ts';
import type { DbClient } from '../db/db-client.ts';
import type { TextJob } from '../db/repositories/document-text.ts';
import { sha256Of, type ContentStore } from '../documents/content-store.ts';
import type { TextReader } from '../documents/text-reader.ts';
import type { EventBus } from '../events.ts';

/** OCR reports progress many times a second; the UI hears of it in steps of this many percent. */
const PERCENT_STEP = 10;
/**
 * Reading starts this long after the last document was queued: a clerk dropping a batch of scans
 * gets every import done first (they wait for those), and the background work comes after.
 */
export const TEXT_QUEUE_SETTLE_MS = 1500;

/**
 * The text queue: every imported document waits in SQLite (migration 0013) and is read here in
 * the background, oldest first, one at a time, so a morning's batch of scans never takes more
 * than the one core the text worker uses. Each page's words are stored as soon as they are read;
 * a restart takes the queue up where it stopped. A document that cannot be read (a damaged file,
 * a page the decoder refuses) is marked failed with the reason, and the queue goes on.
 */
export class DocumentTextService {
  readonly #db: DbClient;
  readonly #store: ContentStore;
  readonly #reader: TextReader;
  readonly #events: EventBus;
  readonly #logError: (message: string, error: unknown) => void;
  #running: Promise<void> | null = null;
  #settle: NodeJS.Timeout | undefined;
  #again = false;
  #closed = false;
  #current: { documentId: string; percent: number } | null = null;
  /**
   * Pages of documents finished since the queue was last empty: the clerk reads "7 of 12 pages"
   * for the batch they dropped, not a count that shrinks as documents leave the queue.
   */
  #batchFinishedPages = 0;

  constructor(deps: { db: DbClient; store: ContentStore; reader: TextReader; events: EventBus; logError: (message: string, error: unknown) => void }) {
    this.#db = deps.db;
    this.#store = deps.store;
    this.#reader = deps.reader;
    this.#events = deps.events;
    this.#logError = deps.logError;
  }

  /** At start: documents cut short by the last shutdown go back to the queue, then it runs. */
  async start(): Promise<void> {
    await this.#db.call('documentText.resume');
    this.kick();
  }

  /** Something was queued: run the queue soon, unless it is running (then it looks again when done). */
  kick(): void {
    if (this.#closed) return;
    clearTimeout(this.#settle);
    this.#settle = setTimeout(() => this.#run(), TEXT_QUEUE_SETTLE_MS);
    this.#settle.unref();
  }

  #run(): void {
    if (this.#closed) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#drain()
      .catch((error: unknown) => this.#logError('Text queue stopped', error))
      .finally(() => {
        this.#running = null;
        if (this.#again) {
          this.#again = false;
          this.#run();
        }
      });
  }

  async progress(): Promise<TextQueueProgress> {
    const counts = await this.#db.call('documentText.progress');
    const finished = counts.documentsWaiting === 0 ? 0 : this.#batchFinishedPages;
    return { ...counts, pagesTotal: counts.pagesTotal + finished, pagesDone: counts.pagesDone + finished, currentDocumentId: this.#current?.documentId ?? null, currentPagePercent: this.#current?.percent ?? null };
  }

  async state(itemId: string | null): Promise<DocumentTextStateResult> {
    return { queue: await this.progress(), documents: await this.#db.call('documentText.status', itemId) };
  }

  search(text: string, limit: number): Promise<DocumentSearchHit[]> {
    return this.#db.call('documentText.search', { text, limit });
  }

  /** Stops reading at once; the document in hand stays 'running' and is resumed next start. */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#settle);
    await this.#reader.close();
    await this.#running;
  }

  async #drain(): Promise<void> {
    let read = 0;
    for (;;) {
      if (this.#closed) return;
      const job = await this.#db.call('documentText.take', new Date().toISOString());
      if (job === null) break;
      await this.#read(job);
      read += 1;
    }
    this.#current = null;
    this.#batchFinishedPages = 0;
    // "The queue is empty" is news only when it was not: a look that found nothing says nothing.
    if (read > 0) await this.#announce();
  }

  async #read(job: TextJob): Promise<void> {
    this.#current = { documentId: job.documentId, percent: 0 };
    await this.#announce();
    // The original is read (a TIFF's own pixels, a PDF's own text), except a PDF that needs a
    // password: only its readable copy can be opened.
    const [sha256, format] = isReadableCopy(job) ? [job.pdfSha256, 'pdf' as const] : [job.originalSha256, job.originalFormat];
    const bytes = await this.#store.read(sha256).catch(() => null);
    if (bytes === null || sha256Of(bytes) !== sha256) {
      await this.#finish(job, `Stored file ${sha256} is missing or damaged`);
      return;
    }
    // Pages are saved in the order they come; the document ends only after its last page is in.
    let saved: Promise<unknown> = Promise.resolve();
    const failure = await this.#reader.read(format, bytes, job.pagesDone, {
      page: (page, source, text) => {
        saved = saved.then(() => this.#db.call('documentText.savePage', job.documentId, page, source, text)).then(() => {
          if (this.#current) this.#current.percent = 0;
          return this.#announce();
        });
      },
      progress: (_page, percent) => {
        if (!this.#current || Math.abs(percent - this.#current.percent) < PERCENT_STEP) return;
        this.#current.percent = percent;
        void this.#announce();
      },
    });
    await saved;
    // Closing cut the document short: it is read again (from the next page) after the restart.
    if (this.#closed) return;
    await this.#finish(job, failure);
  }

  async #finish(job: TextJob, failure: string | null): Promise<void> {
    if (failure !== null) this.#logError(`Document ${job.documentId} could not be read in full`, new Error(failure));
    await this.#db.call('documentText.finish', job.documentId, new Date().toISOString(), failure);
    this.#batchFinishedPages += job.pageCount;
    this.#current = null;
    await this.#announce();
  }

  async #announce(): Promise<void> {
    if (this.#closed) return;
    try {
      this.#events.emit('ocr.progress', await this.progress());
    } catch (error) {
      // Progress is for show: a missed update never stops the queue (and at shutdown is expected).
      if (!this.#stopped()) this.#logError('Text queue progress', error);
    }
  }

  /** Read through a call, as close() may have run while this method awaited. */
  #stopped(): boolean {
    return this.#closed;
  }
}
