import type { DbClient } from '../db/db-client.ts';
import { ServerHttpError, type ServerClient } from './server-client.ts';

const PUSH_BATCH = 200;

/**
 * Sends outbox queues to the server, one client id at a time (each person at a PC has their own,
 * and the server takes a queue only from the person who began it).
 */
export class QueuePusher {
  readonly #db: DbClient;
  readonly #now: () => Date;
  /** "client id login" pairs the server refused for the unclaimed queue: not that person's. */
  readonly #notTheirs = new Set<string>();
  /** Sends the files waiting for upload; how many went (see BlobMover). Null: files do not travel. */
  readonly #upload: ((client: ServerClient) => Promise<number>) | null;

  constructor(db: DbClient, now: () => Date, upload: ((client: ServerClient) => Promise<number>) | null = null) {
    this.#db = db;
    this.#now = now;
    this.#upload = upload;
  }

  /** Pushes one client id's queue until it is empty; files its commands name go first. */
  async push(client: ServerClient, clientId: string): Promise<void> {
    let idleUploads = 0;
    for (;;) {
      const batch = await this.#nextBatch(client, clientId);
      if (batch === 'uploaded') {
        idleUploads = 0;
        continue;
      }
      if (batch === 'stuck') {
        // Nothing was due to go although something waits: never spin, let the engine back off.
        if ((idleUploads += 1) > 1) throw new Error('Files wait for upload but none could be sent');
        continue;
      }
      if (batch.length === 0) return;
      const response = await client.push({ clientId, mutations: batch.map((c) => ({ seq: c.seq, name: c.name, args: c.args })) });
      if (response.expectedSeq !== null && response.results.length === 0) {
        // The server has not seen earlier commands this client numbered: a restored backup or a
        // lost database. Nothing is thrown away; a person must look (logged, shown as an error).
        throw new Error(`Server expects command ${String(response.expectedSeq)}; the outbox starts at ${String(batch[0]?.seq)}`);
      }
      await this.#db.call('sync.applyPushResults', clientId, response.results, this.#now().toISOString());
    }
  }

  async #nextBatch(client: ServerClient, clientId: string): Promise<{ seq: number; name: string; args: unknown }[] | 'uploaded' | 'stuck'> {
    if (this.#upload === null) return this.#db.call('sync.outboxBatch', clientId, PUSH_BATCH);
    const next = await this.#db.call('sync.outboxBatchAfterUploads', clientId, PUSH_BATCH);
    if (!next.uploadsWaiting) return next.commands;
    return (await this.#upload(client)) > 0 ? 'uploaded' : 'stuck';
  }

  /**
   * The queue begun before outboxes were per person (migration 0010) belongs to whoever first
   * pushed with its client id, which this PC never recorded; the server says. A person it refuses
   * is not asked again while this program runs; one it accepts sends the queue and, if they have
   * no queue of their own yet, takes it over with its leased numbers.
   */
  async pushUnclaimed(client: ServerClient, login: string): Promise<void> {
    const queue = await this.#db.call('sync.unclaimedQueue', login);
    if (!queue || this.#notTheirs.has(`${queue.clientId} ${login}`)) return;
    try {
      // Nothing to send: an empty push only asks the server whether the client id is theirs.
      if (queue.pending === 0) await client.push({ clientId: queue.clientId, mutations: [] });
      else await this.push(client, queue.clientId);
    } catch (error) {
      if (!(error instanceof ServerHttpError && error.code === 'foreign_client')) throw error;
      this.#notTheirs.add(`${queue.clientId} ${login}`);
      return;
    }
    await this.#db.call('sync.claimQueue', queue.clientId, login);
  }
}
