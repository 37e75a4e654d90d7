import type { Transport } from '../../shared/rpc/transport.ts';
import { readEventStream } from './sse-stream.ts';

type Listener = (payload: unknown) => void;

/**
 * Browser mode: the devserver's POST /rpc/:method and GET /events on the page's own origin, with
 * the per-run bearer token. One event stream serves all subscribers; it reconnects with
 * exponential back-off (and jitter) when the devserver restarts.
 */
export function httpTransport(origin: string, token: string): Transport {
  const headers = { Authorization: `Bearer ${token}` };
  const listeners = new Map<string, Set<Listener>>();
  let streaming = false;

  async function streamForever(): Promise<void> {
    let delayMs = 500;
    for (;;) {
      try {
        const response = await fetch(`${origin}/events`, { headers, cache: 'no-store' });
        if (response.ok && response.body) {
          delayMs = 500;
          await readEventStream(response.body, (name, data) => {
            const payload: unknown = JSON.parse(data);
            for (const listener of listeners.get(name) ?? []) listener(payload);
          });
        }
      } catch {
        // Devserver gone or restarting: fall through to the back-off below.
      }
      await new Promise((resolve) => setTimeout(resolve, delayMs * (0.5 + Math.random())));
      delayMs = Math.min(delayMs * 2, 30_000);
    }
  }

  return {
    async call(method, input) {
      const response = await fetch(`${origin}/rpc/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
      if (response.status === 401) {
        return { ok: false, error: { code: 'forbidden', message: 'Devserver rejected the token' } };
      }
      return (await response.json()) as unknown;
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(event, set);
      if (!streaming) {
        streaming = true;
        void streamForever();
      }
      return () => set.delete(listener);
    },
  };
}
