import type { CaseRecord, CaseRegisterRow, OpenCase } from '../../../shared/cases.ts';
import type { AuthService } from '../auth/auth-service.ts';
import type { DbClient } from '../db/db-client.ts';
import { uuidv7 } from '../ids.ts';
import { AppError } from '../rpc/app-error.ts';
import { currentActor } from './current-actor.ts';
import { refusalsAsErrors } from './refusals.ts';
import type { SettingsService } from './settings-service.ts';

/** Opening, reading and closing cases; the server numbers them when there is one. */
export class CasesService {
  readonly #db: DbClient;
  readonly #auth: AuthService;
  readonly #settings: SettingsService;
  readonly #changed: () => void;

  constructor(deps: { db: DbClient; auth: AuthService; settings: SettingsService; changed: () => void }) {
    this.#db = deps.db;
    this.#auth = deps.auth;
    this.#settings = deps.settings;
    this.#changed = deps.changed;
  }

  async open(input: OpenCase): Promise<CaseRecord> {
    const actor = await currentActor(this.#auth, this.#db, this.#settings);
    const opened = await refusalsAsErrors(() => this.#db.call('cases.open', {
      id: uuidv7(), input, at: new Date().toISOString(), actor, numbering: this.#auth.serverUrl === '' ? 'local' : 'server',
    }), 'invalid_input', 'case');
    this.#changed();
    return opened;
  }

  async get(id: string) {
    const found = await this.#db.call('cases.get', id);
    if (!found) throw new AppError('not_found', 'No such case');
    return found;
  }

  async close(id: string, settlement: string): Promise<CaseRecord> {
    const actor = await currentActor(this.#auth, this.#db, this.#settings);
    return refusalsAsErrors(() => this.#db.call('cases.close', { caseId: id, settlement, at: new Date().toISOString(), actor }), 'conflict', 'case');
  }

  async addNote(id: string, text: string): Promise<void> {
    const actor = await currentActor(this.#auth, this.#db, this.#settings);
    await refusalsAsErrors(() => this.#db.call('cases.addNote', { caseId: id, text, at: new Date().toISOString(), actor }), 'conflict', 'case');
  }

  register(query: { jrwaSymbol: string; year: number; unitCode: string | null }): Promise<CaseRegisterRow[]> {
    return this.#db.call('cases.register', query);
  }
}
