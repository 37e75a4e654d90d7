import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../electron/core/rpc/dispatch.ts';
import { AppError } from '../../electron/core/rpc/app-error.ts';
import { handlersFor } from '../../electron/core/test-support/handlers.ts';
import { createClient } from '../../shared/rpc/client.ts';
import type { AuthStatus, SyncStatus } from '../../shared/sync/status.ts';
import { setApiClient } from '../api/index.ts';
import { useSessionStore } from './session.ts';
import { fakeEvents, type FakeEvents } from '../test-support/fake-events.ts';

// The store talks to core's real dispatch (contract parsing included); sign-in and sync are
// plain variables here. The real path to a central server is covered by tests/e2e/sync.spec.ts.
const USER = { id: '0190a4c2-7e1b-7c4d-8a5e-2f0c3b4d5e6f', login: 'anna', displayName: 'Anna Nowak', role: 'registry_clerk', unitCode: 'KO' } as const;
const signedOut: AuthStatus = { mode: 'signedOut', user: null, offline: false, serverUrl: 'https://k.example.pl', localPerson: null };
const signedIn: AuthStatus = { ...signedOut, mode: 'signedIn', user: USER };
const idle: SyncStatus = { state: 'signedOut', pending: 0, othersPending: 0, files: 0, issues: 0, lastSyncAt: null, nextAttemptAt: null, lastError: null };

let authNow: AuthStatus;
let syncNow: SyncStatus;
let events: FakeEvents;
/** While set, `auth.status` waits for it: lets a test have an event overtake the answer. */
let gate: Promise<void> | null;

const dispatch = createDispatch(handlersFor({
  'auth.status': async () => {
    if (gate) await gate;
    return authNow;
  },
  'sync.status': () => syncNow,
  'auth.signIn': (input) => {
    if (input.password !== 'dobre-haslo-123') {
      throw new AppError('unauthenticated', 'Wrong login or password', [{ path: 'password', message: 'auth.badCredentials' }]);
    }
    authNow = signedIn;
    return authNow;
  },
  'auth.signOut': () => (authNow = signedOut),
  'sync.now': () => (syncNow = { ...syncNow, state: 'online', pending: 0, lastSyncAt: '2026-11-20T10:00:00.000Z' }),
}), { checkOutput: true, logError: () => undefined });

beforeEach(() => {
  authNow = signedOut;
  syncNow = idle;
  gate = null;
  events = fakeEvents();
  setApiClient(createClient({ call: (method, input) => dispatch(method, input), on: events.on }));
  setActivePinia(createPinia());
});

describe('session store', () => {
  it('loads who is signed in and how sync stands', async () => {
    const store = useSessionStore();
    await store.load();
    expect(store.auth).toEqual(signedOut);
    expect(store.sync).toEqual(idle);
    expect(store.needsSignIn).toBe(true);
    expect(store.usesServer).toBe(true);
  });

  it('follows auth.changed and sync.status events from core', async () => {
    const store = useSessionStore();
    store.listen();
    await store.load();
    events.emit('auth.changed', signedIn);
    events.emit('sync.status', { ...idle, state: 'offline', pending: 3, nextAttemptAt: '2026-11-20T10:42:00.000Z', lastError: 'sync.errors.unreachable' });
    expect(store.needsSignIn).toBe(false);
    expect(store.auth?.user?.displayName).toBe('Anna Nowak');
    expect(store.sync).toMatchObject({ state: 'offline', pending: 3 });

    events.emit('auth.changed', { mode: 'local', user: null, offline: false, serverUrl: '', localPerson: null });
    expect(store.usesServer).toBe(false);
  });

  it('drops events that break the contract instead of showing nonsense', async () => {
    const store = useSessionStore();
    store.listen();
    await store.load();
    events.emit('sync.status', { state: 'teleporting', pending: -1 });
    expect(store.sync).toEqual(idle);
  });

  it('keeps an event that overtook the answer to load', async () => {
    const store = useSessionStore();
    store.listen();
    let open = (): void => undefined;
    gate = new Promise((resolve) => (open = resolve));
    const loading = store.load();
    events.emit('auth.changed', signedIn);
    open();
    await loading;
    // Core answered "signed out" before the sign-in happened; the event is the newer truth.
    expect(store.auth).toEqual(signedIn);
  });

  it('stops unfinished credentials before they leave the form', async () => {
    const store = useSessionStore();
    expect(await store.signIn({ login: '  ', password: '' })).toEqual([
      { field: 'login', messageKey: 'validation.required' },
      { field: 'password', messageKey: 'validation.required' },
    ]);
  });

  it('signs in and out, and reports a wrong password as core words it', async () => {
    const store = useSessionStore();
    await store.load();
    expect(await store.signIn({ login: 'anna', password: 'zle' })).toEqual([{ field: 'password', messageKey: 'auth.badCredentials' }]);
    expect(store.needsSignIn).toBe(true);
    expect(store.signingIn).toBe(false);

    expect(await store.signIn({ login: 'anna', password: 'dobre-haslo-123' })).toEqual([]);
    expect(store.auth).toEqual(signedIn);

    await store.signOut();
    expect(store.needsSignIn).toBe(true);
  });

  it('answers "try again" when core or the server cannot take the sign-in at all', async () => {
    setApiClient(createClient({ call: () => Promise.reject(new TypeError('Failed to fetch')), on: events.on }));
    const store = useSessionStore();
    expect(await store.signIn({ login: 'anna', password: 'x' })).toEqual([{ field: null, messageKey: 'auth.failed' }]);
  });

  it('runs a sync on request and shows its outcome', async () => {
    const store = useSessionStore();
    await store.load();
    await store.syncNow();
    expect(store.sync).toMatchObject({ state: 'online', pending: 0 });
    expect(store.syncingNow).toBe(false);
  });
});
