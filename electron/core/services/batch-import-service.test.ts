import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCanvas, ImageData } from '@napi-rs/canvas';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { DocumentFile, ItemDocument } from '../../../shared/document-import.ts';
import type { IncomingItem } from '../../../shared/registry.ts';
import type { ImportBatchResult, TrayAssignResult, TrayPart } from '../../../shared/scan-batch.ts';
import { sha256Of } from '../documents/content-store.ts';
import { renderPage } from '../documents/page-raster.ts';
import { renderLabel } from '../pdf/label.ts';
import { ok } from '../test-support/contract-results.ts';
import { pdfInfo } from '../test-support/pdf-probe.ts';
import { sampleItem } from '../test-support/sample-item.ts';
import { useTempDirs } from '../test-support/temp-dir.ts';
import { FILES_DIR_NAME, startWorkstation, type Workstation } from '../workstation.ts';
import { SOURCE_WORKER_URLS } from '../workers/worker-urls.ts';

/**
 * Issue 6, point 5, end to end through the contract, the batch worker, the content store and
 * SQLite: a batch of scanned letters whose first pages carry our own printed RPW labels goes to
 * the right entries; what cannot be placed waits in the tray and is assigned by hand; no page is
 * ever lost.
 */

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus');
const tempDir = useTempDirs();
const SLOW = 120_000;

function storedFiles(dataDir: string): string[] {
  const root = join(dataDir, FILES_DIR_NAME, 'sha256');
  const walk = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [name])) : []);
  return walk(root).sort();
}

async function desk(): Promise<{ workstation: Workstation; dataDir: string }> {
  const dataDir = tempDir();
  const workstation = await startWorkstation({ dataDir, version: '1', shell: 'browser', workers: SOURCE_WORKER_URLS, checkOutput: true, logError: () => undefined });
  await workstation.dispatch('settings.update', { workstationName: 'Okienko 1', deskCode: 'KO', centralServerUrl: '', uiLanguage: 'pl' });
  return { workstation, dataDir };
}

/** A page as a 200 dpi grey scan: a JPEG filling an A4 page, the way an office scanner writes a PDF. */
async function scannedPage(batch: PDFDocument, pixels: { width: number; height: number; data: Uint8ClampedArray }): Promise<void> {
  const canvas = createCanvas(pixels.width, pixels.height);
  const rgba = new Uint8ClampedArray(pixels.width * pixels.height * 4);
  for (let i = 0; i < pixels.data.length; i++) rgba.set([pixels.data[i] ?? 255, pixels.data[i] ?? 255, pixels.data[i] ?? 255, 255], i * 4);
  canvas.getContext('2d').putImageData(new ImageData(rgba, pixels.width, pixels.height), 0, 0);
  const image = await batch.embedJpg(canvas.toBuffer('image/jpeg', 85));
  batch.addPage([595.28, 841.89]).drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
}

/** A letter's page with text only (and a sender's own QR-free content), scanned. */
async function textPage(batch: PDFDocument, text: string): Promise<void> {
  const page = await PDFDocument.create();
  const font = await page.embedFont(StandardFonts.Helvetica);
  page.addPage([595.28, 841.89]).drawText(text, { x: 72, y: 700, size: 18, font });
  await scannedPage(batch, await renderPage(await page.save(), 'pdf', 0, { dpi: 200 }));
}

/** Our own label (A4 sheet, position 1) scanned: the first page of a letter with the label stuck on. */
async function labelPage(batch: PDFDocument, item: IncomingItem): Promise<void> {
  await scannedPage(batch, await renderPage(new Uint8Array(await renderLabel(item, 'a4sheet', 1)), 'pdf', 0, { dpi: 200 }));
}

