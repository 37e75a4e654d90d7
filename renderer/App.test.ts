import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../electron/core/rpc/dispatch.ts';
import { handlersFor } from '../electron/core/test-support/handlers.ts';
import { createClient } from '../shared/rpc/client.ts';
import type { AuthStatus } from '../shared/sync/status.ts';
import App from './App.vue';
import { setApiClient } from './api/index.ts';
import { createAppRouter } from './router.ts';
import { useSessionStore } from './stores/session.ts';
import { fakeEvents } from './test-support/fake-events.ts';
import { mountInApp } from './test-support/mount-app.ts';

const signedOut: AuthStatus = { mode: 'signedOut', user: null, offline: false, serverUrl: 'https://k.example.pl', localPerson: null };
const offlineAnna: AuthStatus = {
  ...signedOut,
  mode: 'signedIn',
  offline: true,
  user: { id: '0190a4c2-7e1b-7c4d-8a5e-2f0c3b4d5e6f', login: 'anna', displayName: 'Anna Nowak', role: 'registry_clerk', unitCode: 'KO' },
};

let signOuts: number;
const dispatch = createDispatch(handlersFor({
  'auth.signOut': () => {
    signOuts += 1;
    return signedOut;
  },
  'registry.list': () => ({ rows: [], next: null, total: 0, totalExact: true }),
}), { checkOutput: true, logError: () => undefined });

beforeEach(() => {
  signOuts = 0;
  setApiClient(createClient({ call: (method, input) => dispatch(method, input), on: fakeEvents().on }));
});
enableAutoUnmount(afterEach);

async function app(auth: AuthStatus, path: string) {
  const mounted = await mountInApp(App, { router: createAppRouter(), path, before: () => useSessionStore().receiveAuth(auth) });
  await flushPromises();
  return mounted;
}

describe('the frame with a central server', () => {
  it('asks for sign-in in every section but Ustawienia, which IT needs to fix the address', async () => {
    const { wrapper, router } = await app(signedOut, '/kancelaria/rejestr');
    expect(wrapper.get('main h1').text()).toBe('Logowanie');
    await router.push('/ustawienia');
    await flushPromises();
    expect(wrapper.get('main h1').text()).toBe('Ustawienia stanowiska');
  });

  it('shows who is signed in, marks an offline sign-in, and signs out', async () => {
    const { wrapper } = await app(offlineAnna, '/kancelaria');
    const user = wrapper.get('[data-testid="session-user"]');
    expect(user.text()).toMatch(/^Anna Nowak \(offline\)/);
    expect(user.get('button').text()).toBe('Wyloguj');
    expect(wrapper.get('main h1').text()).toBe('Rejestracja pisma wpływającego');
    await user.get('button').trigger('click');
    await flushPromises();
    expect(signOuts).toBe(1);
    expect(wrapper.find('[data-testid="session-user"]').exists()).toBe(false);
    expect(wrapper.get('main h1').text()).toBe('Logowanie');
  });
});
