import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import type { ItemDocument } from '../../shared/document-import.ts';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/document-import.ts';
import { pdfInfo } from '../../electron/core/test-support/pdf-probe.ts';
import { freshDataDir, rpc, startDevServerProcess, useDesk, type RunningDevServer } from './devserver-process.ts';

// Issue 6, points 3 and 7, as the clerk meets them: scans attached to a register entry from the
// file picker and by dropping them, seen in the viewer, downloaded back unchanged; a refused
// file leaves nothing behind. Real corpus files, the real import worker, real Chromium.
const CORPUS = join(import.meta.dirname, '../../../shared/corpus');
const SIX_PAGE_PDF = join(CORPUS, 'paperless-ngx/split-by-tag-basic.pdf'); // 6 US-letter pages
const THREE_PAGE_TIFF = join(CORPUS, 'paperless-ngx/tesseract-multi-page-images.tiff');
const ENCRYPTED_PDF = join(CORPUS, 'paperless-ngx/password-is-test.pdf');
/** Signed (PAdES) and encrypted, but with an empty password: opens without asking. */
const SIGNED_PDF = join(CORPUS, 'paperless-ngx/tesseract-signed.pdf');
const BIG_PDF = join(CORPUS, 'py-pdf-sample-files/GeoTopo-komprimiert.pdf'); // 117 pages

let server: RunningDevServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

async function openNewLetter(page: Page): Promise<string> {
  if (!server) throw new Error('no server');
  await useDesk(server);
  const item = (await rpc(server, 'registry.register', {
    receivedAt: new Date().toISOString(), channel: 'post', sender: { name: 'Zofia Łęcka', address: 'ul. Ozimska 12, 45-057 Opole' },
    senderReference: null, letterDate: null, subject: 'Skarga na hałas — z załącznikami', attachmentsCount: 2,
  })) as { id: string; rpwNumber: string };
  await page.goto(server.url);
  await page.goto(`${server.origin}/#/kancelaria/rejestr/${item.id}`);
  await expect(page.getByRole('heading', { name: item.rpwNumber })).toBeVisible();
  await expect(page.getByTestId('no-documents')).toHaveText('Do pisma nie dołączono jeszcze żadnych dokumentów.');
  return item.id;
}

async function pickFiles(page: Page, paths: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Dodaj pliki…' }).click();
  await (await chooser).setFiles(paths);
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const waiting = page.waitForEvent('download');
  await click();
  const download: Download = await waiting;
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** A file dragged from the desktop: dragenter and dragover first (the drop zone shows), then the drop. */
async function dragFile(page: Page, target: Locator, file: { name: string; mimeType: string; bytes: Buffer } | { name: string; size: number }) {
  const dataTransfer = await page.evaluateHandle((f) => {
    const transfer = new DataTransfer();
    const content = 'base64' in f ? Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0)) : new Uint8Array(f.size);
    transfer.items.add(new File([content], f.name, { type: 'mimeType' in f ? f.mimeType : 'application/pdf' }));
    return transfer;
  }, 'bytes' in file ? { name: file.name, mimeType: file.mimeType, base64: file.bytes.toString('base64') } : file);
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('dragover', { dataTransfer });
  return { drop: () => target.dispatchEvent('drop', { dataTransfer }) };
}

