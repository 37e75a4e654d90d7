import { createClient, type ApiClient } from '../../shared/rpc/client.ts';
import { httpTransport } from './http-transport.ts';
import { ipcTransport, type PreloadApi } from './ipc-transport.ts';

const TOKEN_KEY = 'kancelaria.devserverToken';

/**
 * Picks the transport once, at start: the preload's window.api inside Electron, otherwise the
 * devserver over HTTP. The devserver hands its token in the URL fragment (#token=…), which never
 * reaches a server log; it is moved to sessionStorage and wiped from the address bar.
 */
export function createApiClient(win: Window & { api?: PreloadApi } = window): ApiClient {
  if (win.api) return createClient(ipcTransport(win.api));
  const match = /^#token=([A-Za-z0-9_-]+)/.exec(win.location.hash);
  if (match?.[1]) {
    win.sessionStorage.setItem(TOKEN_KEY, match[1]);
    win.history.replaceState(null, '', `${win.location.pathname}${win.location.search}#/`);
  }
  const token = win.sessionStorage.getItem(TOKEN_KEY) ?? '';
  return createClient(httpTransport(win.location.origin, token));
}

let client: ApiClient | null = null;

/** The app-wide client. Stores call this; tests install their own with setApiClient. */
export function useApi(): ApiClient {
  client ??= createApiClient();
  return client;
}

export function setApiClient(next: ApiClient): void {
  client = next;
}
