import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, openSync, readdirSync, readFileSync, statSync, ftruncateSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentFile, ImportDocumentResult, ItemDocument } from '../../../shared/document-import.ts';
import type { IncomingItem } from '../../../shared/registry.ts';
import { AuthService } from '../auth/auth-service.ts';
import { TokenVault } from '../auth/token-vault.ts';
import { openInProcessDb, type DbClient } from '../db/db-client.ts';
import { ContentStore, sha256Of } from '../documents/content-store.ts';
import { ImportInspector } from '../documents/import-inspector.ts';
import { DEFAULT_IMPORT_LIMITS } from '../documents/import-limits.ts';
import { EventBus } from '../events.ts';
import { ok } from '../test-support/contract-results.ts';
import { registeredSample, sampleItem } from '../test-support/sample-item.ts';
import { useTempDirs } from '../test-support/temp-dir.ts';
import { FILES_DIR_NAME, startWorkstation, type Workstation } from '../workstation.ts';
import { SOURCE_WORKER_URLS } from '../workers/worker-urls.ts';
import { DocumentImportService } from './document-import-service.ts';
import { SettingsService } from './settings-service.ts';

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus');
const FAX = join(CORPUS, 'pillow/g4-multi.tiff');
const tempDir = useTempDirs();

/** Every file in the content store (its temporary folder included). */
function storedFiles(dataDir: string): string[] {
  const root = join(dataDir, FILES_DIR_NAME);
  const walk = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [name])) : []);
  return walk(root).sort();
}

async function desk(): Promise<{ workstation: Workstation; dataDir: string; item: IncomingItem }> {
  const dataDir = tempDir();
  const workstation = await startWorkstation({ dataDir, version: '1', shell: 'browser', workers: SOURCE_WORKER_URLS, checkOutput: true, logError: () => undefined });
  await workstation.dispatch('settings.update', { workstationName: 'Okienko 1', deskCode: 'KO', centralServerUrl: '', uiLanguage: 'pl' });
  const item = ok(await workstation.dispatch('registry.register', sampleItem())) as IncomingItem;
  return { workstation, dataDir, item };
}

const importInput = (itemId: string, path: string, fileName = path.split('/').at(-1)) => ({ itemId, fileName, base64: readFileSync(path).toString('base64') });