describe('documents.importBatch, tray.list and tray.assign', () => {
  it('splits a scanned batch at our labels, attaches each letter to its entry, and the tray keeps the rest until assigned', async () => {
    const { workstation, dataDir } = await desk();
    const first = ok(await workstation.dispatch('registry.register', sampleItem({ subject: 'Wniosek A' }))) as IncomingItem;
    const second = ok(await workstation.dispatch('registry.register', sampleItem({ subject: 'Wniosek B' }))) as IncomingItem;

    const batch = await PDFDocument.create();
    await textPage(batch, 'Kartka bez etykiety'); // page 1: before any label
    await labelPage(batch, first); // page 2
    await textPage(batch, 'Wniosek A, strona 2');
    await textPage(batch, 'Wniosek A, strona 3');
    await labelPage(batch, second); // page 5
    await textPage(batch, 'Wniosek B, strona 2');
    const bytes = await batch.save();
    const changed: unknown[] = [];
    workstation.events.subscribe((name, payload) => changed.push([name, payload]));

    const result = ok(await workstation.dispatch('documents.importBatch', { fileName: 'C:\\Skany\\partia-01.pdf', base64: Buffer.from(bytes).toString('base64'), source: 'scanner' })) as ImportBatchResult;
    expect(result.status).toBe('imported');
    if (result.status !== 'imported') return;
    expect(result.summary).toMatchObject({
      fileName: 'partia-01.pdf', pageCount: 6, trayParts: 1, trayPages: 1, separatorsDropped: 0, duplicate: false,
      attached: [
        { itemId: first.id, rpwNumber: first.rpwNumber, pageCount: 3, pages: [2, 3, 4] },
        { itemId: second.id, rpwNumber: second.rpwNumber, pageCount: 2, pages: [5, 6] },
      ],
    });
    const firstDocs = ok(await workstation.dispatch('documents.ofItem', { itemId: first.id })) as ItemDocument[];
    const secondDocs = ok(await workstation.dispatch('documents.ofItem', { itemId: second.id })) as ItemDocument[];
    expect(firstDocs.map((d) => [d.originalName, d.pageCount])).toEqual([['partia-01-s2-4.pdf', 3]]);
    expect(secondDocs.map((d) => [d.originalName, d.pageCount])).toEqual([['partia-01-s5-6.pdf', 2]]);
    // Each document's PDF holds its own pages, read back through the contract.
    const pdfOf = async (itemId: string, documentId: string): Promise<PDFDocument> => {
      const file = ok(await workstation.dispatch('documents.file', { itemId, documentId, which: 'pdf' })) as { base64: string };
      return PDFDocument.load(Buffer.from(file.base64, 'base64'));
    };
    expect((await pdfOf(first.id, firstDocs[0]?.id ?? '')).getPageCount()).toBe(3);
    expect(changed).toContainEqual(['registry.changed', { ids: [first.id, second.id] }]);

    const tray = ok(await workstation.dispatch('tray.list', {})) as TrayPart[];
    expect(tray).toMatchObject([{ sourceName: 'partia-01.pdf', source: 'scanner', originalFormat: 'pdf', pageCount: 1, pages: [1], reason: 'tray.reason.noLabel', label: null }]);
    const trayId = tray[0]?.id ?? '';

    // Typed by the clerk: lower case and spaces are forgiven; an unknown number is refused in Polish terms.
    const unknown = await workstation.dispatch('tray.assign', { trayId, rpwNumber: 'RPW/KO/999/2026' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'rpwNumber', message: 'tray.errors.unknownEntry' }] } });
    const malformed = await workstation.dispatch('tray.assign', { trayId, rpwNumber: 'KO 12' });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ message: 'tray.errors.rpwFormat' }] } });
    const assigned = ok(await workstation.dispatch('tray.assign', { trayId, rpwNumber: ` ${second.rpwNumber.toLowerCase()} ` })) as TrayAssignResult;
    expect(assigned).toMatchObject({ itemId: second.id, rpwNumber: second.rpwNumber });
    expect(ok(await workstation.dispatch('tray.list', {}))).toEqual([]);
    const after = ok(await workstation.dispatch('documents.ofItem', { itemId: second.id })) as ItemDocument[];
    expect(after.map((d) => [d.originalName, d.pageCount])).toEqual([['partia-01-s5-6.pdf', 2], ['partia-01-s1.pdf', 1]]);
    expect(await workstation.dispatch('tray.assign', { trayId, itemId: first.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    // Nothing lost: every scanned page is in exactly one document, and the original is kept as it came.
    const pages = [...firstDocs, ...after].reduce((sum, d) => sum + d.pageCount, 0);
    expect(pages).toBe(6);
    expect(storedFiles(dataDir)).toContain(sha256Of(bytes));
    expect(storedFiles(dataDir)).toEqual([sha256Of(bytes), ...[...firstDocs, ...after].map((d) => d.pdfSha256)].sort());

    // The same file again is the same batch: nothing doubled.
    const again = ok(await workstation.dispatch('documents.importBatch', { fileName: 'partia-01.pdf', base64: Buffer.from(bytes).toString('base64') })) as ImportBatchResult;
    expect(again).toMatchObject({ status: 'imported', summary: { duplicate: true, batchId: result.summary.batchId } });
    expect(ok(await workstation.dispatch('documents.ofItem', { itemId: first.id }))).toHaveLength(1);
    await workstation.close();
  }, SLOW);

  it('refuses a password-protected batch cleanly and stores nothing', async () => {
    const { workstation, dataDir } = await desk();
    const base64 = readFileSync(join(CORPUS, 'paperless-ngx/password-is-test.pdf')).toString('base64');
    expect(ok(await workstation.dispatch('documents.importBatch', { fileName: 'tajne.pdf', base64 }))).toMatchObject({ status: 'refused', reason: 'documentImport.encrypted' });
    expect(storedFiles(dataDir)).toEqual([]);
    expect(ok(await workstation.dispatch('tray.list', {}))).toEqual([]);
    await workstation.close();
  }, SLOW);

  it('puts a TIFF batch split by a PATCH-T sheet into the tray, separator dropped (paperless patch-code-t-middle.tiff)', async () => {
    const { workstation } = await desk();
    const base64 = readFileSync(join(CORPUS, 'paperless-ngx/patch-code-t-middle.tiff')).toString('base64');
    const result = ok(await workstation.dispatch('documents.importBatch', { fileName: 'skan.tiff', base64, source: 'hotFolder' })) as ImportBatchResult;
    expect(result).toMatchObject({ status: 'imported', summary: { pageCount: 3, separatorsDropped: 1, trayParts: 2, trayPages: 2, attached: [] } });
    expect((ok(await workstation.dispatch('tray.list', {})) as TrayPart[]).map((p) => [p.pages, p.originalFormat, p.reason])).toEqual([
      [[1], 'tiff', 'tray.reason.noLabel'],
      [[3], 'tiff', 'tray.reason.noLabel'],
    ]);
    // The preview of a part is its own PDF: its pages only, named after the batch and the pages.
    const [, last] = ok(await workstation.dispatch('tray.list', {})) as TrayPart[];
    const file = ok(await workstation.dispatch('tray.file', { trayId: last?.id })) as DocumentFile;
    expect([file.fileName, file.mediaType, pdfInfo(Buffer.from(file.base64, 'base64')).pages]).toEqual(['skan-s3.pdf', 'application/pdf', 1]);
    expect(await workstation.dispatch('tray.file', { trayId: '019a0000-0000-7000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await workstation.close();
  }, SLOW);

  it('a separator string set in Ustawienia splits the next batch there and the sheet is dropped; unset, the same sheet is a page of the letter', async () => {
    const { workstation } = await desk();
    const item = ok(await workstation.dispatch('registry.register', sampleItem({ subject: 'Wniosek C' }))) as IncomingItem;
    // paperless-ngx's Code 39 sheet reading "CUSTOM BARCODE", between a labelled letter and a stray page.
    const custom = await PDFDocument.load(readFileSync(join(CORPUS, 'paperless-ngx/barcode-39-custom.pdf')));
    const batchWith = async (stray: string): Promise<string> => {
      const batch = await PDFDocument.create();
      await labelPage(batch, item);
      await textPage(batch, 'Wniosek C, strona 2');
      for (const page of await batch.copyPages(custom, [0])) batch.addPage(page);
      await textPage(batch, stray);
      return Buffer.from(await batch.save()).toString('base64');
    };
    const desk1 = { workstationName: 'Okienko 1', deskCode: 'KO', centralServerUrl: '', uiLanguage: 'pl' } as const;

    const unset = ok(await workstation.dispatch('documents.importBatch', { fileName: 'bez-ustawienia.pdf', base64: await batchWith('Kartka luzem 1') })) as ImportBatchResult;
    expect(unset).toMatchObject({ status: 'imported', summary: { separatorsDropped: 0, trayParts: 0, attached: [{ itemId: item.id, pages: [1, 2, 3, 4] }] } });

    expect(await workstation.dispatch('settings.update', { ...desk1, batchSeparator: 'RPW/KO/1/2026' })).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'batchSeparator', message: 'validation.batchSeparatorLabel' }] } });
    ok(await workstation.dispatch('settings.update', { ...desk1, batchSeparator: ' CUSTOM BARCODE ' }));
    const set = ok(await workstation.dispatch('documents.importBatch', { fileName: 'z-ustawieniem.pdf', base64: await batchWith('Kartka luzem 2') })) as ImportBatchResult;
    expect(set).toMatchObject({ status: 'imported', summary: { pageCount: 4, separatorsDropped: 1, trayParts: 1, trayPages: 1, attached: [{ itemId: item.id, pages: [1, 2] }] } });
    expect((ok(await workstation.dispatch('tray.list', {})) as TrayPart[]).map((p) => [p.sourceName, p.pages, p.reason])).toEqual([['z-ustawieniem.pdf', [4], 'tray.reason.noLabel']]);
    await workstation.close();
  }, SLOW);
});
