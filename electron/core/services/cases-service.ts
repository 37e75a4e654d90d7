import type { CaseRecord, CaseRegisterRow, CaseScope, CaseWithDeadline, OpenCase } from '../../../shared/cases.ts';
import { officeToday } from '../../../shared/dates.ts';
import { caseDeadlineView } from './case-deadline-view.ts';
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

  async open(input: OpenCase): Promise<CaseWithDeadline> {
    const actor = await currentActor(this.#auth, this.#db, this.#settings);
    const opened = await refusalsAsErrors(() => this.#db.call('cases.open', {
      id: uuidv7(), input, at: new Date().toISOString(), actor, numbering: this.#auth.serverUrl === '' ? 'local' : 'server',
    }), 'invalid_input', 'case');
    this.#changed();
    return this.#withDeadline(opened);
  }

  async get(id: string) {
    const found = await this.#db.call('cases.get', id);
    if (!found) throw new AppError('not_found', 'No such case');
    return { ...found, case: await this.#withDeadline(found.case) };
  }

  async close(id: string, settlement: string): Promise<CaseWithDeadline> {
    const actor = await currentActor(this.#auth, this.#db, this.#settings);
    const closed = await refusalsAsErrors(() => this.#db.call('cases.close', { caseId: id, settlement, at: new Date().toISOString(), actor, outbox: this.#outbox }), 'conflict', 'case');
    this.#changed();
    return this.#withDeadline(closed);
  }

  /** Another letter joins the case (a reply to our call, a supplement); its metryka says so. */
  async attachItem(id: string, itemId: string): Promise<CaseWithDeadline> {
    const actor = await currentActor(this.#auth, this.#db, this.#settings);
    await refusalsAsErrors(() => this.#db.call('cases.attachItem', { caseId: id, itemId, at: new Date().toISOString(), actor, outbox: this.#outbox }), 'conflict', 'itemId');
    this.#changed();
    return (await this.get(id)).case;
  }

  async addNote(id: string, text: string): Promise<void> {
    const actor = await currentActor(this.#auth, this.#db, this.#settings);
    await refusalsAsErrors(() => this.#db.call('cases.addNote', { caseId: id, noteId: uuidv7(), text, at: new Date().toISOString(), actor, outbox: this.#outbox }), 'conflict', 'case');
    this.#changed();
  }

  /** With a central server, every change to a case also goes to the outbox, in its own transaction. */
  get #outbox(): boolean {
    return this.#auth.serverUrl !== '';
  }

  async pause(id: string, from: string, reason: string): Promise<CaseWithDeadline> {
    const actor = await currentActor(this.#auth, this.#db, this.#settings);
    await refusalsAsErrors(() => this.#db.call('cases.pause', { caseId: id, from, reason, at: new Date().toISOString(), actor, outbox: this.#outbox }), 'conflict', 'from');
    this.#changed();
    return (await this.get(id)).case;
  }

  async resume(id: string, to: string): Promise<CaseWithDeadline> {
    const actor = await currentActor(this.#auth, this.#db, this.#settings);
    await refusalsAsErrors(() => this.#db.call('cases.resume', { caseId: id, to, at: new Date().toISOString(), actor, outbox: this.#outbox }), 'conflict', 'to');
    this.#changed();
    return (await this.get(id)).case;
  }

  async extend(id: string, noticeOn: string, newDate: string, reason: string): Promise<CaseWithDeadline> {
    const actor = await currentActor(this.#auth, this.#db, this.#settings);
    await refusalsAsErrors(() => this.#db.call('cases.extend', { caseId: id, noticeOn, newDate, reason, at: new Date().toISOString(), actor, outbox: this.#outbox }), 'invalid_input', 'newDate');
    this.#changed();
    return (await this.get(id)).case;
  }

  /** "Moje sprawy": the cases I handle, or those of the units I head. */
  async list(query: { scope: CaseScope; includeClosed: boolean; limit: number }): Promise<CaseWithDeadline[]> {
    const actor = await currentActor(this.#auth, this.#db, this.#settings);
    const today = officeToday();
    return (await this.#db.call('cases.of', { login: actor.login, ...query }))
      .map(({ case: record, facts }) => ({ ...record, deadline: caseDeadlineView(record, facts, today) }));
  }

  /** The cases a letter belongs to, against their terms: shown in its register entry. */
  async ofItem(itemId: string): Promise<CaseWithDeadline[]> {
    const today = officeToday();
    return (await this.#db.call('cases.ofItem', itemId)).map(({ case: record, facts }) => ({ ...record, deadline: caseDeadlineView(record, facts, today) }));
  }

  /** Open cases (mine, or my units') due within three days or overdue, most urgent first. */
  async dueSoon(scope: CaseScope): Promise<CaseWithDeadline[]> {
    return (await this.list({ scope, includeClosed: false, limit: 10_000 }))
      .filter((c) => c.deadline?.state === 'dueSoon' || c.deadline?.state === 'overdue')
      .sort((a, b) => (a.deadline?.currentDueDate ?? '').localeCompare(b.deadline?.currentDueDate ?? ''));
  }

  async #withDeadline(record: CaseRecord): Promise<CaseWithDeadline> {
    const facts = await this.#db.call('cases.deadlineFacts', record.id);
    return { ...record, deadline: caseDeadlineView(record, facts, officeToday()) };
  }

  register(query: { jrwaSymbol: string; year: number; unitCode: string | null; from: string | null; to: string | null }): Promise<CaseRegisterRow[]> {
    return this.#db.call('cases.register', query);
  }
}