test('scans are attached by the picker and by dropping, viewed page by page, and downloaded unchanged; a password-protected PDF waits for its password and then comes as a readable copy', async ({ page }) => {
  server = await startDevServerProcess(freshDataDir());
  const itemId = await openNewLetter(page);
  const section = page.getByTestId('item-documents');
  const viewer = page.getByTestId('document-viewer');
  const canvas = page.getByTestId('viewer-canvas').locator('canvas');

  // A six-page PDF from the picker: its line says how many pages were attached, the viewer opens it.
  await pickFiles(page, [SIX_PAGE_PDF]);
  const line = section.getByTestId('import-line');
  await expect(line).toHaveCount(1);
  await expect(line).toContainText('split-by-tag-basic.pdf');
  await expect(line).toContainText('Dołączono: 6 stron');
  const list = page.getByTestId('document-list');
  await expect(list.locator('tbody tr')).toHaveCount(1);
  await expect(list.locator('tbody tr').first()).toContainText('6 stron');
  await expect(viewer.getByText('z 6')).toBeVisible();
  const thumbnails = page.getByTestId('viewer-thumbnails').getByRole('button');
  await expect(thumbnails).toHaveCount(6);
  await expect(page.getByTestId('viewer-thumbnails').locator('[data-rendered="true"]').first()).toBeVisible();
  await expect(canvas).toHaveAttribute('data-page', '1');

  // Keyboard: PageDown to page 2, R turns it (a portrait page becomes landscape), + zooms in.
  await viewer.focus();
  await page.keyboard.press('PageDown');
  await expect(canvas).toHaveAttribute('data-page', '2');
  await expect(page.getByTestId('viewer-page')).toHaveValue('2');
  await expect(thumbnails.nth(1)).toHaveAttribute('aria-current', 'page');
  const upright = await canvas.boundingBox();
  expect(upright && upright.height > upright.width).toBe(true);
  await page.keyboard.press('r');
  await expect(canvas).toHaveAttribute('data-rotation', '90');
  const turned = await canvas.boundingBox();
  expect(turned && turned.width > turned.height).toBe(true);
  await viewer.getByRole('button', { name: 'Do szerokości' }).click();
  const fitted = Number((await page.getByTestId('viewer-zoom').textContent())?.replace('%', ''));
  await viewer.getByRole('button', { name: 'Powiększ' }).click();
  const zoomed = Number((await page.getByTestId('viewer-zoom').textContent())?.replace('%', ''));
  expect(zoomed).toBeGreaterThan(fitted);
  await expect.poll(async () => (await canvas.boundingBox())?.width ?? 0).toBeGreaterThan((turned?.width ?? 0) * 1.05);
  await viewer.focus();
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  expect(Number((await page.getByTestId('viewer-zoom').textContent())?.replace('%', ''))).toBeLessThan(fitted);
  await page.keyboard.press('PageUp');
  await expect(canvas).toHaveAttribute('data-page', '1');

  // The download is the stored PDF itself: six pages, byte for byte the file that was picked;
  // turning it on screen changed nothing.
  const pdf = await downloaded(page, () => viewer.getByRole('button', { name: 'Pobierz PDF' }).click());
  expect(pdf.name).toBe('split-by-tag-basic.pdf');
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdfInfo(pdf.bytes).pages).toBe(6);
  expect(pdf.bytes.equals(readFileSync(SIX_PAGE_PDF))).toBe(true);

  // A three-page TIFF dragged onto the section: the drop zone shows while it is dragged.
  const tiff = await dragFile(page, section, { name: 'skan-3-strony.tiff', mimeType: 'image/tiff', bytes: readFileSync(THREE_PAGE_TIFF) });
  await expect(section.getByText('Upuść pliki, aby dołączyć je do pisma')).toBeVisible();
  await tiff.drop();
  await expect(section.getByText('Upuść pliki, aby dołączyć je do pisma')).toHaveCount(0);
  await expect(line).toContainText('skan-3-strony.tiff');
  await expect(line).toContainText('Dołączono: 3 strony');
  await expect(list.locator('tbody tr')).toHaveCount(2);
  await expect(viewer.getByText('z 3')).toBeVisible();
  await expect(thumbnails).toHaveCount(3);
  const tiffPdf = await downloaded(page, () => viewer.getByRole('button', { name: 'Pobierz PDF' }).click());
  expect(tiffPdf.name).toBe('skan-3-strony.pdf');
  expect(pdfInfo(tiffPdf.bytes).pages).toBe(3);
  const original = await downloaded(page, () => viewer.getByRole('button', { name: 'Pobierz oryginał (TIFF)' }).click());
  expect(original.name).toBe('skan-3-strony.tiff');
  expect(original.bytes.equals(readFileSync(THREE_PAGE_TIFF))).toBe(true);

  // The first document opens again from the list.
  await list.getByRole('button', { name: 'Pokaż dokument split-by-tag-basic.pdf' }).click();
  await expect(viewer.getByText('z 6')).toBeVisible();

  // A PDF that needs a password: its line asks for it, and nothing is attached until it is given.
  await pickFiles(page, [ENCRYPTED_PDF]);
  await expect(line).toHaveCount(1);
  await expect(line).toContainText('password-is-test.pdf');
  await expect(line).toContainText('Plik PDF jest chroniony hasłem. Wpisz hasło podane przez nadawcę');
  await expect(list.locator('tbody tr')).toHaveCount(2);
  const stored = (await rpc(server, 'documents.ofItem', { itemId })) as ItemDocument[];
  expect(stored.map((d) => [d.originalName, d.pageCount])).toEqual([['split-by-tag-basic.pdf', 6], ['skan-3-strony.tiff', 3]]);

  // The section with all of it on screen (a password field, the list, the viewer) is accessible.
  const results = await new AxeBuilder({ page }).include('[data-testid="item-documents"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // The field has the focus: a wrong password is said so, and the field is ready again; the right
  // one attaches a readable copy, while the original kept is the encrypted file byte for byte.
  const password = line.getByLabel('Hasło do pliku');
  await expect(password).toBeFocused();
  await page.keyboard.type('haslo');
  await page.keyboard.press('Enter');
  await expect(line).toContainText('To hasło nie otwiera pliku.');
  await expect(password).toBeFocused();
  await page.keyboard.type('test');
  await page.keyboard.press('Enter');
  await expect(line).toContainText('Dołączono: 1 strona');
  await expect(list.locator('tbody tr')).toHaveCount(3);
  await expect(viewer.getByText('z 1')).toBeVisible();
  await expect(viewer.getByTestId('viewer-readable-copy')).toContainText('Oryginał jest chroniony hasłem');
  const copy = await downloaded(page, () => viewer.getByRole('button', { name: 'Pobierz PDF' }).click());
  expect(copy.name).toBe('password-is-test-kopia.pdf');
  expect(pdfInfo(copy.bytes).pages).toBe(1);
  const encrypted = await downloaded(page, () => viewer.getByRole('button', { name: 'Pobierz oryginał (PDF)' }).click());
  expect(encrypted.bytes.equals(readFileSync(ENCRYPTED_PDF))).toBe(true);

  // A signed letter encrypted without a password to open it is attached as it came: shown, and
  // downloaded byte for byte (its signature intact), with no copy and no password asked.
  await pickFiles(page, [SIGNED_PDF]);
  await expect(line).toContainText('tesseract-signed.pdf');
  await expect(line).toContainText('Dołączono: 1 strona');
  await expect(viewer.getByText('z 1')).toBeVisible();
  await expect(viewer.getByTestId('viewer-readable-copy')).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Pobierz oryginał (PDF)' })).toHaveCount(0);
  const signed = await downloaded(page, () => viewer.getByRole('button', { name: 'Pobierz PDF' }).click());
  expect(signed.name).toBe('tesseract-signed.pdf');
  expect(signed.bytes.equals(readFileSync(SIGNED_PDF))).toBe(true);
});

