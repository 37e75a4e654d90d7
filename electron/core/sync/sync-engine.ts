import { officeYear } from '../../../shared/dates.ts';
import { SENDING_ROLES } from '../../../shared/outgoing/outgoing.ts';
import type { NumberRegister, SessionUser } from '../../../shared/sync/protocol.ts';
import type { SyncState, SyncStatus } from '../../../shared/sync/status.ts';
import type { AuthService } from '../auth/auth-service.ts';
import type { DbClient } from '../db/db-client.ts';
import type { ContentStore } from '../documents/content-store.ts';
import type { EventBus } from '../events.ts';
import type { SettingsService } from '../services/settings-service.ts';
import { backoffDelay } from './backoff.ts';
import { BlobMover } from './blob-mover.ts';
import { QueuePusher } from './queue-pusher.ts';
import { ServerHttpError, ServerUnreachableError, type ServerClient } from './server-client.ts';

/** Below this many leased numbers left, the desk leases the next block: RPW for the registry's bulk, RKW for the fewer letters sent. */
export const LEASE_LOW_WATER = 100;
export const LEASE_SIZE = 200;
export const RKW_LEASE_LOW_WATER = 20;
export const RKW_LEASE_SIZE = 50;
const PULL_PAGE = 1000;
/** While the event stream is down, pull this often anyway. */
const POLL_MS = 15_000;
const REGISTRY_ROLES = new Set(['admin', 'registry_clerk']);

export interface SyncEngineDeps {
  readonly db: DbClient;
  readonly events: EventBus;
  readonly settings: SettingsService;
  readonly auth: AuthService;
  readonly now?: () => Date;
  readonly random?: () => number;
  readonly logError?: (message: string, error: unknown) => void;
  /** The content store: files queued in blob_transfers travel with sync (without it they wait). */
  readonly store?: ContentStore;
  /** Files of these register entries' documents arrived from the server (their text can be read). */
  readonly filesArrived?: (itemIds: readonly string[]) => void;
}

/**
 * Moves the signed-in person's outbox to the server and the server's changes here (DESIGN.md
 * "Sync"). One cycle at a time: void last year's unused numbers, lease numbers when low, push
 * the person's queue until it is empty, pull until nothing is left. Other people's queues on this
 * PC wait for them to sign in here again (the server lets only a queue's owner send it).
 * Triggered by local changes, by the server's pokes over SSE, by a poll while SSE is down, and
 * after failures by exponential back-off with jitter.
 */
export class SyncEngine {
  readonly #deps: SyncEngineDeps;
  readonly #now: () => Date;
  readonly #random: () => number;
  #state: SyncState = 'local';
  #failures = 0;
  #lastError: string | null = null;
  #nextAttemptAt: Date | null = null;
  #cycle: Promise<void> | null = null;
  #again = false;
  #timer: NodeJS.Timeout | null = null;
  #stream: AbortController | null = null;
  #streamUp = false;
  #stopped = false;
  #lastEmitted = '';
  readonly #pusher: QueuePusher;
  readonly #blobs: BlobMover | null;

  constructor(deps: SyncEngineDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? (() => new Date());
    this.#random = deps.random ?? Math.random;
    this.#blobs = deps.store
      ? new BlobMover({
        db: deps.db, store: deps.store, now: this.#now, random: this.#random,
        arrived: ({ itemIds, caseIds }) => {
          if (itemIds.length > 0) {
            deps.events.emit('registry.changed', { ids: [...itemIds] });
            deps.filesArrived?.(itemIds);
          }
          if (caseIds.length > 0) deps.events.emit('cases.changed', { ids: [...caseIds] });
        },
      })
      : null;
    const blobs = this.#blobs;
    this.#pusher = new QueuePusher(deps.db, this.#now, blobs === null ? null : (client) => blobs.upload(client));
  }

