import { officeYear } from '../../../shared/dates.ts';
import type { z } from 'zod';
import type { Correspondent, CorrespondentInput } from '../../../shared/correspondents.ts';
import type { IncomingItem, ItemDetail, ItemPage, ListItemsQuery, RegisterItem } from '../../../shared/registry.ts';
import type { DbClient } from '../db/db-client.ts';
import type { EventBus } from '../events.ts';
import { trackingCode, trackingPin, uuidv7 } from '../ids.ts';
import { AppError } from '../rpc/app-error.ts';
import type { SettingsService } from './settings-service.ts';

type ParsedListQuery = z.output<typeof ListItemsQuery>;
type ParsedCorrespondent = z.output<typeof CorrespondentInput>;

/** Who is working, as the registry needs to know it (the auth service, or a fixed one in tests). */
export interface RegistryActor {
  /** True with a central server: numbers come from leased blocks and every change enters the outbox. */
  readonly synced: boolean;
  /** The signed-in person's name for the metryka; null in local mode (the workstation's name is used). */
  readonly displayName: string | null;
  /** The signed-in person's login: whose outbox and leased numbers (null in local mode). */
  readonly login: string | null;
}

const LOCAL_ONLY: RegistryActor = { synced: false, displayName: null, login: null };

/** The registry desk's work: registering, cancelling and reading the incoming register. */
export class RegistryService {
  readonly #db: DbClient;
  readonly #events: EventBus;
  readonly #settings: SettingsService;
  readonly #now: () => Date;
  readonly #actor: () => RegistryActor;
  readonly #changed: () => void;

  constructor(db: DbClient, events: EventBus, settings: SettingsService, options: { now?: () => Date; actor?: () => RegistryActor; changed?: () => void } = {}) {
    this.#db = db;
    this.#events = events;
    this.#settings = settings;
    this.#now = options.now ?? (() => new Date());
    this.#actor = options.actor ?? (() => LOCAL_ONLY);
    this.#changed = options.changed ?? (() => undefined);
  }

  async register(item: RegisterItem): Promise<IncomingItem> {
    const settings = await this.#settings.get();
    if (settings.deskCode === '') {
      throw new AppError('not_configured', 'This workstation has no registry desk code');
    }
    let sender = item.sender;
    if (sender.correspondentId !== null) {
      const known = await this.#db.call('correspondents.get', sender.correspondentId);
      if (!known) throw new AppError('invalid_input', 'Unknown correspondent', [{ path: 'sender.correspondentId', message: 'validation.unknownCorrespondent' }]);
      sender = { ...sender, name: sender.name ?? known.name };
    }
    const now = this.#now();
    const actor = this.#actor();
    let registered: IncomingItem;
    try {
      registered = await this.#db.call('registry.register', {
        item: { ...item, sender },
        id: uuidv7(now.getTime()),
        deskCode: settings.deskCode,
        year: officeYear(now),
        registeredAt: now.toISOString(),
        registeredBy: actor.displayName ?? settings.workstationName,
        trackingCode: trackingCode(),
        trackingPin: trackingPin(),
        numbering: actor.synced ? 'leased-only' : 'local',
        outbox: outboxOf(actor),
      });
    } catch (error) {
      if (error instanceof Error && error.name === 'NoNumbersLeftError') {
        throw new AppError('unavailable', 'No leased RPW numbers left; connect to the central server', [{ path: 'rpwNumber', message: 'sync.errors.noNumbers' }]);
      }
      throw error;
    }
    this.#events.emit('registry.changed', { ids: [registered.id] });
    this.#changed();
    return registered;
  }

  async cancel(id: string, reason: string): Promise<IncomingItem> {
    const settings = await this.#settings.get();
    const actor = this.#actor();
    const cancelled = await this.#db.call('registry.cancel', {
      id, reason, at: this.#now().toISOString(), actor: actor.displayName ?? settings.workstationName, outbox: outboxOf(actor),
    });
    if (!cancelled) {
      const existing = await this.#db.call('registry.get', id);
      throw existing
        ? new AppError('conflict', 'The entry is already cancelled')
        : new AppError('not_found', 'No such register entry');
    }
    this.#events.emit('registry.changed', { ids: [id] });
    this.#changed();
    return cancelled;
  }

  async get(id: string): Promise<ItemDetail> {
    const detail = await this.#db.call('registry.get', id);
    if (!detail) throw new AppError('not_found', 'No such register entry');
    return detail;
  }

  list(query: ParsedListQuery): Promise<ItemPage> {
    return this.#db.call('registry.list', query);
  }

  desks(): Promise<string[]> {
    return this.#db.call('registry.desks');
  }

  searchCorrespondents(text: string, limit: number): Promise<Correspondent[]> {
    return this.#db.call('correspondents.search', text, limit);
  }

  saveCorrespondent(input: ParsedCorrespondent): Promise<Correspondent> {
    const now = this.#now();
    return this.#db.call('correspondents.save', { ...input, id: input.id ?? uuidv7(now.getTime()) }, now.toISOString());
  }
}

/** Whose outbox records a change: the signed-in person's with a server; none in local mode. */
function outboxOf(actor: RegistryActor): string | null {
  if (!actor.synced) return null;
  // The core opens to nobody else with a server; a change without a person could never be sent.
  if (actor.login === null) throw new AppError('unauthenticated', 'Sign in first');
  return actor.login;
}