test('a file over the size limit is refused before it is read or sent, with the reason core would give', async ({ page }) => {
  server = await startDevServerProcess(freshDataDir());
  const itemId = await openNewLetter(page);
  const imports: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/rpc/documents.import')) imports.push(request.url());
  });
  const huge = await dragFile(page, page.getByTestId('item-documents'), { name: 'ogromny-skan.pdf', size: MAX_IMPORT_FILE_BYTES + 1 });
  await huge.drop();
  const line = page.getByTestId('import-line');
  await expect(line).toContainText('ogromny-skan.pdf');
  await expect(line).toContainText('Nie dołączono. Plik jest za duży, by go dołączyć.');
  expect(imports).toEqual([]);
  expect(await rpc(server, 'documents.ofItem', { itemId })).toEqual([]);
});

test('a big file shows how far reading it got, then that it is being checked', async ({ page }) => {
  server = await startDevServerProcess(freshDataDir());
  await openNewLetter(page);
  const section = page.getByTestId('item-documents');
  // Every text the status line shows, as it is shown (Vue redraws after each chunk read).
  await section.evaluate((element) => {
    const seen: string[] = [];
    (window as unknown as { importTexts: string[] }).importTexts = seen;
    new MutationObserver(() => {
      const text = element.querySelector('[data-testid="import-line"] .import-state')?.textContent ?? '';
      if (text !== '' && seen.at(-1) !== text) seen.push(text);
    }).observe(element, { subtree: true, childList: true, characterData: true });
  });
  // 48 MB: sixteen chunks read. (Playwright itself cannot watch a request body of hundreds of
  // megabytes: its pipe to Chromium gives up on strings over 512 MB, so 190 MB is measured by hand.)
  const size = 48 * 1024 * 1024;
  const started = Date.now();
  const big = await dragFile(page, section, { name: 'duzy-plik.pdf', size });
  await big.drop();
  const line = page.getByTestId('import-line');
  // Zeros are no PDF, TIFF, JPEG or PNG: core looks at the content, not the name.
  await expect(line).toContainText('Nie dołączono. To nie jest plik PDF, TIFF, JPEG ani PNG', { timeout: 45_000 });
  const elapsed = Date.now() - started;
  const texts = await page.evaluate(() => (window as unknown as { importTexts: string[] }).importTexts);
  const percents = texts.flatMap((text) => /^Wczytywanie… (\d+)%$/u.exec(text)?.[1] ?? []).map(Number);
  expect(percents.some((p) => p > 0 && p < 100)).toBe(true);
  expect(percents).toEqual([...percents].sort((a, b) => a - b));
  expect(texts).toContain('Sprawdzanie…');
  expect(texts.indexOf('Sprawdzanie…')).toBeGreaterThan(texts.findIndex((t) => t.startsWith('Wczytywanie')));
  test.info().annotations.push({ type: 'figure', description: `48 MB read, sent and refused in ${elapsed} ms; ${percents.length} progress steps` });
});