  /** Run a cycle soon; a request during a cycle runs one more right after it. */
  kick(): void {
    if (this.#stopped) return;
    if (this.#cycle) {
      this.#again = true;
      return;
    }
    this.#cycle = this.#run().finally(() => {
      this.#cycle = null;
      if (this.#again && !this.#stopped) {
        this.#again = false;
        this.kick();
      }
    });
  }

  /** Runs a cycle now and resolves when it and any it triggered are done ("Synchronizuj teraz"). */
  async syncNow(): Promise<SyncStatus> {
    this.#failures = 0;
    this.kick();
    while (this.#cycle) await this.#cycle;
    return this.status();
  }

  async status(): Promise<SyncStatus> {
    const counts = await this.#deps.db.call('sync.counts', this.#deps.auth.user?.login ?? null);
    const files = await this.#deps.db.call('blobs.counts');
    const state = this.#deps.auth.serverUrl === '' ? 'local' : this.#deps.auth.user === null ? 'signedOut' : this.#state;
    const lastSyncAt = this.#deps.auth.serverUrl === '' ? null : (await this.#deps.db.call('sync.state', this.#deps.auth.serverUrl, this.#now().toISOString())).lastSyncAt;
    return {
      state,
      pending: counts.pending,
      othersPending: counts.othersPending,
      files: files.uploads + files.downloads,
      issues: counts.issues,
      lastSyncAt,
      nextAttemptAt: state === 'offline' ? (this.#nextAttemptAt?.toISOString() ?? null) : null,
      lastError: state === 'offline' || state === 'unauthorized' ? this.#lastError : null,
    };
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#clearTimer();
    this.#stream?.abort();
    await this.#cycle;
  }

  async #run(): Promise<void> {
    const { auth } = this.#deps;
    const user = auth.user;
    if (auth.serverUrl === '' || user === null) {
      this.#stream?.abort();
      await this.#publish();
      return;
    }
    if (auth.token === null) {
      this.#state = 'unauthorized';
      this.#lastError = 'sync.errors.signInAgain';
      await this.#publish();
      return;
    }
    this.#clearTimer();
    this.#state = 'syncing';
    await this.#publish();
    try {
      await this.#cycleOnce(auth.client(), user);
      this.#state = 'online';
      this.#failures = 0;
      this.#lastError = null;
      this.#nextAttemptAt = null;
      this.#openStream(auth.client());
      await this.#scheduleNext();
    } catch (error) {
      this.#failed(error);
    }
    await this.#publish();
  }

  async #cycleOnce(client: ServerClient, user: SessionUser): Promise<void> {
    const { db, auth, settings } = this.#deps;
    const now = this.#now();
    const at = now.toISOString();
    await db.call('sync.state', auth.serverUrl, at);
    await db.call('sync.voidUnused', officeYear(now), at);
    // Files first: a command that names a file (documents.attach) finds it on the server. The
    // pusher checks again before each batch (a document imported meanwhile).
    await this.#blobs?.upload(client);
    await this.#pusher.pushUnclaimed(client, user.login);
    // Only this person's queue, with their own client id: others' changes wait for them.
    const clientId = await db.call('sync.clientOf', user.login, at);

    const { deskCode } = await settings.get();
    const year = officeYear(now);
    if (deskCode !== '' && REGISTRY_ROLES.has(user.role)) await this.#topUp(client, 'rpw', clientId, deskCode, year, at);
    // RKW numbers only where this person has sent letters before (their first letter leases on
    // demand, `leaseNow`): a registry clerk who never sends, or a clerk on a colleague's PC, draws
    // none, so few numbers end the year void.
    if ((SENDING_ROLES as readonly string[]).includes(user.role)) {
      for (const desk of await db.call('sync.leasedDesks', 'rkw', clientId, year - 1)) await this.#topUp(client, 'rkw', clientId, desk, year, at);
    }

    await this.#pusher.push(client, clientId);
    await this.#pullAll(client, clientId, user.login, await db.call('sync.cursorOf', user.login));
    // Files of what was just pulled (and of earlier pulls whose download failed and is due again).
    await this.#blobs?.download(client);
  }

  /** After a good cycle: poll while the event stream is down, and come back for a file due again. */
  async #scheduleNext(): Promise<void> {
    const retryAt = await this.#blobs?.nextRetryAt();
    const retryIn = retryAt ? Math.max(1000, Date.parse(retryAt) - this.#now().getTime()) : Infinity;
    const delay = Math.min(this.#streamUp ? Infinity : POLL_MS, retryIn);
    if (Number.isFinite(delay)) this.#schedule(delay);
  }

  /** Leases the next block of a register when fewer than its low-water mark are left. */
  async #topUp(client: ServerClient, register: NumberRegister, clientId: string, deskCode: string, year: number, at: string): Promise<void> {
    const { db } = this.#deps;
    const [lowWater, size] = register === 'rpw' ? [LEASE_LOW_WATER, LEASE_SIZE] : [RKW_LEASE_LOW_WATER, RKW_LEASE_SIZE];
    if ((await db.call('sync.numbersLeft', register, deskCode, year, clientId)) >= lowWater) return;
    const lease = await client.lease(register, { clientId, deskCode, year, size });
    await db.call('sync.addLease', register, lease, clientId, at);
  }

  /**
   * Leases a block of RKW numbers now, for a letter that found none left (the first this person
   * sends from this desk, or a busy day offline that used them up). False when there is no
   * server to ask: not connected, or signed out; the caller then refuses the entry.
   */
  async leaseNow(register: NumberRegister, deskCode: string, year: number): Promise<boolean> {
    const { auth, db } = this.#deps;
    const user = auth.user;
    if (auth.serverUrl === '' || user === null || auth.token === null) return false;
    const at = this.#now().toISOString();
    try {
      await db.call('sync.state', auth.serverUrl, at);
      const clientId = await db.call('sync.clientOf', user.login, at);
      // A letter of a year already over (sent on 31 December, entered on 2 January) takes a
      // block of one: the rest of a bigger block would only be voided at the next sync.
      const size = year < officeYear(this.#now()) ? 1 : register === 'rpw' ? LEASE_SIZE : RKW_LEASE_SIZE;
      await db.call('sync.addLease', register, await auth.client().lease(register, { clientId, deskCode, year, size }), clientId, at);
      return true;
    } catch (error) {
      if (error instanceof ServerUnreachableError) return false;
      if (error instanceof ServerHttpError) {
        // Refused (e.g. a desk the server does not know): the entry is refused; the log says why.
        (this.#deps.logError ?? console.error)(`leasing ${register} numbers for ${deskCode} refused`, error);
        return false;
      }
      throw error;
    }
  }

  /**
   * Pulls pages until the server has nothing more, fetching the next page while this one is
   * being applied: a bootstrap then takes about the longer of the two, not their sum.
   */
  async #pullAll(client: ServerClient, clientId: string, login: string, from: number): Promise<void> {
    const { db, events } = this.#deps;
    const fetchPage = (cursor: number) => client.pull({ clientId, cursor, limit: PULL_PAGE });
    let next = fetchPage(from);
    for (;;) {
      let page;
      try {
        page = await next;
      } catch (error) {
        if (error instanceof ServerHttpError && error.status === 410) {
          await db.call('sync.resetCursor', login);
          next = fetchPage(0);
          continue;
        }
        throw error;
      }
      if (page.hasMore) {
        next = fetchPage(page.cursor);
        // Not awaited until the next round; a failure there is handled then, not reported twice.
        next.catch(() => undefined);
      }
      const applied = await db.call('sync.applyPulled', page.changes, page.cursor, this.#now().toISOString(), login);
      if (applied.itemIds.length > 0) events.emit('registry.changed', { ids: applied.itemIds });
      if (applied.caseIds.length > 0) events.emit('cases.changed', { ids: applied.caseIds });
      if (!page.hasMore) return;
    }
  }

  #failed(error: unknown): void {
    if (error instanceof ServerHttpError && error.status === 401) {
      this.#state = 'unauthorized';
      this.#lastError = 'sync.errors.signInAgain';
      this.#deps.auth.tokenRejected();
      return;
    }
    this.#state = 'offline';
    this.#failures += 1;
    if (error instanceof ServerUnreachableError) {
      this.#lastError = 'sync.errors.unreachable';
    } else {
      // The server's refusals carry an i18n key (e.g. an unknown desk): show that, not a generic error.
      // A client id the server says is someone else's: the server never lets one person send
      // another's queue. Each person has their own client id, so this means the server's records
      // and this PC's disagree (a restored backup); the queue waits, nothing is thrown away.
      this.#lastError = error instanceof ServerHttpError && error.code === 'foreign_client'
        ? 'sync.errors.otherUser'
        : error instanceof ServerHttpError && /^sync\.rejections\.[a-zA-Z]+$/u.test(error.message) ? error.message : 'sync.errors.server';
      (this.#deps.logError ?? console.error)('sync cycle failed', error);
    }
    const delay = backoffDelay(this.#failures, this.#random);
    this.#nextAttemptAt = new Date(this.#now().getTime() + delay);
    this.#schedule(delay);
  }

  #schedule(delayMs: number): void {
    this.#clearTimer();
    if (this.#stopped) return;
    this.#timer = setTimeout(() => this.kick(), delayMs);
    this.#timer.unref();
  }

  #clearTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** Keeps one event stream open while online; a poke runs a cycle (which pulls). */
  #openStream(client: ServerClient): void {
    if (this.#stream && !this.#stream.signal.aborted) return;
    const controller = new AbortController();
    this.#stream = controller;
    this.#streamUp = true;
    client
      .events(controller.signal, () => this.kick())
      .catch(() => undefined)
      .finally(() => {
        if (this.#stream === controller) this.#stream = null;
        this.#streamUp = false;
        // The stream ended: fall back to polling; the next good cycle reopens it.
        if (!controller.signal.aborted && !this.#stopped) this.#schedule(this.#state === 'online' ? 1000 : POLL_MS);
      });
  }

  async #publish(): Promise<void> {
    const status = await this.status();
    const key = JSON.stringify(status);
    if (key === this.#lastEmitted) return;
    this.#lastEmitted = key;
    this.#deps.events.emit('sync.status', status);
  }
}
