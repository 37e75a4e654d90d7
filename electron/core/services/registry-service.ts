import type { z } from 'zod';
import type { Correspondent, CorrespondentInput } from '../../../shared/correspondents.ts';
import type { IncomingItem, ItemDetail, ItemPage, ListItemsQuery, RegisterItem } from '../../../shared/registry.ts';
import type { DbClient } from '../db/db-client.ts';
import type { NumberingMode } from '../db/repositories/rpw-numbering.ts';
import type { EventBus } from '../events.ts';
import { trackingCode, trackingPin, uuidv7 } from '../ids.ts';
import { AppError } from '../rpc/app-error.ts';
import type { SettingsService } from './settings-service.ts';

type ParsedListQuery = z.output<typeof ListItemsQuery>;
type ParsedCorrespondent = z.output<typeof CorrespondentInput>;

/** The registry desk's work: registering, cancelling and reading the incoming register. */
export class RegistryService {
  readonly #db: DbClient;
  readonly #events: EventBus;
  readonly #settings: SettingsService;
  readonly #now: () => Date;
  readonly #numbering: NumberingMode;

  constructor(db: DbClient, events: EventBus, settings: SettingsService, now: () => Date = () => new Date(), numbering: NumberingMode = 'local') {
    this.#db = db;
    this.#events = events;
    this.#settings = settings;
    this.#now = now;
    this.#numbering = numbering;
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
    const registered = await this.#db.call('registry.register', {
      item: { ...item, sender },
      id: uuidv7(now.getTime()),
      deskCode: settings.deskCode,
      year: now.getFullYear(),
      registeredAt: now.toISOString(),
      registeredBy: settings.workstationName,
      trackingCode: trackingCode(),
      trackingPin: trackingPin(),
      numbering: this.#numbering,
    });
    this.#events.emit('registry.changed', { ids: [registered.id] });
    return registered;
  }

  async cancel(id: string, reason: string): Promise<IncomingItem> {
    const settings = await this.#settings.get();
    const cancelled = await this.#db.call('registry.cancel', { id, reason, at: this.#now().toISOString(), actor: settings.workstationName });
    if (!cancelled) {
      const existing = await this.#db.call('registry.get', id);
      throw existing
        ? new AppError('conflict', 'The entry is already cancelled')
        : new AppError('not_found', 'No such register entry');
    }
    this.#events.emit('registry.changed', { ids: [id] });
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
