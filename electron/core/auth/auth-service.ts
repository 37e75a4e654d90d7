import type { SessionUser } from '../../../shared/sync/protocol.ts';
import type { AuthStatus, SignInInput } from '../../../shared/sync/status.ts';
import type { DbClient } from '../db/db-client.ts';
import type { EventBus } from '../events.ts';
import { AppError } from '../rpc/app-error.ts';
import type { PersonRow } from '../db/repositories/organisation.ts';
import type { SettingsService } from '../services/settings-service.ts';
import { ServerClient, ServerHttpError, ServerUnreachableError } from '../sync/server-client.ts';
import { checkVerifier, makeVerifier } from './password-verifier.ts';
import type { TokenVault } from './token-vault.ts';

interface Session {
  readonly user: SessionUser;
  /** The bearer token for the server; null after an offline unlock with no usable stored token. */
  readonly token: string | null;
  readonly offline: boolean;
}

/**
 * Who works at this workstation. Without a central server nobody signs in (local work, as
 * before). With one, the clerk signs in online; the token is kept in the vault across restarts,
 * and someone who signed in here online before may unlock the local cache while the server is
 * out of reach.
 */
export class AuthService {
  readonly #db: DbClient;
  readonly #settings: SettingsService;
  readonly #vault: TokenVault;
  readonly #events: EventBus;
  readonly #fetch: typeof fetch | undefined;
  readonly #now: () => Date;
  #session: Session | null = null;
  #serverUrl = '';
  /** Local mode: who said "Pracuję jako" here. */
  #localPerson: PersonRow | null = null;

  constructor(deps: { db: DbClient; settings: SettingsService; vault: TokenVault; events: EventBus; fetch?: typeof fetch; now?: () => Date }) {
    this.#db = deps.db;
    this.#settings = deps.settings;
    this.#vault = deps.vault;
    this.#events = deps.events;
    this.#fetch = deps.fetch;
    this.#now = deps.now ?? (() => new Date());
  }

  /** Picks up the stored session if it is for the configured server and has not expired. */
  async restore(): Promise<void> {
    this.#serverUrl = (await this.#settings.get()).centralServerUrl;
    const stored = await this.#vault.load();
    if (stored && stored.serverUrl === this.#serverUrl && this.#serverUrl !== '' && new Date(stored.expiresAt) > this.#now()) {
      this.#session = { user: stored.user, token: stored.token, offline: false };
    }
    await this.#loadLocalPerson();
  }

