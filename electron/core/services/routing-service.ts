import { officeToday } from '../../../shared/dates.ts';
import type { Inbox, Route, RouteItem } from '../../../shared/routing.ts';
import type { AuthService } from '../auth/auth-service.ts';
import type { DbClient } from '../db/db-client.ts';
import type { EventBus } from '../events.ts';
import { uuidv7 } from '../ids.ts';
import { currentActor } from './current-actor.ts';
import { refusalsAsErrors } from './refusals.ts';
import type { SettingsService } from './settings-service.ts';

/** Dekretacja: routing letters to units, assigning, accepting, returning; and the inboxes. */
export class RoutingService {
  readonly #db: DbClient;
  readonly #auth: AuthService;
  readonly #settings: SettingsService;
  readonly #events: EventBus;

  constructor(deps: { db: DbClient; auth: AuthService; settings: SettingsService; events: EventBus }) {
    this.#db = deps.db;
    this.#auth = deps.auth;
    this.#settings = deps.settings;
    this.#events = deps.events;
  }

  async route(input: RouteItem): Promise<Route[]> {
    const actor = await this.#actor();
    const routes = await refusalsAsErrors(() => this.#db.call('routing.route', {
      input, ids: { lead: uuidv7(), info: input.infoUnitCodes.map(() => uuidv7()) }, at: new Date().toISOString(), actor, outbox: this.#synced,
    }), 'conflict', 'route');
    this.#events.emit('registry.changed', { ids: [input.itemId] });
    return routes;
  }

  async assign(routeId: string, assigneeLogin: string): Promise<Route> {
    const actor = await this.#actor();
    return this.#changed(await refusalsAsErrors(() => this.#db.call('routing.assign', { routeId, assigneeLogin, at: new Date().toISOString(), actor, outbox: this.#synced }), 'conflict', 'route'));
  }

  async accept(routeId: string): Promise<Route> {
    const actor = await this.#actor();
    return this.#changed(await refusalsAsErrors(() => this.#db.call('routing.accept', { routeId, at: new Date().toISOString(), actor, outbox: this.#synced }), 'conflict', 'route'));
  }

  async giveBack(routeId: string, reason: string): Promise<Route> {
    const actor = await this.#actor();
    return this.#changed(await refusalsAsErrors(() => this.#db.call('routing.return', { routeId, reason, at: new Date().toISOString(), actor, outbox: this.#synced }), 'conflict', 'route'));
  }

  ofItem(itemId: string): Promise<Route[]> {
    return this.#db.call('routing.ofItem', itemId);
  }

  async inbox(limit: number): Promise<Inbox> {
    const actor = await this.#actor();
    return this.#db.call('routing.inbox', { login: actor.login, today: officeToday(), limit });
  }

  /** With a central server every routing step also goes to the outbox, in its own transaction. */
  get #synced(): boolean {
    return this.#auth.serverUrl !== '';
  }

  #actor() {
    return currentActor(this.#auth, this.#db, this.#settings);
  }

  #changed(route: Route): Route {
    this.#events.emit('registry.changed', { ids: [route.itemId] });
    return route;
  }
}
