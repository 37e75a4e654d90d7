import { officeToday } from '../../../shared/dates.ts';
import type { z } from 'zod';
import type { GeneratedFile } from '../../../shared/documents.ts';
import type { NumberRegister } from '../../../shared/sync/protocol.ts';
import type { DispatchReplyInput, OutgoingLetter, OutgoingListQuery, OutgoingPrintRequest, RecordDeliveryInput, RecordReturnInput } from '../../../shared/outgoing/outgoing.ts';
import { assertNever } from '../../../shared/result.ts';
import type { DocumentsClient } from '../pdf/documents-client.ts';
import type { PostalSender } from '../pdf/dispatch-book.ts';
import type { AuthService } from '../auth/auth-service.ts';
import type { DbClient } from '../db/db-client.ts';
import { uuidv7 } from '../ids.ts';
import { AppError } from '../rpc/app-error.ts';
import { currentActor } from './current-actor.ts';
import { refusalsAsErrors } from './refusals.ts';
import type { SettingsService } from './settings-service.ts';

type Parsed<T extends z.ZodType> = z.output<T>;

/**
 * The outgoing register (issue "Replies and outgoing mail", points 5 and 7): an accepted reply is
 * sent under the desk's next RKW number and, as a rule, closes its case; delivery or return is
 * recorded later from the return receipt and shows in the case's and the letter's path.
 */
export class OutgoingService {
  readonly #db: DbClient;
  readonly #auth: AuthService;
  readonly #settings: SettingsService;
  readonly #changed: () => void;
  readonly #documents: DocumentsClient;
  readonly #requireFinal: (replyId: string) => Promise<void>;
  readonly #leaseNow: LeaseNow;

  constructor(deps: {
    db: DbClient; auth: AuthService; settings: SettingsService; documents: DocumentsClient; changed: () => void;
    /** Refuses while the reply's czystopis has not reached this desk (accepted at another). */
    requireFinal?: (replyId: string) => Promise<void>;
    leaseNow?: LeaseNow;
  }) {
    this.#db = deps.db;
    this.#requireFinal = deps.requireFinal ?? (() => Promise.resolve());
    this.#leaseNow = deps.leaseNow ?? (() => Promise.resolve(false));
    this.#documents = deps.documents;
    this.#auth = deps.auth;
    this.#settings = deps.settings;
    this.#changed = deps.changed;
  }

