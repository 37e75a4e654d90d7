import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentFile, ImportDocumentResult, ItemDocument } from '../../shared/document-import.ts';
import type { DocumentSearchHit, DocumentTextStateResult } from '../../shared/document-text.ts';
import type { IncomingItem } from '../../shared/registry.ts';
import type { Inbox } from '../../shared/routing.ts';
import { sampleItem } from '../../electron/core/test-support/sample-item.ts';
import { FILES_DIR_NAME, type Workstation } from '../../electron/core/workstation.ts';
import type { RunningServer } from '../../server/main.ts';
import { useTempDirs } from '../support/temp-dirs.ts';
import { ok, useRunning } from './in-process.ts';
import { cityDesk, cityServer, HEAD, REGISTRY, type Person } from './small-city.ts';

/**
 * Issue 4: a scan attached at the registry desk reaches the unit clerk's PC through the central
 * server — the same bytes, and its words searchable there too.
 */

const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus');
const TIFF_SCAN = join(CORPUS, 'tesseract-polish/sample_pl-part2-times-scanner_HP_DeskJet_F4180_300dpi.tif');
const DIGITAL_PDF = join(CORPUS, 'paperless-ngx/simple.pdf');

const tempDir = useTempDirs();
const keep = useRunning();

const central = (): Promise<RunningServer> => cityServer(keep);

/** Each workstation's data folder (its content store is in `files/`). */
const dataDirs = new Map<Workstation, string>();

async function desk(server: RunningServer, person: Person, deskCode = ''): Promise<Workstation> {
  const dataDir = tempDir();
  const ws = await cityDesk(server, person, { dataDir, deskCode });
  dataDirs.set(ws, dataDir);
  keep(ws);
  return ws;
}

async function attach(ws: Workstation, itemId: string, path: string): Promise<ItemDocument> {
  const result = ok(await ws.dispatch('documents.import', { itemId, fileName: path.split('/').at(-1), base64: readFileSync(path).toString('base64') })) as ImportDocumentResult;
  if (result.status !== 'imported') throw new Error(`refused: ${result.reason}`);
  return result.document;
}