describe('documents.import and documents.ofItem', () => {
  it('attaches a multi-page fax TIFF as its original and a PDF, and says who did it', async () => {
    const { workstation, dataDir, item } = await desk();
    const changed: unknown[] = [];
    workstation.events.subscribe((name, payload) => changed.push([name, payload]));
    const result = ok(await workstation.dispatch('documents.import', importInput(item.id, FAX, 'C:\\Skany\\faks.tiff'))) as ImportDocumentResult;
    expect(result).toMatchObject({ status: 'imported', duplicate: false, document: {
      itemId: item.id, originalName: 'faks.tiff', originalFormat: 'tiff', originalMediaType: 'image/tiff', originalSha256: sha256Of(readFileSync(FAX)),
      pageCount: 3, importedByLogin: 'stanowisko', importedByName: 'Okienko 1',
    } });
    if (result.status !== 'imported') return;
    expect(storedFiles(dataDir)).toEqual([result.document.originalSha256, result.document.pdfSha256].sort());
    expect(ok(await workstation.dispatch('documents.ofItem', { itemId: item.id }))).toEqual([result.document]);
    expect(changed).toContainEqual(['registry.changed', { ids: [item.id] }]);
    await workstation.close();
  });

  it('returns the first import when the same file is dropped again, and keeps one copy of an original used twice', async () => {
    const { workstation, dataDir, item } = await desk();
    const other = ok(await workstation.dispatch('registry.register', sampleItem({ subject: 'Druga sprawa' }))) as IncomingItem;
    const first = ok(await workstation.dispatch('documents.import', importInput(item.id, FAX))) as ImportDocumentResult & { document: ItemDocument };
    const filesAfterFirst = storedFiles(dataDir);
    expect(ok(await workstation.dispatch('documents.import', importInput(item.id, FAX, 'jeszcze-raz.tiff')))).toEqual({ status: 'imported', document: first.document, duplicate: true });
    expect(storedFiles(dataDir)).toEqual(filesAfterFirst);
    const onOther = ok(await workstation.dispatch('documents.import', importInput(other.id, FAX))) as ImportDocumentResult & { document: ItemDocument };
    expect(onOther.document.originalSha256).toBe(first.document.originalSha256);
    expect(storedFiles(dataDir).filter((name) => name === first.document.originalSha256)).toHaveLength(1);
    await workstation.close();
  });

  it('opens a PDF that needs a password with the one its sender gave: the encrypted original kept, a readable copy made, the password kept nowhere', async () => {
    const { workstation, dataDir, item } = await desk();
    const path = join(CORPUS, 'paperless-ngx/password-is-test.pdf');
    const bytes = readFileSync(path);
    expect(ok(await workstation.dispatch('documents.import', { ...importInput(item.id, path), password: 'zle haslo' }))).toMatchObject({ status: 'refused', reason: 'documentImport.wrongPassword' });
    expect(storedFiles(dataDir)).toEqual([]);

    const result = ok(await workstation.dispatch('documents.import', { ...importInput(item.id, path), password: 'test' })) as ImportDocumentResult;
    if (result.status !== 'imported') throw new Error(`refused: ${result.reason}`);
    const { document } = result;
    expect(document).toMatchObject({ originalFormat: 'pdf', originalSha256: sha256Of(bytes), pageCount: 1 });
    expect(document.pdfSha256).not.toBe(document.originalSha256);
    const store = new ContentStore(join(dataDir, FILES_DIR_NAME));
    expect(sha256Of(await store.read(document.originalSha256))).toBe(sha256Of(bytes));
    // Poppler opens the copy with no password, one A4 page like the original's.
    const info = execFileSync('pdfinfo', [store.pathOf(document.pdfSha256)], { encoding: 'utf8' });
    expect(info).toMatch(/^Encrypted:\s+no$/mu);
    expect(info).toMatch(/^Pages:\s+1$/mu);
    expect(info).toMatch(/^Page size:\s+595\.\d+ x 842\.\d+ pts/mu);
    expect(ok(await workstation.dispatch('documents.file', { itemId: item.id, documentId: document.id, which: 'pdf' }))).toMatchObject({ fileName: 'password-is-test-kopia.pdf' });
    expect(ok(await workstation.dispatch('documents.file', { itemId: item.id, documentId: document.id, which: 'original' }))).toMatchObject({ fileName: 'password-is-test.pdf', base64: bytes.toString('base64') });
    // The password is not in the database or any stored file.
    const everything = readdirSync(dataDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    for (const entry of everything) expect(readFileSync(join(entry.parentPath, entry.name)).includes('"test"')).toBe(false);
    await workstation.close();
  });

  it('stores nothing for a refused file and refuses what is not an entry or not base64', async () => {
    const { workstation, dataDir, item } = await desk();
    expect(ok(await workstation.dispatch('documents.import', importInput(item.id, join(CORPUS, 'paperless-ngx/password-is-test.pdf'))))).toMatchObject({ status: 'refused', reason: 'documentImport.encrypted' });
    expect(ok(await workstation.dispatch('documents.import', { itemId: item.id, fileName: 'pusty.pdf', base64: '' }))).toMatchObject({ status: 'refused', reason: 'documentImport.empty' });
    expect(storedFiles(dataDir)).toEqual([]);
    expect(ok(await workstation.dispatch('documents.ofItem', { itemId: item.id }))).toEqual([]);
    expect(await workstation.dispatch('documents.import', importInput('019a0000-0000-7000-8000-000000000000', FAX))).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await workstation.dispatch('documents.import', { itemId: item.id, fileName: 'x.pdf', base64: 'not base64!' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await workstation.close();
  });
});

describe('documents.file', () => {
  it('reads back the PDF and the untouched original of a document, only through its own entry', async () => {
    const { workstation, dataDir, item } = await desk();
    const other = ok(await workstation.dispatch('registry.register', sampleItem({ subject: 'Inne pismo' }))) as IncomingItem;
    const { document } = ok(await workstation.dispatch('documents.import', importInput(item.id, FAX, 'faks.skan.tiff'))) as ImportDocumentResult & { document: ItemDocument };
    const read = async (itemId: string, which: 'pdf' | 'original') => workstation.dispatch('documents.file', { itemId, documentId: document.id, which });

    const pdf = ok(await read(item.id, 'pdf')) as DocumentFile;
    expect(pdf).toMatchObject({ fileName: 'faks.skan.pdf', mediaType: 'application/pdf' });
    expect(sha256Of(Buffer.from(pdf.base64, 'base64'))).toBe(document.pdfSha256);
    const original = ok(await read(item.id, 'original')) as DocumentFile;
    expect(original).toMatchObject({ fileName: 'faks.skan.tiff', mediaType: 'image/tiff' });
    expect(Buffer.from(original.base64, 'base64').equals(readFileSync(FAX))).toBe(true);

    expect(await read(other.id, 'pdf')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await read('019a0000-0000-7000-8000-000000000000', 'pdf')).toMatchObject({ ok: false, error: { code: 'not_found' } });

    // A stored file damaged on disk is reported as such, never handed out as the document.
    const stored = join(dataDir, FILES_DIR_NAME, 'sha256', document.pdfSha256.slice(0, 2), document.pdfSha256);
    chmodSync(stored, 0o644);
    writeFileSync(stored, Buffer.from('%PDF-1.7 nie ten plik'));
    expect(await read(item.id, 'pdf')).toMatchObject({ ok: false, error: { code: 'not_found', issues: [{ message: 'documentViewer.fileDamaged' }] } });
    expect(ok(await read(item.id, 'original'))).toMatchObject({ fileName: 'faks.skan.tiff' });
    await workstation.close();
  });

  it('names the PDF of a PDF original as the original', async () => {
    const { workstation, item } = await desk();
    const { document } = ok(await workstation.dispatch('documents.import', importInput(item.id, join(CORPUS, 'paperless-ngx/simple.pdf'), 'Wniosek.PDF'))) as ImportDocumentResult & { document: ItemDocument };
    expect(document.pdfSha256).toBe(document.originalSha256);
    expect(ok(await workstation.dispatch('documents.file', { itemId: item.id, documentId: document.id, which: 'pdf' }))).toMatchObject({ fileName: 'Wniosek.PDF', mediaType: 'application/pdf' });
    await workstation.close();
  });
});

describe('DocumentImportService', () => {
  function service(dataDir: string, db: DbClient): { imports: DocumentImportService; inspector: ImportInspector } {
    const events = new EventBus();
    const settings = new SettingsService(db, events, { workstationName: 'Okienko 3', deskCode: 'KO', centralServerUrl: '', uiLanguage: 'pl', hotFolderPath: '', postalSender: '', batchSeparator: '' });
    const auth = new AuthService({ db, settings, events, vault: new TokenVault(join(dataDir, 'session.bin'), null) });
    const inspector = new ImportInspector(SOURCE_WORKER_URLS.importer, DEFAULT_IMPORT_LIMITS);
    return { imports: new DocumentImportService({ db, inspector, store: new ContentStore(join(dataDir, FILES_DIR_NAME)), auth, settings, events }), inspector };
  }

  it('reads a file from where it lies and leaves it there untouched; a file over the size limit is not even read', async () => {
    const dataDir = tempDir();
    const db = openInProcessDb(join(dataDir, 'k.sqlite'));
    const item = registeredSample(db.db);
    const { imports, inspector } = service(dataDir, db);
    const source = join(tempDir(), 'skan.tiff');
    writeFileSync(source, readFileSync(FAX));
    const before = statSync(source);
    expect(await imports.importFile(item.id, source, 'skan.tiff')).toMatchObject({ status: 'imported', document: { pageCount: 3, importedByName: 'Okienko 3' } });
    expect(statSync(source)).toMatchObject({ size: before.size, mtimeMs: before.mtimeMs, ino: before.ino });
    expect(sha256Of(readFileSync(source))).toBe(sha256Of(readFileSync(FAX)));

    // 200 MB + 1 of nothing (a sparse file): refused by its size alone.
    const huge = join(tempDir(), 'ogromny.pdf');
    const handle = openSync(huge, 'w');
    ftruncateSync(handle, DEFAULT_IMPORT_LIMITS.maxFileBytes + 1);
    closeSync(handle);
    expect(await imports.importFile(item.id, huge, 'ogromny.pdf')).toMatchObject({ status: 'refused', reason: 'documentImport.tooLarge' });
    await inspector.close();
    await db.close();
  });

  it('takes back the stored files when the import cannot be recorded', async () => {
    const dataDir = tempDir();
    const db = openInProcessDb(join(dataDir, 'k.sqlite'));
    const item = registeredSample(db.db);
    // The database fails exactly when the document's row is written (a full disk, say).
    const failing: DbClient = {
      call: (name, ...args) => (name === 'documents.add' ? Promise.reject(new Error('SQLITE_FULL: database or disk is full')) : db.call(name, ...args)),
      close: () => db.close(),
    };
    const { imports, inspector } = service(dataDir, failing);
    await expect(imports.importBytes(item.id, 'faks.tiff', readFileSync(FAX))).rejects.toThrow(/SQLITE_FULL/);
    expect(storedFiles(dataDir)).toEqual([]);
    expect(await imports.ofItem(item.id)).toEqual([]);
    await inspector.close();
    await db.close();
  });
});
