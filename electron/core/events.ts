import { events, type EventName, type EventPayload } from '../../shared/contract.ts';

export type EventListener = (name: EventName, payload: unknown) => void;

/**
 * Core's outgoing events. Hosts (the Electron IPC bridge, the devserver's SSE) subscribe once
 * and forward every event; payloads are checked against the contract before they leave.
 */
export class EventBus {
  readonly #listeners = new Set<EventListener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const checked = events[name].parse(payload);
    for (const listener of this.#listeners) listener(name, checked);
  }

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
