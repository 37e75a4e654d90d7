import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import { createDispatch } from '../../electron/core/rpc/dispatch.ts';
import { handlersFor } from '../../electron/core/test-support/handlers.ts';
import { createClient } from '../../shared/rpc/client.ts';
import type { AuthStatus, SyncStatus } from '../../shared/sync/status.ts';
import { setApiClient } from '../api/index.ts';
import { useSessionStore } from '../stores/session.ts';
import { fakeEvents } from '../test-support/fake-events.ts';
import { mountInApp } from '../test-support/mount-app.ts';
import SyncIndicator from './SyncIndicator.vue';

const signedIn: AuthStatus = {
  mode: 'signedIn',
  user: { id: '0190a4c2-7e1b-7c4d-8a5e-2f0c3b4d5e6f', login: 'anna', displayName: 'Anna Nowak', role: 'registry_clerk', unitCode: 'KO' },
  offline: false,
  serverUrl: 'https://k.example.pl',
  localPerson: null,
};
const online: SyncStatus = { state: 'online', pending: 0, othersPending: 0, files: 0, issues: 0, lastSyncAt: '2026-11-20T09:00:00.000Z', nextAttemptAt: null, lastError: null };

let syncNowCalls: number;
const dispatch = createDispatch(handlersFor({
  'sync.now': () => {
    syncNowCalls += 1;
    return { ...online, lastSyncAt: '2026-11-20T09:05:00.000Z' };
  },
}), { checkOutput: true, logError: () => undefined });

beforeEach(() => {
  syncNowCalls = 0;
  setApiClient(createClient({ call: (method, input) => dispatch(method, input), on: fakeEvents().on }));
});
enableAutoUnmount(afterEach);

async function indicator(auth: AuthStatus, sync: SyncStatus) {
  const mounted = await mountInApp(SyncIndicator, { before: () => {
    const session = useSessionStore();
    session.receiveAuth(auth);
    session.receiveSync(sync);
  } });
  return { ...mounted, session: useSessionStore() };
}

describe('the sync state in the header', () => {
  it('says "Połączono" and nothing about waiting changes when all is sent', async () => {
    const { wrapper } = await indicator(signedIn, online);
    expect(wrapper.get('[data-testid="sync-status"]').text()).toBe('Połączono');
    expect(wrapper.find('[data-testid="sync-pending"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="sync-issues"]').exists()).toBe(false);
    // Announced politely to screen readers as it changes.
    expect(wrapper.get('[role="status"]').text()).toBe('Połączono');
  });

  it('counts waiting changes with Polish plural forms', async () => {
    const { wrapper, session } = await indicator(signedIn, online);
    const cases: [number, string][] = [
      [1, '1 zmiana czeka'],
      [2, '2 zmiany czekają'],
      [4, '4 zmiany czekają'],
      [5, '5 zmian czeka'],
      [12, '12 zmian czeka'],
      [22, '22 zmiany czekają'],
      [25, '25 zmian czeka'],
    ];
    for (const [pending, text] of cases) {
      session.receiveSync({ ...online, state: 'syncing', pending });
      await nextTick();
      expect(wrapper.get('[role="status"]').text()).toBe(`Synchronizacja… · ${text}`);
    }
  });

  it('says how many files are still on their way, in Polish plural forms, and nothing once they arrived', async () => {
    const { wrapper, session } = await indicator(signedIn, { ...online, files: 1 });
    expect(wrapper.get('[data-testid="sync-files"]').text()).toBe('1 plik w drodze');
    for (const [files, text] of [[3, '3 pliki w drodze'], [5, '5 plików w drodze'], [22, '22 pliki w drodze']] as const) {
      session.receiveSync({ ...online, pending: 1, files });
      await nextTick();
      expect(wrapper.get('[role="status"]').text()).toBe(`Połączono · 1 zmiana czeka · ${text}`);
    }
    session.receiveSync(online);
    await nextTick();
    expect(wrapper.find('[data-testid="sync-files"]').exists()).toBe(false);
  });

  it('links the conflicts, counted in Polish, to the conflicts view', async () => {
    const { wrapper, session } = await indicator(signedIn, { ...online, issues: 1 });
    const link = wrapper.get('[data-testid="sync-issues"]');
    expect(link.text()).toBe('1 konflikt');
    expect(link.attributes('href')).toBe('/kancelaria/konflikty');
    session.receiveSync({ ...online, issues: 3 });
    await nextTick();
    expect(link.text()).toBe('3 konflikty');
    session.receiveSync({ ...online, issues: 5 });
    await nextTick();
    expect(link.text()).toBe('5 konfliktów');
  });

  it('tells when the next attempt is due while the server is out of reach', async () => {
    const nextAttemptAt = new Date(2026, 10, 20, 10, 42).toISOString();
    const { wrapper, session } = await indicator(signedIn, { ...online, state: 'offline', pending: 2, nextAttemptAt, lastError: 'sync.errors.unreachable' });
    expect(wrapper.get('[role="status"]').text()).toBe('Brak połączenia — następna próba o 10:42 · 2 zmiany czekają');
    expect(wrapper.get('[role="status"]').attributes('title')).toContain('Serwer centralny jest nieosiągalny.');

    session.receiveSync({ ...online, state: 'offline', nextAttemptAt, lastError: 'sync.errors.server' });
    await nextTick();
    expect(wrapper.get('[data-testid="sync-status"]').text()).toBe('Błąd serwera centralnego — następna próba o 10:42');
  });

  it('asks to sign in again when the server refuses the token', async () => {
    const { wrapper } = await indicator({ ...signedIn, offline: true }, { ...online, state: 'unauthorized', lastError: 'sync.errors.signInAgain' });
    expect(wrapper.get('[data-testid="sync-status"]').text()).toBe('Zaloguj się ponownie');
    expect(wrapper.findAll('button').map((b) => b.text())).toEqual(['Zaloguj się']);
  });

  it('runs a sync when asked and shows nothing at all for local work', async () => {
    const { wrapper, session } = await indicator(signedIn, { ...online, state: 'offline', pending: 1 });
    await wrapper.get('button').trigger('click');
    await flushPromises();
    expect(syncNowCalls).toBe(1);
    expect(wrapper.get('[role="status"]').text()).toBe('Połączono');

    session.receiveAuth({ mode: 'local', user: null, offline: false, serverUrl: '', localPerson: null });
    session.receiveSync({ ...online, state: 'local' });
    await nextTick();
    expect(wrapper.find('[data-testid="sync-indicator"]').exists()).toBe(false);
  });
});
