import type { DbClient } from '../db/db-client.ts';
import type { BlobDirection } from '../db/repositories/blob-transfers.ts';
import { sha256Of, type ContentStore } from '../documents/content-store.ts';
import { backoffDelay } from './backoff.ts';
import { ServerHttpError, ServerUnreachableError, type ServerClient } from './server-client.ts';

/** Files read from the queue at a time; a pass takes batches until nothing more is due. */
const BATCH = 50;

/** What downloaded files completed: register entries whose documents are all here, cases whose reply's czystopis is. */
export interface BlobArrivals {
  readonly itemIds: readonly string[];
  readonly caseIds: readonly string[];
}

/**
 * Moves the files queued in `blob_transfers` (migration 0021) between the content store and the
 * central server, for the sync engine: uploads before it pushes, downloads after it pulls.
 * - An unreachable server stops the pass (the engine backs off the whole cycle, as for a push).
 * - An upload the server answers with an error also fails the cycle (the commands pushed next
 *   need the file), except one it will never take (413, 422): dropped, its command is refused.
 * - A download the server refuses or does not have (yet) stays queued with its own back-off, so
 *   one missing file never holds up the rest of sync.
 * - A download is checked against its hash before it enters the store, and the store writes it
 *   whole or not at all: there is never a half-written or wrong file under a hash.
 */
export class BlobMover {
  readonly #db: DbClient;
  readonly #store: ContentStore;
  readonly #now: () => Date;
  readonly #random: () => number;
  readonly #arrived: (arrivals: BlobArrivals) => void;

  constructor(deps: { db: DbClient; store: ContentStore; now: () => Date; random: () => number; arrived: (arrivals: BlobArrivals) => void }) {
    this.#db = deps.db;
    this.#store = deps.store;
    this.#now = deps.now;
    this.#random = deps.random;
    this.#arrived = deps.arrived;
  }

  /**
   * Sends every waiting upload; returns how many left the queue (sent, or dropped as never to be
   * taken). Throws when the server is unreachable or answers with an error worth retrying.
   */
  async upload(client: ServerClient): Promise<number> {
    let handled = 0;
    for (let due = await this.#due('upload'); due.length > 0; due = await this.#due('upload')) {
      for (const sha256 of due) {
        const bytes = await this.#store.read(sha256).catch(() => null);
        if (bytes === null || sha256Of(bytes) !== sha256) {
          // Nothing to send: the server will refuse the command naming it (blob_missing), which the
          // clerk sees as a sync issue; trying again would not bring the file back.
          await this.#db.call('blobs.finish', sha256, 'upload');
        } else {
          await this.#attempt(sha256, 'upload', () => client.putBlob(sha256, bytes));
        }
        handled += 1;
      }
    }
    return handled;
  }

  /** Fetches every due download into the store; tells `arrived` which entries and cases' replies are now complete. */
  async download(client: ServerClient): Promise<number> {
    let fetched = 0;
    const complete = new Set<string>();
    const cases = new Set<string>();
    try {
      // Each pass takes what is due; a file that failed now is due again only after its back-off.
      for (let due = await this.#due('download'); due.length > 0; due = await this.#due('download')) {
        for (const sha256 of due) {
          if (!(await this.#attempt(sha256, 'download', async () => {
            if (await this.#fetchInto(client, sha256)) fetched += 1;
          }))) continue;
          const done = await this.#db.call('blobs.finishDownload', sha256, this.#now().toISOString());
          for (const id of done.itemIds) complete.add(id);
          for (const id of done.caseIds) cases.add(id);
        }
      }
    } finally {
      if (complete.size > 0 || cases.size > 0) this.#arrived({ itemIds: [...complete], caseIds: [...cases] });
    }
    return fetched;
  }

  /** Puts the server's copy into the store, checked; false when the store already held it. */
  async #fetchInto(client: ServerClient, sha256: string): Promise<boolean> {
    if (await this.#storeHolds(sha256)) return false;
    const bytes = await client.getBlob(sha256);
    const actual = sha256Of(bytes);
    if (actual !== sha256) throw new Error(`The server sent bytes hashing to ${actual}`);
    await this.#store.put(bytes);
    return true;
  }

  /** When the earliest file that failed is to be tried again (the engine schedules a cycle then). */
  nextRetryAt(): Promise<string | null> {
    return this.#db.call('blobs.nextRetryAt');
  }

  #due(direction: BlobDirection): Promise<string[]> {
    return this.#db.call('blobs.due', direction, this.#now().toISOString(), BATCH);
  }

  async #storeHolds(sha256: string): Promise<boolean> {
    if (!(await this.#store.has(sha256))) return false;
    const bytes = await this.#store.read(sha256).catch(() => null);
    return bytes !== null && sha256Of(bytes) === sha256;
  }

  /**
   * Runs one transfer. True when it succeeded (an upload then leaves the queue here; a download
   * leaves it in `download`, with the entries it completes). An answer from the server that is an
   * error keeps the file queued with its own back-off; no answer at all is rethrown.
   */
  async #attempt(sha256: string, direction: BlobDirection, work: () => Promise<void>): Promise<boolean> {
    try {
      await work();
      if (direction === 'upload') await this.#db.call('blobs.finish', sha256, 'upload');
      return true;
    } catch (error) {
      if (error instanceof ServerUnreachableError) throw error;
      if (error instanceof ServerHttpError && error.status === 401) throw error;
      if (direction === 'upload') {
        // Pushing now would get the command naming this file refused for a file the server lacks:
        // the whole cycle backs off instead, unless the server will never take it (too large, or
        // the bytes are not what their name says); then the refusal shows the clerk why.
        if (!(error instanceof ServerHttpError && (error.status === 413 || error.status === 422))) throw error;
        await this.#db.call('blobs.finish', sha256, 'upload');
        return false;
      }
      const attempts = (await this.#db.call('blobs.attempts', sha256, direction)) + 1;
      const retryAt = new Date(this.#now().getTime() + backoffDelay(attempts, this.#random)).toISOString();
      await this.#db.call('blobs.fail', { sha256, direction, error: error instanceof Error ? error.message : String(error), retryAt });
      return false;
    }
  }
}
