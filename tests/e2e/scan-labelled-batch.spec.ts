import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { NO_SCANIMAGE_REASON, SCANIMAGE_PRESENT } from '../../electron/core/test-support/sane-test-backend.ts';
import { freshDataDir, rpc, startDevServerProcess, useDesk, type RunningDevServer } from './devserver-process.ts';

/**
 * Issue 6 end to end: a letter registered at the desk, its label printed by the app, the paper
 * put through a scanner with the label on its first page, and the scan found on the letter's
 * register entry — split and attached by the label alone, nobody typed the RPW number.
 *
 * The scanner is SANE's `pnm` virtual device (enabled by a temporary SANE_CONFIG_DIR; /etc is
 * untouched), which "scans" the PNM page the devserver is pointed at: here the app's own A4 label
 * sheet PDF rastered at 300 dpi by poppler's pdftoppm, as a printed and scanned sheet would be.
 * That device gives one sheet per scan, so the batch is the letter's first page.
 */

const PDFTOPPM_PRESENT = spawnSync('pdftoppm', ['-v'], { stdio: 'ignore' }).status === 0;

let server: RunningDevServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

test('a registered letter scanned in a labelled batch from the tray is found attached to its entry', async ({ page }) => {
  test.skip(!SCANIMAGE_PRESENT, NO_SCANIMAGE_REASON);
  test.skip(!PDFTOPPM_PRESENT, 'pdftoppm (Debian package poppler-utils) is not installed');
  const work = mkdtempSync(join(tmpdir(), 'kancelaria-labelled-batch-'));
  const saneDir = join(work, 'sane');
  mkdirSync(saneDir);
  writeFileSync(join(saneDir, 'dll.conf'), 'pnm\n');
  const scannedPage = join(work, 'strona.pgm');
  server = await startDevServerProcess(freshDataDir(), { env: { SANE_CONFIG_DIR: saneDir }, args: ['--sane-pnm-file', scannedPage] });
  await useDesk(server);

  // The desk registers the letter with the keyboard.
  await page.goto(server.url);
  await expect(page.getByLabel('Nadawca', { exact: true })).toBeFocused();
  await page.keyboard.type('Jan Kowalski');
  await page.getByLabel('Znak pisma nadawcy').fill('JK/7/2026');
  await page.locator('#letterDate-unknown').check();
  await page.getByLabel('Dotyczy (treść w skrócie)').fill('Wniosek o wydanie zaświadczenia');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('registered-banner')).toContainText('RPW/KO/1/2026');

  // Its label, as the app prints it on an A4 label sheet, becomes the sheet in the scanner.
  const { rows } = (await rpc(server, 'registry.list', {})) as { rows: { id: string; rpwNumber: string }[] };
  const entry = rows[0];
  if (!entry) throw new Error('the registered letter is not in the register');
  const label = (await rpc(server, 'registry.document', { kind: 'label', id: entry.id, layout: 'a4sheet', position: 1 })) as { base64: string };
  writeFileSync(join(work, 'etykieta.pdf'), Buffer.from(label.base64, 'base64'));
  execFileSync('pdftoppm', ['-gray', '-r', '300', '-singlefile', join(work, 'etykieta.pdf'), join(work, 'strona')]);

  // "Do rozdzielenia" → "Skanuj partię" with the pnm scanner.
  await page.goto(`${server.origin}/#/kancelaria`);
  await page.getByRole('link', { name: 'Do rozdzielenia' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Do rozdzielenia' })).toBeVisible();
  await expect(page.getByLabel('Skaner')).toHaveValue('sane:pnm:0');
  await page.getByLabel('Rozdzielczość').selectOption('300');
  await page.getByRole('button', { name: /Skanuj partię/u }).click();
  await expect(page.getByTestId('scan-message')).toHaveText('Zeskanowano partię: 1 stronę.', { timeout: 60_000 });
  const summary = page.getByTestId('batch-summary');
  await expect(summary).toContainText(/Partia „skan-\d{4}-\d\d-\d\d-\d{6}\.tiff”: 1 str\./u);
  await expect(page.getByTestId('tray-empty')).toBeVisible();

  // The summary leads to the entry, where the document viewer shows the scanned page.
  await summary.getByRole('link', { name: 'RPW/KO/1/2026: dołączono 1 str. (strony 1)' }).click();
  await expect(page.getByRole('heading', { name: 'RPW/KO/1/2026' })).toBeVisible();
  const list = page.getByTestId('document-list');
  await expect(list.locator('tbody tr')).toHaveCount(1);
  await expect(list.locator('tbody tr').first()).toContainText(/skan-\d{4}-\d\d-\d\d-\d{6}-s1\.pdf/u);
  await expect(list.locator('tbody tr').first()).toContainText('1 strona');
  await list.getByRole('button', { name: /^Pokaż dokument skan-/u }).click();
  await expect(page.getByTestId('document-viewer').getByText('z 1')).toBeVisible();
  await expect(page.getByTestId('viewer-thumbnails').locator('[data-rendered="true"]')).toHaveCount(1);

  const documents = (await rpc(server, 'documents.ofItem', { itemId: entry.id })) as { pageCount: number; originalFormat: string }[];
  expect(documents.map((d) => [d.pageCount, d.originalFormat])).toEqual([[1, 'pdf']]);
});
