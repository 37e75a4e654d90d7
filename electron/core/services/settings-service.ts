import { EditableSettings, settingsKeys, type Settings, type SettingsKey } from '../../../shared/settings.ts';
import type { DbClient } from '../db/db-client.ts';
import type { EventBus } from '../events.ts';

/**
 * Settings as the clerk sees them: the embedded defaults, overlaid with what was saved. A stored
 * value that today's rules reject (written by an older version, or edited by hand) falls back to
 * its default rather than blocking the whole screen.
 */
export class SettingsService {
  readonly #db: DbClient;
  readonly #events: EventBus;
  readonly #defaults: EditableSettings;
  readonly #now: () => Date;

  constructor(db: DbClient, events: EventBus, defaults: EditableSettings, now: () => Date = () => new Date()) {
    this.#db = db;
    this.#events = events;
    this.#defaults = EditableSettings.parse(defaults);
    this.#now = now;
  }

  async get(): Promise<Settings> {
    const stored = await this.#db.call('settings.read');
    const merged: Record<string, unknown> = {};
    for (const key of settingsKeys) {
      const field = EditableSettings.shape[key].safeParse(stored.values[key]);
      merged[key] = field.success ? field.data : this.#defaults[key];
    }
    return { ...(merged as EditableSettings), updatedAt: stored.updatedAt };
  }

  /** Saves the whole form at once; input has already been parsed by dispatch. */
  async update(values: EditableSettings): Promise<Settings> {
    const row: Record<SettingsKey, string> = { ...values };
    await this.#db.call('settings.write', row, this.#now().toISOString());
    const saved = await this.get();
    this.#events.emit('settings.changed', saved);
    return saved;
  }
}
