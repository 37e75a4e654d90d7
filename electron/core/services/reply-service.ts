import { officeToday } from '../../../shared/dates.ts';
import type { GeneratedFile } from '../../../shared/documents.ts';
import type { PlaceholderName } from '../../../shared/replies/placeholders.ts';
import type { Reply } from '../../../shared/replies/replies.ts';
import type { AuthService } from '../auth/auth-service.ts';
import type { DbClient } from '../db/db-client.ts';
import type { ContentStore } from '../documents/content-store.ts';
import { uuidv7 } from '../ids.ts';
import type { DocumentsClient } from '../pdf/documents-client.ts';
import { AppError } from '../rpc/app-error.ts';
import { currentActor } from './current-actor.ts';
import { refusalsAsErrors } from './refusals.ts';
import { addresseeLines, answeredLetter, buildLetter, caseValues, type CaseForLetter } from './reply-values.ts';
import type { SettingsService } from './settings-service.ts';
import { requireValidText } from './templates-service.ts';

/**
 * Replies in a case (issue "Replies and outgoing mail", points 2–4): the clerk drafts from a
 * template and edits the text, sends it for akceptacja; it passes the steps of its unit's chain
 * (the head by default), at any of which it may be returned with remarks; accepting the last step
 * makes the czystopis — the final PDF, with the znak sprawy
 * and the tracking QR, kept in the content store and never changed again.
 */
export class ReplyService {
  readonly #db: DbClient;
  readonly #auth: AuthService;
  readonly #settings: SettingsService;
  readonly #documents: DocumentsClient;
  readonly #store: ContentStore;
  readonly #caseOf: (id: string) => Promise<CaseForLetter>;
  readonly #changed: () => void;

  constructor(deps: {
    db: DbClient; auth: AuthService; settings: SettingsService; documents: DocumentsClient; store: ContentStore; caseOf: (id: string) => Promise<CaseForLetter>;
    /** Told after each step, so sync takes it to the other desks at once. */
    changed?: () => void;
  }) {
    this.#db = deps.db;
    this.#auth = deps.auth;
    this.#settings = deps.settings;
    this.#documents = deps.documents;
    this.#store = deps.store;
    this.#caseOf = deps.caseOf;
    this.#changed = deps.changed ?? (() => undefined);
  }

