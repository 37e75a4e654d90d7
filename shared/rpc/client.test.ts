import { describe, expect, it } from 'vitest';
import { RpcError } from '../result.ts';
import { createClient } from './client.ts';
import type { Transport } from './transport.ts';

const settings = { workstationName: 'A', deskCode: '', centralServerUrl: '', uiLanguage: 'pl', hotFolderPath: '', postalSender: '', batchSeparator: '', updatedAt: null };

/** `reply` is the raw reply, or a function producing it (to simulate a failing transport). */
function transportReplying(reply: unknown): Transport & { emit(name: string, payload: unknown): void } {
  const listeners = new Map<string, (payload: unknown) => void>();
  return {
    call: () => (typeof reply === 'function' ? (reply as () => Promise<unknown>)() : Promise.resolve(reply)),
    on: (event, listener) => {
      listeners.set(event, listener);
      return () => listeners.delete(event);
    },
    emit: (name, payload) => listeners.get(name)?.(payload),
  };
}

async function rejection(promise: Promise<unknown>): Promise<RpcError> {
  const error: unknown = await promise.then(() => null, (caught: unknown) => caught);
  if (!(error instanceof RpcError)) throw new Error('expected an RpcError');
  return error;
}

describe('typed client', () => {
  it('returns the value of a successful call', async () => {
    const client = createClient(transportReplying({ ok: true, value: settings }));
    await expect(client.call('settings.get', {})).resolves.toEqual(settings);
  });

  it('throws the core error with its code and field issues', async () => {
    const client = createClient(transportReplying({
      ok: false,
      error: { code: 'invalid_input', message: 'bad', issues: [{ path: 'deskCode', message: 'validation.deskCode' }] },
    }));
    const error = await rejection(client.call('settings.get', {}));
    expect(error.code).toBe('invalid_input');
    expect(error.issues).toEqual([{ path: 'deskCode', message: 'validation.deskCode' }]);
  });

  it('turns a reply that breaks the contract into an internal error, not bad data on screen', async () => {
    const client = createClient(transportReplying({ ok: true, value: { workstationName: 5 } }));
    expect((await rejection(client.call('settings.get', {}))).code).toBe('internal');
    const garbage = createClient(transportReplying('<html>proxy error</html>'));
    expect((await rejection(garbage.call('settings.get', {}))).code).toBe('internal');
  });

  it('reports a dead transport as unavailable', async () => {
    const client = createClient(transportReplying(() => Promise.reject(new TypeError('Failed to fetch'))));
    const error = await rejection(client.call('app.info', {}));
    expect(error.code).toBe('unavailable');
    expect(error.message).toBe('Failed to fetch');
  });

  it('delivers valid events and drops malformed ones', () => {
    const transport = transportReplying(null);
    const client = createClient(transport);
    const seen: unknown[] = [];
    client.on('settings.changed', (payload) => seen.push(payload));
    transport.emit('settings.changed', { nonsense: true });
    transport.emit('settings.changed', settings);
    expect(seen).toEqual([settings]);
  });
});
