import type { Transport } from '../../shared/rpc/transport.ts';

/** What the Electron preload exposes as window.api (see electron/preload/index.ts). */
export interface PreloadApi {
  call(method: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

export function ipcTransport(api: PreloadApi): Transport {
  return { call: (method, input) => api.call(method, input), on: (event, listener) => api.on(event, listener) };
}
