import { stat, readFile } from 'node:fs/promises';
import {
  IMPORT_MEDIA_TYPES,
  isReadableCopy,
  pdfFileName,
  type DocumentFile,
  type ImportDocumentResult,
  type ImportRefusal,
  type ItemDocument,
  type StoredFileKind,
} from '../../../shared/document-import.ts';
import type { AuthService } from '../auth/auth-service.ts';
import type { DbClient } from '../db/db-client.ts';
import { sha256Of, type ContentStore, type StoredFile } from '../documents/content-store.ts';
import type { ImportInspector } from '../documents/import-inspector.ts';
import type { EventBus } from '../events.ts';
import { uuidv7 } from '../ids.ts';
import { AppError } from '../rpc/app-error.ts';
import { currentActor } from './current-actor.ts';
import type { SettingsService } from './settings-service.ts';

/**
 * Attaches scans and files to a register entry. Order matters for "nothing is half-stored": the
 * file is checked in full (in the import worker) before anything is written; then the original
 * and its PDF go into the content store; the row that makes them part of the entry comes last,
 * and if it cannot be written the files this import added are taken back. The file the clerk
 * picked is only ever read.
 */
export class DocumentImportService {
  readonly #db: DbClient;
  readonly #inspector: ImportInspector;
  readonly #store: ContentStore;
  readonly #auth: AuthService;
  readonly #settings: SettingsService;
  readonly #events: EventBus;
  readonly #queued: () => void;
  readonly #shared: () => void;

  /**
   * `queued`: a new document waits for its text to be read (the text queue is told to look).
   * `shared`: with a central server, a new document waits to travel to the other desks (sync is told).
   */
  constructor(deps: { db: DbClient; inspector: ImportInspector; store: ContentStore; auth: AuthService; settings: SettingsService; events: EventBus; queued?: () => void; shared?: () => void }) {
    this.#db = deps.db;
    this.#inspector = deps.inspector;
    this.#store = deps.store;
    this.#auth = deps.auth;
    this.#settings = deps.settings;
    this.#events = deps.events;
    this.#queued = deps.queued ?? (() => undefined);
    this.#shared = deps.shared ?? (() => undefined);
  }

