import Database from 'better-sqlite3';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportDocumentResult, ItemDocument } from '../../../shared/document-import.ts';
import type { DocumentSearchHit, DocumentTextStateResult, TextQueueProgress } from '../../../shared/document-text.ts';
import type { IncomingItem } from '../../../shared/registry.ts';
import { ContentStore } from '../documents/content-store.ts';
import { ok } from '../test-support/contract-results.ts';
import { sampleItem } from '../test-support/sample-item.ts';
import { useTempDirs } from '../test-support/temp-dir.ts';
import { DATABASE_FILE_NAME, FILES_DIR_NAME, startWorkstation, type Workstation } from '../workstation.ts';
import { SOURCE_WORKER_URLS } from '../workers/worker-urls.ts';

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus');
const HP_SCAN = join(CORPUS, 'tesseract-polish/sample_pl-part2-times-scanner_HP_DeskJet_F4180_300dpi.tif');
const BROTHER_SCAN = join(CORPUS, 'tesseract-polish/sample_pl-part3-courier-scanner_Brother_DCP-135C_300dpi.tif');
const CAMERA_PHOTO = join(CORPUS, 'tesseract-polish/sample_pl-part1-courier-digital_cam.tif');
const DIGITAL_PDF = join(CORPUS, 'paperless-ngx/simple.pdf');
/** Signed (PAdES) and encrypted with an empty user password: opens without asking. */
const SIGNED_ENCRYPTED_PDF = join(CORPUS, 'paperless-ngx/tesseract-signed.pdf');
// OCR of a dense A4 page takes several seconds, more on a busy machine.
const OCR_TIMEOUT = 240_000;
const tempDir = useTempDirs();

function start(dataDir: string, holdTextQueue = false): Promise<Workstation> {
  return startWorkstation({ dataDir, version: '1', shell: 'browser', workers: SOURCE_WORKER_URLS, checkOutput: true, logError: () => undefined, holdTextQueue });
}

async function register(workstation: Workstation, subject: string): Promise<IncomingItem> {
  await workstation.dispatch('settings.update', { workstationName: 'Okienko 1', deskCode: 'KO', centralServerUrl: '', uiLanguage: 'pl' });
  return ok(await workstation.dispatch('registry.register', sampleItem({ subject }))) as IncomingItem;
}

async function attach(workstation: Workstation, itemId: string, path: string): Promise<ItemDocument> {
  const result = ok(await workstation.dispatch('documents.import', { itemId, fileName: path.split('/').at(-1), base64: readFileSync(path).toString('base64') })) as ImportDocumentResult;
  if (result.status !== 'imported') throw new Error(`refused: ${result.reason}`);
  return result.document;
}

/** Resolves on the first 'ocr.progress' event that satisfies `until`. */
function progress(workstation: Workstation, until: (p: TextQueueProgress) => boolean): Promise<TextQueueProgress[]> {
  const seen: TextQueueProgress[] = [];
  return new Promise((done) => {
    const stop = workstation.events.subscribe((name, payload) => {
      if (name !== 'ocr.progress') return;
      seen.push(payload as TextQueueProgress);
      if (until(payload as TextQueueProgress)) {
        stop();
        done(seen);
      }
    });
  });
}

const queueEmpty = (p: TextQueueProgress): boolean => p.documentsWaiting === 0;

async function search(workstation: Workstation, text: string): Promise<DocumentSearchHit[]> {
  return ok(await workstation.dispatch('documents.search', { text })) as DocumentSearchHit[];
}

async function textState(workstation: Workstation, itemId: string): Promise<DocumentTextStateResult> {
  return ok(await workstation.dispatch('documents.textState', { itemId })) as DocumentTextStateResult;
}