  /** The settings changed: another server (or none) ends the session. */
  async settingsChanged(): Promise<void> {
    const serverUrl = (await this.#settings.get()).centralServerUrl;
    if (serverUrl === this.#serverUrl) return;
    this.#serverUrl = serverUrl;
    this.#session = null;
    this.#vault.clear();
    await this.#loadLocalPerson();
    this.#emit();
  }

  status(): AuthStatus {
    if (this.#serverUrl === '') return { mode: 'local', user: null, offline: false, serverUrl: '', localPerson: this.#localPersonStatus() };
    return {
      mode: this.#session ? 'signedIn' : 'signedOut',
      user: this.#session?.user ?? null,
      offline: this.#session?.offline ?? false,
      serverUrl: this.#serverUrl,
      localPerson: null,
    };
  }

  /**
   * "Pracuję jako": without a central server there is nobody to check a password against, so
   * the clerk says who they are (an active person of the organisation). With a server, people
   * sign in instead.
   */
  async actAs(login: string | null): Promise<AuthStatus> {
    if (this.#serverUrl !== '') throw new AppError('forbidden', 'With a central server people sign in instead');
    const person = login === null ? null : await this.#db.call('organisation.person', login);
    if (login !== null && (person === null || !person.active)) {
      throw new AppError('invalid_input', 'No such active person in the organisation', [{ path: 'login', message: 'auth.unknownPerson' }]);
    }
    await this.#db.call('auth.setLocalPerson', person?.login ?? null, this.#now().toISOString());
    this.#localPerson = person;
    this.#emit();
    return this.status();
  }

  /** Local mode's chosen person (null with a server, or while nobody has been chosen). */
  get localPerson(): PersonRow | null {
    return this.#serverUrl === '' ? this.#localPerson : null;
  }

  get serverUrl(): string {
    return this.#serverUrl;
  }

  get user(): SessionUser | null {
    return this.#session?.user ?? null;
  }

  get token(): string | null {
    return this.#session?.token ?? null;
  }

  /** True when the clerk may use the local data: local mode, or someone is signed in. */
  get unlocked(): boolean {
    return this.#serverUrl === '' || this.#session !== null;
  }

  client(): ServerClient {
    return new ServerClient({ baseUrl: this.#serverUrl, token: () => this.token, fetch: this.#fetch });
  }

  async signIn(input: { login: string; password: string }): Promise<AuthStatus> {
    if (this.#serverUrl === '') throw new AppError('not_configured', 'No central server is configured; nobody needs to sign in');
    const settings = await this.#settings.get();
    const credentials: SignInInput = input;
    try {
      const response = await this.client().signIn({ ...credentials, clientLabel: settings.workstationName });
      await this.#vault.save({ serverUrl: this.#serverUrl, token: response.token, expiresAt: response.expiresAt, user: response.user });
      await this.#db.call('auth.rememberUser', response.user, await makeVerifier(input.password), this.#now().toISOString());
      this.#session = { user: response.user, token: response.token, offline: false };
    } catch (error) {
      if (error instanceof ServerHttpError) throw signInRefusal(error);
      if (!(error instanceof ServerUnreachableError)) throw error;
      await this.#unlockOffline(input);
    }
    this.#emit();
    return this.status();
  }

  async signOut(): Promise<AuthStatus> {
    const client = this.#session?.token ? this.client() : null;
    this.#session = null;
    this.#vault.clear();
    this.#emit();
    // Ending the token on the server is best effort: offline, it simply expires there.
    await client?.signOut().catch(() => undefined);
    return this.status();
  }

  /** The server refused the token (expired or revoked): it is forgotten; the clerk stays unlocked. */
  tokenRejected(): void {
    if (!this.#session) return;
    this.#session = { ...this.#session, token: null, offline: true };
    this.#vault.clear();
    this.#emit();
  }

  async #unlockOffline(input: { login: string; password: string }): Promise<void> {
    const known = await this.#db.call('auth.knownUser', input.login);
    if (!known || !(await checkVerifier(input.password, known.verifier))) {
      throw new AppError('unavailable', 'The server is unreachable and this login has not signed in here before, or the password differs', [
        { path: 'login', message: 'auth.offlineUnknown' },
      ]);
    }
    // A stored token of the same person still works once the network is back.
    const stored = await this.#vault.load();
    const token = stored && stored.user.id === known.user.id && stored.serverUrl === this.#serverUrl && new Date(stored.expiresAt) > this.#now() ? stored.token : null;
    this.#session = { user: known.user, token, offline: true };
  }

  /** The organisation changed: the chosen person may have left it. */
  async organisationChanged(): Promise<void> {
    await this.#loadLocalPerson();
    this.#emit();
  }

  async #loadLocalPerson(): Promise<void> {
    const login = this.#serverUrl === '' ? await this.#db.call('auth.localPerson') : null;
    const person = login === null ? null : await this.#db.call('organisation.person', login);
    this.#localPerson = person?.active === true ? person : null;
  }

  #localPersonStatus(): AuthStatus['localPerson'] {
    const p = this.#localPerson;
    return p ? { login: p.login, displayName: p.displayName, post: p.post, unitCode: p.unitCode, roles: p.roles } : null;
  }

  #emit(): void {
    this.#events.emit('auth.changed', this.status());
  }
}

function signInRefusal(error: ServerHttpError): AppError {
  switch (error.code) {
    case 'bad_credentials':
      return new AppError('unauthenticated', 'Wrong login or password', [{ path: 'password', message: 'auth.badCredentials' }]);
    case 'locked':
      return new AppError('unauthenticated', 'Account locked for a while', [{ path: 'login', message: 'auth.locked' }]);
    default:
      return new AppError('unavailable', `The server refused the sign-in: ${error.message}`);
  }
}