  /** A file on this computer (a hot folder, Electron's file picker); its size is checked before it is read. */
  async importFile(itemId: string, path: string, fileName: string): Promise<ImportDocumentResult> {
    await this.#requireItem(itemId);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) throw new AppError('not_found', 'No such file');
    if (info.size > this.#inspector.limits.maxFileBytes) return refused('documentImport.tooLarge', `The file has ${info.size} bytes`);
    return this.importBytes(itemId, fileName, await readFile(path));
  }

  /** `password`: for a PDF that needs one to open; used by the import worker and then forgotten. */
  async importBytes(itemId: string, fileName: string, bytes: Uint8Array, password?: string): Promise<ImportDocumentResult> {
    await this.#requireItem(itemId);
    if (bytes.byteLength === 0) return refused('documentImport.empty', 'The file is empty');
    if (bytes.byteLength > this.#inspector.limits.maxFileBytes) return refused('documentImport.tooLarge', `The file has ${bytes.byteLength} bytes`);
    const originalSha256 = sha256Of(bytes);
    const earlier = await this.#db.call('documents.byOriginal', itemId, originalSha256);
    if (earlier) return { status: 'imported', document: earlier, duplicate: true };

    const outcome = await this.#inspector.inspect(bytes, password);
    if (!outcome.ok) return refused(outcome.reason, outcome.detail);

    const added: StoredFile[] = [];
    try {
      const original = await this.#store.put(bytes);
      added.push(original);
      const pdf = outcome.pdf === null ? original : await this.#store.put(outcome.pdf);
      if (pdf !== original) added.push(pdf);
      const actor = await currentActor(this.#auth, this.#db, this.#settings);
      const document: ItemDocument = {
        id: uuidv7(),
        itemId,
        originalName: fileName,
        originalFormat: outcome.format,
        originalMediaType: IMPORT_MEDIA_TYPES[outcome.format],
        originalSha256,
        originalSize: bytes.byteLength,
        pdfSha256: pdf.sha256,
        pdfSize: pdf.size,
        pageCount: outcome.pageCount,
        importedAt: new Date().toISOString(),
        importedByLogin: actor.login,
        importedByName: actor.name,
      };
      // With a central server the document travels (issue 4): its upload and documents.attach
      // are queued in the transaction that records it, in the signed-in person's outbox.
      const outbox = this.#auth.serverUrl !== '' && this.#auth.user !== null ? this.#auth.user.login : null;
      const recorded = await this.#db.call('documents.add', document, outbox);
      // Another import of the same file onto the entry won the race: its files stand, ours go.
      if (recorded.duplicate) await this.#takeBack(added);
      else {
        this.#events.emit('registry.changed', { ids: [itemId] });
        // Recording the document queued its text in the same transaction (migration 0013).
        this.#queued();
        if (outbox !== null) this.#shared();
      }
      return { status: 'imported', ...recorded };
    } catch (error) {
      await this.#takeBack(added);
      if (error instanceof Error && error.name === 'Refusal') throw new AppError('not_found', 'The register entry is gone');
      throw error;
    }
  }

  /** An entry's documents; one whose files are still on their way from the server says so. */
  async ofItem(itemId: string): Promise<ItemDocument[]> {
    const [documents, awaiting] = await Promise.all([this.#db.call('documents.ofItem', itemId), this.#db.call('documents.awaitingFiles', itemId)]);
    return awaiting.length === 0 ? documents : documents.map((d) => (awaiting.includes(d.id) ? { ...d, downloading: true } : d));
  }

  /**
   * One stored file of a document, for the viewer or a download. The document is looked up among
   * the entry's own, so an id from another entry reads as "not found". The bytes are checked
   * against the hash they are stored under: a file damaged on disk is reported, never shown as if
   * it were what arrived.
   */
  async file(itemId: string, documentId: string, which: StoredFileKind): Promise<DocumentFile> {
    await this.#requireItem(itemId);
    const document = (await this.ofItem(itemId)).find((d) => d.id === documentId);
    if (!document) throw new AppError('not_found', 'No such document on this register entry');
    if (document.downloading === true) {
      throw new AppError('not_found', 'The document\'s files are still on their way from the central server', [{ path: 'documentId', message: 'documentViewer.downloading' }]);
    }
    const sha256 = which === 'pdf' ? document.pdfSha256 : document.originalSha256;
    const bytes = await this.#store.read(sha256).catch(() => null);
    if (bytes === null || sha256Of(bytes) !== sha256) {
      throw new AppError('not_found', `Stored file ${sha256} is missing or damaged`, [{ path: 'documentId', message: 'documentViewer.fileDamaged' }]);
    }
    return which === 'pdf'
      ? { fileName: document.pdfSha256 === document.originalSha256 ? document.originalName : pdfFileName(document.originalName, isReadableCopy(document)), mediaType: 'application/pdf', base64: bytes.toString('base64') }
      : { fileName: document.originalName, mediaType: IMPORT_MEDIA_TYPES[document.originalFormat], base64: bytes.toString('base64') };
  }

  /** Throws not_found unless the register entry exists (the scanner checks before it scans). */
  requireItem(itemId: string): Promise<void> {
    return this.#requireItem(itemId);
  }

  async #requireItem(itemId: string): Promise<void> {
    if (!(await this.#db.call('documents.itemExists', itemId))) throw new AppError('not_found', 'No such register entry');
  }

  /** Removes files this import wrote, unless some document (recorded meanwhile) names them. */
  async #takeBack(files: readonly StoredFile[]): Promise<void> {
    for (const file of files) {
      if (file.created && !(await this.#db.call('documents.fileInUse', file.sha256).catch(() => true))) await this.#store.discard(file.sha256);
    }
  }
}

function refused(reason: ImportRefusal, detail: string): ImportDocumentResult {
  return { status: 'refused', reason, detail };
}