  /**
   * With a central server the RKW number comes from a block leased to this person here. With none
   * left (the first letter they send from this desk, or all used offline) a block is leased now if
   * the server can be reached; otherwise the letter is refused, not numbered locally.
   */
  async dispatchReply(input: Parsed<typeof DispatchReplyInput>): Promise<OutgoingLetter> {
    if (input.sentOn > officeToday()) throw new AppError('invalid_input', 'Sent in the future', [{ path: 'sentOn', message: 'outgoing.errors.future' }]);
    await this.#requireFinal(input.replyId);
    const actor = await currentActor(this.#auth, this.#db, this.#settings);
    const { deskCode: setting } = await this.#settings.get();
    const deskCode = setting === '' ? null : setting;
    const args = {
      id: uuidv7(), replyId: input.replyId, deskCode, channel: input.channel,
      addresseeName: input.addresseeName, addressLines: input.addressLines, sentOn: input.sentOn, postageGrosze: input.postage,
      massGrams: input.mass, trackingNumber: input.trackingNumber,
      close: input.closeCase ? { settlement: input.settlement ?? '' } : null,
      // With a central server the sending and the closure go to the outbox, so the other desks and the letter's public path see them.
      outbox: this.#outbox, at: new Date().toISOString(), actor,
    };
    const send = () => refusalsAsErrors(() => this.#db.call('outgoing.dispatchReply', args), 'conflict', 'replyId');
    let letter: OutgoingLetter;
    try {
      letter = await send();
    } catch (error) {
      if (!isNoNumbersLeft(error)) throw error;
      const desk = await this.#db.call('outgoing.deskOf', input.replyId, deskCode);
      if (desk === null || !(await this.#leaseNow('rkw', desk, Number(input.sentOn.slice(0, 4))))) throw noNumbersError();
      try {
        letter = await send();
      } catch (again) {
        throw isNoNumbersLeft(again) ? noNumbersError() : again;
      }
    }
    this.#changed();
    return letter;
  }

  async recordDelivery(input: Parsed<typeof RecordDeliveryInput>): Promise<OutgoingLetter> {
    const actor = await currentActor(this.#auth, this.#db, this.#settings);
    const outcome = input.kind === 'awizo_fiction' ? { kind: input.kind, firstNoticeOn: input.firstNoticeOn } : { kind: input.kind, deliveredOn: input.deliveredOn };
    const field = input.kind === 'awizo_fiction' ? 'firstNoticeOn' : 'deliveredOn';
    const recorded = await refusalsAsErrors(() => this.#db.call('outgoing.recordDelivery', { id: input.id, outcome, today: officeToday(), at: new Date().toISOString(), actor, outbox: this.#outbox }), 'conflict', field);
    this.#changed();
    return recorded;
  }

  async recordReturn(input: Parsed<typeof RecordReturnInput>): Promise<OutgoingLetter> {
    const actor = await currentActor(this.#auth, this.#db, this.#settings);
    const recorded = await refusalsAsErrors(() => this.#db.call('outgoing.recordReturn', {
      id: input.id, returnedOn: input.returnedOn, reason: input.reason, today: officeToday(), at: new Date().toISOString(), actor, outbox: this.#outbox,
    }), 'conflict', 'returnedOn');
    this.#changed();
    return recorded;
  }

  get #outbox(): boolean {
    return this.#auth.serverUrl !== '';
  }

  ofCase(caseId: string): Promise<OutgoingLetter[]> {
    return this.#db.call('outgoing.ofCase', caseId);
  }

  list(query: Parsed<typeof OutgoingListQuery>): Promise<OutgoingLetter[]> {
    return this.#db.call('outgoing.list', query);
  }

  /** The desk's postal papers; the dispatch book is the desk's own unless another is named. */
  async print(request: Parsed<typeof OutgoingPrintRequest>): Promise<GeneratedFile> {
    switch (request.kind) {
      case 'dispatchBook': {
        const settings = await this.#settings.get();
        const deskCode = request.deskCode ?? (settings.deskCode === '' ? null : settings.deskCode);
        const letters = await this.#db.call('outgoing.dispatchBook', request.date, deskCode);
        const book = { sender: senderOf(settings.postalSender), date: request.date, deskCode: deskCode ?? '', letters };
        const stem = `ksiazka-nadawcza-${request.date}${deskCode === null ? '' : `-${deskCode}`}`;
        if (request.format === 'csv') return { fileName: `${stem}.csv`, mediaType: 'text/csv', base64: (await this.#documents.render({ kind: 'dispatch-book-csv', book })).toString('base64') };
        return pdf(`${stem}.pdf`, await this.#documents.render({ kind: 'dispatch-book-pdf', book }));
      }
      case 'labels': {
        const letters = await this.#chosen(request.ids);
        return pdf(`etykiety-adresowe-${letters[0]?.sentOn ?? ''}.pdf`, await this.#documents.render({ kind: 'address-labels', letters, position: request.position }));
      }
      case 'envelopes': {
        const letters = await this.#chosen(request.ids);
        const sender = senderOf((await this.#settings.get()).postalSender);
        return pdf(`koperty-${request.format}-${letters[0]?.sentOn ?? ''}.pdf`, await this.#documents.render({ kind: 'envelopes', letters, format: request.format, sender }));
      }
      default:
        return assertNever(request);
    }
  }

  async #chosen(ids: readonly string[]): Promise<OutgoingLetter[]> {
    const letters = await this.#db.call('outgoing.byIds', ids);
    if (letters.length !== ids.length) throw new AppError('not_found', 'Some letters are not in the outgoing register', [{ path: 'ids', message: 'errors.not_found' }]);
    return letters;
  }
}

/** Leases a block of a register's numbers for a desk and year now; false when the server cannot be asked. */
export type LeaseNow = (register: NumberRegister, deskCode: string, year: number) => Promise<boolean>;

function isNoNumbersLeft(error: unknown): boolean {
  return error instanceof Error && error.name === 'NoNumbersLeftError';
}

function noNumbersError(): AppError {
  return new AppError('unavailable', 'No leased RKW numbers left; connect to the central server', [{ path: 'replyId', message: 'outgoing.errors.noNumbers' }]);
}

/** The postal sender from the settings; printing without one would put an anonymous office on the book. */
function senderOf(setting: string): PostalSender {
  const [name, ...addressLines] = setting.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  if (name === undefined || addressLines.length === 0) throw new AppError('not_configured', 'No postal sender in the settings', [{ path: 'postalSender', message: 'outgoing.errors.noSender' }]);
  return { name, addressLines };
}

function pdf(fileName: string, bytes: Buffer): GeneratedFile {
  return { fileName, mediaType: 'application/pdf', base64: bytes.toString('base64') };
}