describe('documents.search over the text of imported documents', () => {
  it('reads Polish scans by OCR in the background and finds their words with or without diacritics', async () => {
    const workstation = await start(tempDir());
    const item = await register(workstation, 'Skarga na suszę');
    const finished = progress(workstation, queueEmpty);
    const hp = await attach(workstation, item.id, HP_SCAN);
    const brother = await attach(workstation, item.id, BROTHER_SCAN);
    const photo = await attach(workstation, item.id, CAMERA_PHOTO);
    const events = await finished;
    // The clerk saw the queue move: three one-page documents, read one after another.
    expect(events.some((e) => e.pagesTotal === 3 && e.pagesDone === 1)).toBe(true);
    expect(events.some((e) => e.pagesTotal === 3 && e.pagesDone === 2)).toBe(true);
    expect(events.some((e) => e.currentDocumentId === hp.id && (e.currentPagePercent ?? 0) > 0)).toBe(true);
    expect((await textState(workstation, item.id)).documents).toEqual([
      { documentId: hp.id, state: 'done', reason: null, pagesDone: 1, pageCount: 1 },
      { documentId: brother.id, state: 'done', reason: null, pagesDone: 1, pageCount: 1 },
      { documentId: photo.id, state: 'done', reason: null, pagesDone: 1, pageCount: 1 },
    ]);

    const [hit] = await search(workstation, 'pszenicy bawełny');
    expect(hit).toMatchObject({ itemId: item.id, rpwNumber: item.rpwNumber, subject: 'Skarga na suszę', documentId: hp.id, documentName: hp.originalName, page: 1, source: 'ocr' });
    expect(hit?.snippet.filter((part) => part.match).map((part) => part.text.toLowerCase())).toEqual(expect.arrayContaining(['pszenicy', 'bawełny']));
    // Typed without Polish letters, and only the beginning of a word.
    expect((await search(workstation, 'Uschly popiol')).map((h) => h.documentId)).toEqual([hp.id]);
    expect((await search(workstation, 'lakach slonecz')).map((h) => h.documentId)).toEqual([hp.id]);
    expect((await search(workstation, 'Malopolsce bezrobocia')).map((h) => h.documentId)).toEqual([brother.id]);
    expect((await search(workstation, 'tajnych wspolpracownikow')).map((h) => h.documentId)).toEqual([photo.id]);
    expect(await search(workstation, 'pszenicy zzyzx')).toEqual([]);
    await workstation.close();
  }, OCR_TIMEOUT);

  it("takes a digital PDF's words from its text layer, without OCR", async () => {
    const workstation = await start(tempDir());
    const item = await register(workstation, 'Pismo elektroniczne');
    const finished = progress(workstation, queueEmpty);
    const pdf = await attach(workstation, item.id, DIGITAL_PDF);
    await finished;
    const hits = await search(workstation, 'test document');
    expect(hits).toEqual([expect.objectContaining({ documentId: pdf.id, page: 1, source: 'text_layer' })]);
    expect(hits[0]?.snippet.map((p) => p.text).join('')).toBe('This is a test document.');
    await workstation.close();
  }, OCR_TIMEOUT);

  it('reads the words of a signed, encrypted PDF that opens without a password, whose bytes stay as they came', async () => {
    const workstation = await start(tempDir());
    const item = await register(workstation, 'Pismo podpisane');
    const finished = progress(workstation, queueEmpty);
    const pdf = await attach(workstation, item.id, SIGNED_ENCRYPTED_PDF);
    await finished;
    expect(pdf).toMatchObject({ pageCount: 1, originalFormat: 'pdf' });
    expect(pdf.pdfSha256).toBe(pdf.originalSha256);
    const hits = await search(workstation, 'digitally signed');
    expect(hits).toEqual([expect.objectContaining({ documentId: pdf.id, page: 1, source: 'text_layer' })]);
    await workstation.close();
  }, OCR_TIMEOUT);

  it('finds the words of a password-protected PDF through its readable copy', async () => {
    const workstation = await start(tempDir());
    const item = await register(workstation, 'Wyciąg chroniony hasłem');
    const finished = progress(workstation, queueEmpty);
    const path = join(CORPUS, 'paperless-ngx/password-is-test.pdf');
    const result = ok(await workstation.dispatch('documents.import', { itemId: item.id, fileName: 'wyciag.pdf', base64: readFileSync(path).toString('base64'), password: 'test' })) as ImportDocumentResult;
    if (result.status !== 'imported') throw new Error(`refused: ${result.reason}`);
    await finished;
    // The copy is a picture of the page as any reader shows it (its one visible line; the Latin
    // below it is invisible text), so its words come from OCR.
    expect(await search(workstation, 'protected')).toEqual([expect.objectContaining({ documentId: result.document.id, page: 1, source: 'ocr' })]);
    await workstation.close();
  }, OCR_TIMEOUT);

  it('resumes the queue after a restart, and a document that cannot be read fails with a reason without stopping the rest', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir, true);
    const item = await register(first, 'Dwa skany');
    const damaged = await attach(first, item.id, DIGITAL_PDF);
    const scan = await attach(first, item.id, HP_SCAN);
    expect((await textState(first, item.id)).queue).toMatchObject({ documentsWaiting: 2, pagesTotal: 2, pagesDone: 0 });
    await first.close();
    // The stored PDF is damaged on disk while the workstation is off.
    const stored = new ContentStore(join(dataDir, FILES_DIR_NAME)).pathOf(damaged.originalSha256);
    chmodSync(stored, 0o600);
    writeFileSync(stored, 'not the file that arrived');

    const second = await start(dataDir);
    const interrupted = progress(second, (p) => p.currentDocumentId === scan.id && (p.currentPagePercent ?? 0) > 0);
    await interrupted;
    await second.close();
    const db = new Database(join(dataDir, DATABASE_FILE_NAME), { readonly: true });
    expect(db.prepare('SELECT state FROM document_text_jobs ORDER BY document_no').pluck().all()).toEqual(['failed', 'running']);
    db.close();

    const third = await start(dataDir);
    await progress(third, queueEmpty);
    const state = await textState(third, item.id);
    expect(state.documents).toEqual([
      { documentId: damaged.id, state: 'failed', reason: `Stored file ${damaged.originalSha256} is missing or damaged`, pagesDone: 0, pageCount: 1 },
      { documentId: scan.id, state: 'done', reason: null, pagesDone: 1, pageCount: 1 },
    ]);
    expect((await search(third, 'kukurydzy')).map((h) => h.documentId)).toEqual([scan.id]);
    await third.close();
  }, OCR_TIMEOUT);
});
