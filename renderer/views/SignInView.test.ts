import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/rpc/app-error.ts';
import { createDispatch } from '../../electron/core/rpc/dispatch.ts';
import { handlersFor } from '../../electron/core/test-support/handlers.ts';
import { createClient } from '../../shared/rpc/client.ts';
import type { AuthStatus } from '../../shared/sync/status.ts';
import { setApiClient } from '../api/index.ts';
import { useSessionStore } from '../stores/session.ts';
import { fakeEvents } from '../test-support/fake-events.ts';
import { mountInApp } from '../test-support/mount-app.ts';
import SignInView from './SignInView.vue';

const signedOut: AuthStatus = { mode: 'signedOut', user: null, offline: false, serverUrl: 'https://kancelaria.urzad.example.pl', localPerson: null };
const PASSWORD = 'Kancelaria-2026';

/** What core answers, per login: the refusals it words as issues with i18n keys. */
let attempts: { login: string; password: string }[];
const dispatch = createDispatch(handlersFor({
  'auth.signIn': (input) => {
    attempts.push(input);
    if (input.login === 'zablokowana') throw new AppError('unauthenticated', 'Account locked', [{ path: 'login', message: 'auth.locked' }]);
    if (input.login === 'nowa') throw new AppError('unavailable', 'Offline and unknown', [{ path: 'login', message: 'auth.offlineUnknown' }]);
    if (input.password !== PASSWORD) throw new AppError('unauthenticated', 'Wrong login or password', [{ path: 'password', message: 'auth.badCredentials' }]);
    return {
      ...signedOut,
      mode: 'signedIn',
      user: { id: '0190a4c2-7e1b-7c4d-8a5e-2f0c3b4d5e6f', login: input.login, displayName: 'Anna Nowak', role: 'registry_clerk', unitCode: 'KO' },
    };
  },
}), { checkOutput: true, logError: () => undefined });

beforeEach(() => {
  attempts = [];
  setApiClient(createClient({ call: (method, input) => dispatch(method, input), on: fakeEvents().on }));
});
enableAutoUnmount(afterEach);

async function signInScreen() {
  const mounted = await mountInApp(SignInView, { before: () => useSessionStore().receiveAuth(signedOut) });
  await flushPromises();
  const { wrapper } = mounted;
  const login = wrapper.get<HTMLInputElement>('#signin-login');
  const password = wrapper.get<HTMLInputElement>('#signin-password');
  async function submit(l: string, p: string): Promise<void> {
    await login.setValue(l);
    await password.setValue(p);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
  }
  return { wrapper, login, password, submit, session: useSessionStore() };
}

describe('the sign-in screen', () => {
  it('starts on the login, names the server and leads to Ustawienia', async () => {
    const { wrapper, login } = await signInScreen();
    expect(document.activeElement).toBe(login.element);
    expect(wrapper.get('h1').text()).toBe('Logowanie');
    expect(wrapper.get('[data-testid="signin-server"]').text()).toBe('Serwer centralny: https://kancelaria.urzad.example.pl');
    expect(wrapper.get('a').attributes('href')).toBe('/ustawienia');
  });

  it('says in Polish that the login or password is wrong, and puts the clerk back on the password', async () => {
    const { wrapper, password, submit, session } = await signInScreen();
    await submit('anna', 'zle-haslo');
    expect(wrapper.get('[role="alert"]').text()).toBe('Nieprawidłowy login lub hasło.');
    expect(password.element.value).toBe('');
    expect(password.attributes('aria-invalid')).toBe('true');
    expect(password.attributes('aria-describedby')).toBe('signin-refusal');
    expect(document.activeElement).toBe(password.element);
    expect(session.needsSignIn).toBe(true);

    await submit('anna', PASSWORD);
    expect(attempts.map((a) => a.password)).toEqual(['zle-haslo', PASSWORD]);
    expect(session.auth?.mode).toBe('signedIn');
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
  });

  it('explains a locked account and an offline login never used here', async () => {
    const { wrapper, login, submit } = await signInScreen();
    await submit('zablokowana', 'cokolwiek');
    expect(wrapper.get('[role="alert"]').text()).toMatch(/^Konto jest czasowo zablokowane/);
    expect(document.activeElement).toBe(login.element);
    await submit('nowa', 'cokolwiek');
    expect(wrapper.get('[role="alert"]').text()).toMatch(/^Serwer centralny jest nieosiągalny/);
  });

  it('asks for both fields without calling core', async () => {
    const { wrapper, submit } = await signInScreen();
    await submit('', '');
    expect(wrapper.findAll('.field .error').map((e) => e.text())).toEqual(['To pole jest wymagane.', 'To pole jest wymagane.']);
    expect(attempts).toEqual([]);
  });
});