  /** With a central server every step also goes to the outbox, for the other desks (issues 4 and 7). */
  get #outbox(): boolean {
    return this.#auth.serverUrl !== '';
  }

  async #done<T>(step: Promise<T>): Promise<T> {
    const value = await step;
    this.#changed();
    return value;
  }

  async draft(caseId: string, templateId: string): Promise<Reply> {
    const actor = await currentActor(this.#auth, this.#db, this.#settings);
    const letter = await answeredLetter(this.#db, await this.#caseOf(caseId));
    const addressee = addresseeLines(letter?.senderName ?? undefined, letter?.senderAddress ?? undefined).join('\n');
    return this.#done(refusalsAsErrors(() => this.#db.call('replies.draft', { id: uuidv7(), caseId, templateId, addressee, at: new Date().toISOString(), actor, outbox: this.#outbox }), 'invalid_input', 'templateId'));
  }

  async update(id: string, addressee: string, body: string, seenAt?: string): Promise<Reply> {
    requireValidText({ letterhead: '', body, signature: '' });
    const actor = await currentActor(this.#auth, this.#db, this.#settings);
    return this.#done(refusalsAsErrors(() => this.#db.call('replies.update', { id, addressee, body, seenAt, at: new Date().toISOString(), actor, outbox: this.#outbox }), 'conflict', 'body'));
  }

  /** Sent for akceptacja only when every placeholder has its value: the head reads the real letter. */
  async submit(id: string): Promise<Reply> {
    const { missing } = await this.#letter(id, true);
    if (missing.length > 0) throw new AppError('invalid_input', 'Placeholders without a value', [{ path: 'body', message: 'replies.missingValues' }]);
    const actor = await currentActor(this.#auth, this.#db, this.#settings);
    return this.#done(refusalsAsErrors(() => this.#db.call('replies.submit', { id, at: new Date().toISOString(), actor, outbox: this.#outbox }), 'conflict', 'reply'));
  }

  async returnWithRemarks(id: string, remarks: string, seenAt?: string): Promise<Reply> {
    const actor = await currentActor(this.#auth, this.#db, this.#settings);
    return this.#done(refusalsAsErrors(() => this.#db.call('replies.return', { id, remarks, seenAt, at: new Date().toISOString(), actor, outbox: this.#outbox }), 'conflict', 'reply'));
  }

  /**
   * Accepts the step the reply waits at. Before the last step it just moves on to the next one.
   * At the last, the final PDF is made and stored first, then the reply is marked accepted in one
   * transaction that checks again who decides and that the sign is still the one printed. If that
   * refuses, the PDF just written is taken back: nothing final exists without its record.
   */
  async accept(id: string, seenAt?: string): Promise<Reply> {
    const actor = await currentActor(this.#auth, this.#db, this.#settings);
    const { step, final } = await refusalsAsErrors(() => this.#db.call('replies.checkAcceptance', { id, login: actor.login, seenAt }), 'conflict', 'reply');
    if (!final) return this.#done(refusalsAsErrors(() => this.#db.call('replies.acceptStep', { id, step, seenAt, at: new Date().toISOString(), actor, outbox: this.#outbox }), 'conflict', 'reply'));
    const { letter, missing, sign } = await this.#letter(id, false);
    if (missing.length > 0) throw new AppError('invalid_input', 'Placeholders without a value', [{ path: 'body', message: 'replies.missingValues' }]);
    const stored = await this.#store.put(await this.#documents.render({ kind: 'reply-letter', letter }));
    try {
      // With a server, the same transaction queues the PDF's upload before `replies.accept` (acceptReply).
      return await this.#done(refusalsAsErrors(() => this.#db.call('replies.accept', {
        id, finalSha256: stored.sha256, finalSign: sign, step, seenAt, at: new Date().toISOString(), actor, outbox: this.#outbox,
      }), 'conflict', 'reply'));
    } catch (error) {
      if (stored.created) await this.#store.discard(stored.sha256);
      throw error;
    }
  }

  /** The czystopis once accepted; until then the draft as it would print, with PROJEKT across it. */
  async file(id: string): Promise<GeneratedFile & { missing: PlaceholderName[] }> {
    const reply = await this.#db.call('replies.get', id);
    if (!reply) throw new AppError('not_found', 'No such reply');
    const stem = reply.caseSign.replace(/[^\p{L}\p{N}.-]+/gu, '_');
    if (reply.finalSha256 !== null) {
      // Accepted at another desk: the czystopis comes by the blob transfer, maybe not yet.
      if (!(await this.#store.has(reply.finalSha256))) throw finalNotArrived();
      const bytes = await this.#store.read(reply.finalSha256);
      return { fileName: `odpowiedz-${stem}.pdf`, mediaType: 'application/pdf', base64: bytes.toString('base64'), missing: [] };
    }
    const { letter, missing } = await this.#letter(id, true);
    const bytes = await this.#documents.render({ kind: 'reply-letter', letter });
    return { fileName: `projekt-odpowiedzi-${stem}.pdf`, mediaType: 'application/pdf', base64: bytes.toString('base64'), missing };
  }

  async ofCase(caseId: string): Promise<Reply[]> {
    return this.#withFinalPresence(await this.#db.call('replies.ofCase', caseId));
  }

  /**
   * Refuses, in Polish on screen, while the czystopis of an accepted reply is not in this desk's
   * store (accepted elsewhere, the file still on its way): nothing is sent without its PDF.
   */
  async requireFinal(id: string): Promise<void> {
    const reply = await this.#db.call('replies.get', id);
    if (reply?.finalSha256 && !(await this.#store.has(reply.finalSha256))) throw finalNotArrived();
  }

  async #withFinalPresence(replies: (Reply & { finalSha256: string | null })[]): Promise<Reply[]> {
    return Promise.all(replies.map(async ({ finalSha256, ...reply }) => {
      if (reply.state !== 'accepted') return reply;
      return { ...reply, finalMissing: finalSha256 ? !(await this.#store.has(finalSha256)) : false };
    }));
  }

  async awaitingMe(): Promise<Reply[]> {
    const actor = await currentActor(this.#auth, this.#db, this.#settings);
    return this.#db.call('replies.awaiting', actor.login);
  }

  /** The reply as a letter: its template version, its text, the case's values today. */
  async #letter(id: string, draft: boolean) {
    const reply = await this.#db.call('replies.get', id);
    if (!reply) throw new AppError('not_found', 'No such reply');
    const template = await this.#db.call('templates.get', reply.templateId, reply.templateVersion);
    if (!template) throw new AppError('not_found', 'The reply’s template version is missing');
    const found = await this.#caseOf(reply.caseId);
    if (!draft && found.case.sign === null) throw new AppError('conflict', 'Provisional sign', [{ path: 'reply', message: 'replies.provisionalSign' }]);
    const item = await answeredLetter(this.#db, found);
    const values = await caseValues(this.#db, found, item);
    const serverUrl = (await this.#settings.get()).centralServerUrl.replace(/\/+$/u, '');
    const tracking = item === null || draft ? null : { code: item.trackingCode, url: serverUrl === '' ? item.trackingCode : `${serverUrl}/v1/track/${item.trackingCode}` };
    const built = buildLetter(template, reply.body, values, { addressee: reply.addressee.split('\n').filter((l) => l.trim() !== ''), draft, tracking, today: officeToday() });
    return { ...built, sign: found.case.sign ?? '' };
  }
}

function finalNotArrived(): AppError {
  return new AppError('conflict', 'The final PDF has not reached this workstation yet', [{ path: 'reply', message: 'replies.finalNotArrived' }]);
}
