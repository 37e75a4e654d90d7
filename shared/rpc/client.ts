import {
  events,
  methods,
  type EventName,
  type EventPayload,
  type In,
  type Method,
  type Out,
} from '../contract.ts';
import { ResultEnvelope, RpcError } from '../result.ts';
import type { Transport } from './transport.ts';

export interface ApiClient {
  call<M extends Method>(method: M, input: In<M>): Promise<Out<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/**
 * The typed client over any transport. It throws RpcError for `ok: false` and for anything that
 * does not match the contract, so a version mismatch between renderer and core shows up as a
 * clear error instead of undefined fields on screen.
 */
export function createClient(transport: Transport): ApiClient {
  return {
    async call(method, input) {
      let raw: unknown;
      try {
        raw = await transport.call(method, input);
      } catch (cause) {
        throw new RpcError({ code: 'unavailable', message: describe(cause) });
      }
      const envelope = ResultEnvelope.safeParse(raw);
      if (!envelope.success) {
        throw new RpcError({ code: 'internal', message: `Malformed reply to ${method}` });
      }
      if (!envelope.data.ok) throw new RpcError(envelope.data.error);
      const value = methods[method].output.safeParse(envelope.data.value);
      if (!value.success) {
        throw new RpcError({ code: 'internal', message: `Reply to ${method} breaks the contract` });
      }
      return value.data as Out<typeof method>;
    },
    on(event, listener) {
      return transport.on(event, (payload) => {
        const parsed = events[event].safeParse(payload);
        // A malformed event is dropped rather than handed to UI code that trusts its type.
        if (parsed.success) listener(parsed.data as EventPayload<typeof event>);
      });
    },
  };
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
