import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS, isEventName, isMethod } from '../../shared/contract.ts';

/**
 * The page's only door to the app (checklist #20): two functions, no ipcRenderer, no channels.
 * Names are checked against the contract here too, so a compromised page cannot reach any other
 * IPC channel even if main forgot to check.
 */
export const api = {
  call(method: string, input: unknown): Promise<unknown> {
    if (!isMethod(method)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown_method', message: `Unknown method: ${method}` } });
    }
    return ipcRenderer.invoke(IPC_CHANNELS.rpc, method, input);
  },
  on(event: string, listener: (payload: unknown) => void): () => void {
    if (!isEventName(event)) throw new Error(`Unknown event: ${event}`);
    // The page never sees the IpcRendererEvent (it would expose `sender`).
    const wrapped = (_event: unknown, name: unknown, payload: unknown): void => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(IPC_CHANNELS.event, wrapped);
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.event, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('api', api);
