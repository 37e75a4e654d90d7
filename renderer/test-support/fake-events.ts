import type { Transport } from '../../shared/rpc/transport.ts';

export interface FakeEvents {
  /** The transport's `on`: hand it to `createClient` with a `call`. */
  readonly on: Transport['on'];
  /** Delivers an event as core would, raw: the typed client still checks it against the contract. */
  emit(event: string, payload: unknown): void;
}

/** Core's event stream for renderer tests, driven by hand. */
export function fakeEvents(): FakeEvents {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return {
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  };
}