async function fileSha(ws: Workstation, itemId: string, documentId: string, which: 'original' | 'pdf'): Promise<string> {
  const file = ok(await ws.dispatch('documents.file', { itemId, documentId, which })) as DocumentFile;
  return createHash('sha256').update(Buffer.from(file.base64, 'base64')).digest('hex');
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('documents travel between workstations through the central server', { timeout: 240_000 }, () => {
  it('a scan imported at the registry desk reaches the unit\'s PC byte for byte, and its words are searchable there', async () => {
    const server = await central();
    const [registryDesk, unit] = [await desk(server, REGISTRY, 'KO'), await desk(server, HEAD)];
    const letter = ok(await registryDesk.dispatch('registry.register', sampleItem({ subject: 'Wniosek o podział działki 12/3' }))) as IncomingItem;
    const scan = await attach(registryDesk, letter.id, TIFF_SCAN);
    const digital = await attach(registryDesk, letter.id, DIGITAL_PDF);
    ok(await registryDesk.dispatch('routing.route', { itemId: letter.id, leadUnitCode: 'GN', instruction: 'Według właściwości' }));
    expect(ok(await registryDesk.dispatch('sync.now', {}))).toMatchObject({ pending: 0, issues: 0 });

    ok(await unit.dispatch('sync.now', {}));
    expect((ok(await unit.dispatch('routing.inbox', {})) as Inbox).toAssign.map((r) => r.rpwNumber)).toEqual([letter.rpwNumber]);
    const arrived = ok(await unit.dispatch('documents.ofItem', { itemId: letter.id })) as ItemDocument[];
    expect(arrived.map((d) => [d.id, d.originalName, d.pageCount, d.downloading ?? false])).toEqual([
      [scan.id, scan.originalName, 1, false], [digital.id, digital.originalName, 1, false],
    ]);
    // The same bytes: the TIFF original, the PDF made of it at the desk, and the digital PDF.
    expect(await fileSha(unit, letter.id, scan.id, 'original')).toBe(scan.originalSha256);
    expect(await fileSha(unit, letter.id, scan.id, 'pdf')).toBe(scan.pdfSha256);
    expect(await fileSha(unit, letter.id, digital.id, 'pdf')).toBe(digital.pdfSha256);
    expect(scan.originalSha256).toBe(createHash('sha256').update(readFileSync(TIFF_SCAN)).digest('hex'));

    // The unit's PC reads the text itself, as for a local import.
    const state = await until(
      async () => ok(await unit.dispatch('documents.textState', { itemId: letter.id })) as DocumentTextStateResult,
      (s) => s.documents.every((d) => d.state === 'done'),
      180_000,
    );
    expect(state.documents.map((d) => [d.documentId, d.state])).toEqual([[scan.id, 'done'], [digital.id, 'done']]);
    const hits = ok(await unit.dispatch('documents.search', { text: 'test document' })) as DocumentSearchHit[];
    expect(hits.map((h) => [h.itemId, h.documentId])).toEqual([[letter.id, digital.id]]);
    expect((ok(await unit.dispatch('documents.search', { text: 'pszenicy' })) as DocumentSearchHit[]).map((h) => h.documentId)).toEqual([scan.id]);

    // Pulling again changes nothing: one row per document, nothing queued twice.
    ok(await unit.dispatch('sync.now', {}));
    expect((ok(await unit.dispatch('documents.ofItem', { itemId: letter.id })) as ItemDocument[]).length).toBe(2);
    expect(await server.db.query('SELECT count(*)::int AS n FROM item_documents')).toEqual([{ n: 2 }]);
  });

  it('takes a restricted letter and its scan to the unit it is routed to, which did not see it before', async () => {
    const server = await central();
    const [registryDesk, unit] = [await desk(server, REGISTRY, 'KO'), await desk(server, HEAD)];
    const letter = ok(await registryDesk.dispatch('registry.register', sampleItem({ subject: 'Wniosek o dodatek mieszkaniowy', accessLevel: 'restricted' }))) as IncomingItem;
    const digital = await attach(registryDesk, letter.id, DIGITAL_PDF);
    expect(ok(await registryDesk.dispatch('sync.now', {}))).toMatchObject({ pending: 0, issues: 0 });
    ok(await unit.dispatch('sync.now', {}));
    expect(ok(await unit.dispatch('documents.ofItem', { itemId: letter.id }))).toEqual([]);
    expect((ok(await unit.dispatch('routing.inbox', {})) as Inbox).toAssign).toEqual([]);

    ok(await registryDesk.dispatch('routing.route', { itemId: letter.id, leadUnitCode: 'GN', instruction: 'Według właściwości' }));
    expect(ok(await registryDesk.dispatch('sync.now', {}))).toMatchObject({ pending: 0, issues: 0 });
    ok(await unit.dispatch('sync.now', {}));
    expect((ok(await unit.dispatch('routing.inbox', {})) as Inbox).toAssign.map((r) => r.rpwNumber)).toEqual([letter.rpwNumber]);
    const arrived = ok(await unit.dispatch('documents.ofItem', { itemId: letter.id })) as ItemDocument[];
    expect(arrived.map((d) => [d.id, d.downloading ?? false])).toEqual([[digital.id, false]]);
    expect(await fileSha(unit, letter.id, digital.id, 'pdf')).toBe(digital.pdfSha256);
  });

  it('keeps a document whose file came back wrong as downloading, stores nothing under its hash, and fetches it again later', async () => {
    const server = await central();
    const registryDesk = await desk(server, REGISTRY, 'KO');
    const letter = ok(await registryDesk.dispatch('registry.register', sampleItem({ subject: 'Pismo elektroniczne' }))) as IncomingItem;
    const digital = await attach(registryDesk, letter.id, DIGITAL_PDF);
    expect(ok(await registryDesk.dispatch('sync.now', {}))).toMatchObject({ pending: 0, issues: 0 });

    // The server's copy is damaged (same length, other bytes): the desk must not take it.
    const [kept] = await server.db.query<{ base64: string }>("SELECT encode(bytes, 'base64') AS base64 FROM blobs WHERE sha256 = $1", [digital.pdfSha256]);
    await server.db.query("UPDATE blobs SET bytes = decode(repeat('00', size::int), 'hex') WHERE sha256 = $1", [digital.pdfSha256]);
    // The unit's PC joins now (its first sync pulls the letter and tries the file), so no poke
    // from the desk's push could have fetched the good copy first.
    const unit = await desk(server, HEAD);
    // The header says a file is still on its way.
    expect(ok(await unit.dispatch('sync.status', {}))).toMatchObject({ state: 'online', issues: 0, files: 1 });
    const waiting = ok(await unit.dispatch('documents.ofItem', { itemId: letter.id })) as ItemDocument[];
    expect(waiting.map((d) => [d.id, d.downloading])).toEqual([[digital.id, true]]);
    // Nothing under its name in the content store (files/sha256/ab/abcd…).
    expect(existsSync(join(dataDirs.get(unit) ?? '', FILES_DIR_NAME, 'sha256', digital.pdfSha256.slice(0, 2), digital.pdfSha256))).toBe(false);
    const refused = await unit.dispatch('documents.file', { itemId: letter.id, documentId: digital.id, which: 'pdf' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found', issues: [{ message: 'documentViewer.downloading' }] } });

    await server.db.query("UPDATE blobs SET bytes = decode($2, 'base64') WHERE sha256 = $1", [digital.pdfSha256, kept?.base64 ?? '']);
    // The first failure waits about a second before the file is tried again.
    const arrived = await until(async () => {
      ok(await unit.dispatch('sync.now', {}));
      return ok(await unit.dispatch('documents.ofItem', { itemId: letter.id })) as ItemDocument[];
    }, (docs) => docs.every((d) => d.downloading !== true), 10_000);
    expect(arrived.map((d) => d.downloading ?? false)).toEqual([false]);
    expect(ok(await unit.dispatch('sync.status', {}))).toMatchObject({ files: 0 });
    expect(await fileSha(unit, letter.id, digital.id, 'pdf')).toBe(digital.pdfSha256);
    expect(existsSync(join(dataDirs.get(unit) ?? '', FILES_DIR_NAME, 'sha256', digital.pdfSha256.slice(0, 2), digital.pdfSha256))).toBe(true);
  });
});
