import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { RpcError, toIssues, type ErrorCode, type Issue } from '../../shared/result.ts';
import { SignInInput, type AuthStatus, type SyncStatus } from '../../shared/sync/status.ts';
import { useApi } from '../api/index.ts';

/** One thing wrong with a sign-in: on a field, or (field null) about the attempt as a whole. */
export interface SignInProblem {
  readonly field: 'login' | 'password' | null;
  /** An i18n key: `auth.badCredentials`, `validation.required`, `errors.internal`… */
  readonly messageKey: string;
}

/**
 * Who is signed in at this workstation and how its sync with the central server stands. Core
 * owns both; this store mirrors them from `auth.status`/`sync.status` at start and from the
 * `auth.changed`/`sync.status` events after that, so the header and the sign-in screen never
 * poll.
 */
export const useSessionStore = defineStore('session', () => {
  const auth = ref<AuthStatus | null>(null);
  const sync = ref<SyncStatus | null>(null);
  const errorCode = ref<ErrorCode | null>(null);
  const signingIn = ref(false);
  const syncingNow = ref(false);
  // Bumped by every event: an answer to `load` that started before an event is older than it.
  let authVersion = 0;
  let syncVersion = 0;

  /** A server is configured and nobody has signed in: everything but Ustawienia waits. */
  const needsSignIn = computed(() => auth.value?.mode === 'signedOut');
  /** A central server is configured (signed in or not): the sync state is worth showing. */
  const usesServer = computed(() => auth.value !== null && auth.value.mode !== 'local');
  /** Whose inbox and cases the screens show: the signed-in person, or local mode's chosen one. */
  const actingPerson = computed(() => {
    const a = auth.value;
    if (a?.user) return { login: a.user.login, displayName: a.user.displayName, unitCode: a.user.unitCode };
    if (a?.localPerson) return { login: a.localPerson.login, displayName: a.localPerson.displayName, unitCode: a.localPerson.unitCode };
    return null;
  });

  async function load(): Promise<void> {
    const authAsked = authVersion;
    const syncAsked = syncVersion;
    try {
      const [nextAuth, nextSync] = await Promise.all([useApi().call('auth.status', {}), useApi().call('sync.status', {})]);
      if (authAsked === authVersion) auth.value = nextAuth;
      if (syncAsked === syncVersion) sync.value = nextSync;
      errorCode.value = null;
    } catch (error) {
      errorCode.value = codeOf(error);
    }
  }

  function receiveAuth(next: AuthStatus): void {
    authVersion += 1;
    auth.value = next;
  }

  function receiveSync(next: SyncStatus): void {
    syncVersion += 1;
    sync.value = next;
  }

  /** Follows core's events; call before `load` so nothing between the two is missed. */
  function listen(): () => void {
    const api = useApi();
    const stops = [api.on('auth.changed', receiveAuth), api.on('sync.status', receiveSync)];
    return () => {
      for (const stop of stops) stop();
    };
  }

  /** Signs in; returns what to tell the clerk, empty when signed in (online or offline). */
  async function signIn(credentials: SignInInput): Promise<SignInProblem[]> {
    const parsed = SignInInput.safeParse(credentials);
    if (!parsed.success) return fieldProblems(toIssues(parsed.error));
    signingIn.value = true;
    try {
      receiveAuth(await useApi().call('auth.signIn', parsed.data));
      return [];
    } catch (error) {
      const problems = error instanceof RpcError ? fieldProblems(error.issues) : [];
      if (problems.length > 0) return problems;
      const code = codeOf(error);
      // Without issues, `unavailable` is the central server refusing for a reason of its own
      // (or core out of reach): either way "try again", not "restart the application".
      return [{ field: null, messageKey: code === 'unavailable' ? 'auth.failed' : `errors.${code}` }];
    } finally {
      signingIn.value = false;
    }
  }

  async function signOut(): Promise<void> {
    try {
      receiveAuth(await useApi().call('auth.signOut', {}));
      errorCode.value = null;
    } catch (error) {
      errorCode.value = codeOf(error);
    }
  }

  /** Local mode's "Pracuję jako": who works here (null: nobody in particular). */
  async function actAs(login: string | null): Promise<void> {
    try {
      receiveAuth(await useApi().call('auth.actAs', { login }));
      errorCode.value = null;
    } catch (error) {
      errorCode.value = codeOf(error);
    }
  }

  /** "Synchronizuj teraz": runs a cycle in core and waits for it. */
  async function syncNow(): Promise<void> {
    if (syncingNow.value) return;
    syncingNow.value = true;
    try {
      receiveSync(await useApi().call('sync.now', {}));
      errorCode.value = null;
    } catch (error) {
      errorCode.value = codeOf(error);
    } finally {
      syncingNow.value = false;
    }
  }

  return { auth, sync, errorCode, signingIn, syncingNow, needsSignIn, usesServer, actingPerson, load, listen, receiveAuth, receiveSync, signIn, signOut, actAs, syncNow };
});

function codeOf(error: unknown): ErrorCode {
  return error instanceof RpcError ? error.code : 'internal';
}

function fieldProblems(issues: readonly Issue[]): SignInProblem[] {
  return issues.map((issue) => ({
    field: issue.path === 'login' || issue.path === 'password' ? issue.path : null,
    messageKey: issue.message,
  }));
}