test('a 117-page document shows every page in the thumbnail column but draws only those in view', async ({ page }) => {
  server = await startDevServerProcess(freshDataDir());
  await openNewLetter(page);
  await pickFiles(page, [BIG_PDF]);
  await expect(page.getByTestId('import-line')).toContainText('Dołączono: 117 stron');
  const column = page.getByTestId('viewer-thumbnails');
  await expect(column.getByRole('button')).toHaveCount(117);
  const drawn = column.locator('[data-rendered="true"]');
  await expect(drawn.first()).toBeVisible();
  const early = await drawn.count();
  expect(early).toBeGreaterThan(0);
  expect(early).toBeLessThan(30);
  // The last page, straight from the keyboard: its thumbnail is drawn, the first ones are let go.
  await page.getByTestId('document-viewer').focus();
  await page.keyboard.press('End');
  await expect(page.getByTestId('viewer-canvas').locator('canvas')).toHaveAttribute('data-page', '117');
  await expect(column.getByRole('button', { name: 'Strona 117' }).locator('[data-rendered="true"]')).toBeVisible();
  await expect(column.getByRole('button', { name: 'Strona 1', exact: true }).locator('[data-rendered="false"]')).toBeAttached();
  expect(await drawn.count()).toBeLessThan(30);
});

test('a CCITT fax scan is drawn: the image decoders pdf.js loads at run time ship with the app', async ({ page }) => {
  server = await startDevServerProcess(freshDataDir());
  const failed: string[] = [];
  page.on('requestfailed', (request) => failed.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') failed.push(message.text());
  });
  await openNewLetter(page);
  await pickFiles(page, [join(CORPUS, 'ocrmypdf/ccitt.pdf')]);
  const canvas = page.getByTestId('viewer-canvas').locator('canvas[data-page="1"]');
  await expect(canvas).toBeVisible();
  // A blank page is what pdf.js draws when it cannot decode the image: count the ink.
  const ink = await canvas.evaluate((element: HTMLCanvasElement) => {
    const context = element.getContext('2d');
    if (!context) return 0;
    const { data } = context.getImageData(0, 0, element.width, element.height);
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 128) dark += 1;
    return dark / (data.length / 4);
  });
  expect(ink).toBeGreaterThan(0.01);
  // No CSP refusal, no missing decoder file, no warning from pdf.js.
  expect(failed).toEqual([]);
});
