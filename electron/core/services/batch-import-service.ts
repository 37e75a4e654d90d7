import type { DocumentFile, ImportRefusal } from '../../../shared/document-import.ts';
import { parseRpwNumber } from '../../../shared/registry.ts';
import type { BatchSource, ImportBatchResult, TrayAssignResult, TrayPart } from '../../../shared/scan-batch.ts';
import type { AuthService } from '../auth/auth-service.ts';
import type { DbClient } from '../db/db-client.ts';
import type { BatchScanner } from '../documents/barcodes/batch-scanner.ts';
import type { BatchScanOptions } from '../documents/barcodes/prepare-batch.ts';
import { sha256Of, type ContentStore, type StoredFile } from '../documents/content-store.ts';
import type { EventBus } from '../events.ts';
import { uuidv7 } from '../ids.ts';
import { AppError } from '../rpc/app-error.ts';
import { currentActor } from './current-actor.ts';
import type { SettingsService } from './settings-service.ts';

/**
 * Imports a scanned batch of many letters (issue 6, point 5). The order is that of a single
 * import, so nothing is half-stored: the batch is checked, read for barcodes, split and cut into
 * per-letter PDFs in the batch worker before anything is written; then the original and every
 * part's PDF go into the content store; then one database transaction records the batch, attaches
 * the labelled parts to their entries and puts the rest in the tray. If that transaction fails,
 * the files this import added are taken back (the original may stay: the store keeps files
 * nothing names only until the next tidy-up, and it is the clerk's own scan).
 */
export class BatchImportService {
  readonly #db: DbClient;
  readonly #scanner: BatchScanner;
  readonly #store: ContentStore;
  readonly #auth: AuthService;
  readonly #settings: SettingsService;
  readonly #events: EventBus;
  readonly #options: BatchScanOptions;
  readonly #shared: () => void;

  /** `shared`: with a central server, documents made for entries wait to travel (sync is told). */
  constructor(deps: { db: DbClient; scanner: BatchScanner; store: ContentStore; auth: AuthService; settings: SettingsService; events: EventBus; options?: BatchScanOptions; shared?: () => void }) {
    this.#db = deps.db;
    this.#scanner = deps.scanner;
    this.#store = deps.store;
    this.#auth = deps.auth;
    this.#settings = deps.settings;
    this.#events = deps.events;
    this.#options = deps.options ?? {};
    this.#shared = deps.shared ?? (() => undefined);
  }

  /** Whose outbox a document for an entry enters: the signed-in person's with a server, none locally. */
  get #outbox(): string | null {
    return this.#auth.serverUrl !== '' && this.#auth.user !== null ? this.#auth.user.login : null;
  }

  async importBatch(fileName: string, bytes: Uint8Array, { source }: { source: BatchSource }): Promise<ImportBatchResult> {
    if (bytes.byteLength === 0) return refused('documentImport.empty', 'The file is empty');
    if (bytes.byteLength > this.#scanner.limits.maxFileBytes) return refused('documentImport.tooLarge', `The file has ${bytes.byteLength} bytes`);
    // The desk's separator sheet (Ustawienia) is read at each import, so a changed one applies to the next batch.
    const { batchSeparator } = await this.#settings.get();
    const outcome = await this.#scanner.scan(bytes, { ...this.#options, separatorStrings: [...(this.#options.separatorStrings ?? []), batchSeparator] });
    if (!outcome.ok) return refused(outcome.reason, outcome.detail);

    const added: StoredFile[] = [];
    const keep = async (content: Uint8Array): Promise<StoredFile> => {
      const stored = await this.#store.put(content);
      added.push(stored);
      return stored;
    };
    try {
      const original = await keep(bytes);
      const parts = [];
      for (const part of outcome.parts) {
        const pdf = await keep(part.pdf);
        parts.push({ id: uuidv7(), documentId: uuidv7(), pages: part.pages.map((index) => index + 1), pdfSha256: pdf.sha256, pdfSize: pdf.size, label: part.label });
      }
      const actor = await currentActor(this.#auth, this.#db, this.#settings);
      const summary = await this.#db.call('batches.record', {
        id: uuidv7(),
        sourceName: fileName,
        source,
        originalFormat: outcome.format,
        originalSha256: original.sha256,
        originalSize: bytes.byteLength,
        pageCount: outcome.pageCount,
        separatorsDropped: outcome.separators.length,
        importedAt: new Date().toISOString(),
        actor: { login: actor.login, name: actor.name },
        outbox: this.#outbox,
        parts,
      });
      if (summary.duplicate) await this.#takeBack(added);
      else if (summary.attached.length > 0) {
        this.#events.emit('registry.changed', { ids: [...new Set(summary.attached.map((a) => a.itemId))] });
        if (this.#outbox !== null) this.#shared();
      }
      return { status: 'imported', summary };
    } catch (error) {
      await this.#takeBack(added);
      throw error;
    }
  }

  trayList(): Promise<TrayPart[]> {
    return this.#db.call('tray.list', 500);
  }

  /** A tray part's own PDF (its pages cut from the batch), for the clerk to look at before assigning it. */
  async trayFile(trayId: string): Promise<DocumentFile> {
    const part = await this.#db.call('tray.partPdf', trayId);
    if (!part) throw new AppError('not_found', 'No such tray part', [{ path: 'trayId', message: 'tray.errors.gone' }]);
    const bytes = await this.#store.read(part.sha256).catch(() => null);
    if (bytes === null || sha256Of(bytes) !== part.sha256) {
      throw new AppError('not_found', `Stored file ${part.sha256} is missing or damaged`, [{ path: 'trayId', message: 'documentViewer.fileDamaged' }]);
    }
    return { fileName: part.name, mediaType: 'application/pdf', base64: bytes.toString('base64') };
  }

  /** Attaches a tray part to an entry by hand; Polish reasons for a number that is no live entry. */
  async trayAssign(trayId: string, target: { itemId: string | null; rpwNumber: string | null }): Promise<TrayAssignResult> {
    const rpwNumber = target.rpwNumber === null ? null : (parseRpwNumber(target.rpwNumber)?.rpwNumber ?? target.rpwNumber);
    const actor = await currentActor(this.#auth, this.#db, this.#settings);
    try {
      const outbox = this.#outbox;
      const result = await this.#db.call('tray.assign', { partId: trayId, itemId: target.itemId, rpwNumber, documentId: uuidv7(), at: new Date().toISOString(), actor: { login: actor.login, name: actor.name }, outbox });
      this.#events.emit('registry.changed', { ids: [result.itemId] });
      if (outbox !== null) this.#shared();
      return result;
    } catch (error) {
      if (error instanceof Error && error.name === 'Refusal') {
        const key = error.message;
        if (key === 'tray.errors.gone') throw new AppError('not_found', 'The tray part is gone or already assigned', [{ path: 'trayId', message: key }]);
        throw new AppError('invalid_input', 'No live register entry with that number', [{ path: 'rpwNumber', message: key }]);
      }
      throw error;
    }
  }

  /** Removes files this import wrote, unless something recorded meanwhile names them. */
  async #takeBack(files: readonly StoredFile[]): Promise<void> {
    for (const file of files) {
      if (file.created && !(await this.#db.call('batches.fileInUse', file.sha256).catch(() => true))) await this.#store.discard(file.sha256);
    }
  }
}

function refused(reason: ImportRefusal, detail: string): ImportBatchResult {
  return { status: 'refused', reason, detail };
}
