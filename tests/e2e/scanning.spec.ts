import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { NO_SCANIMAGE_REASON, SCANIMAGE_PRESENT } from '../../electron/core/test-support/sane-test-backend.ts';
import { freshDataDir, rpc, startDevServerProcess, useDesk, type RunningDevServer } from './devserver-process.ts';

let server: RunningDevServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

/** The devserver's scanimage sees only SANE's test backend (a temporary SANE_CONFIG_DIR; /etc is untouched). */
function saneConfigDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kancelaria-sane-'));
  writeFileSync(join(dir, 'dll.conf'), 'test\n');
  return dir;
}

test('a letter is registered and scanned in one motion (Alt+S), and a feeder batch lands on its entry as one document', async ({ page }) => {
  test.skip(!SCANIMAGE_PRESENT, NO_SCANIMAGE_REASON);
  server = await startDevServerProcess(freshDataDir(), { env: { SANE_CONFIG_DIR: saneConfigDir() } });
  await useDesk(server);
  await page.goto(server.url);
  await expect(page.getByLabel('Nadawca', { exact: true })).toBeFocused();
  await page.keyboard.type('Jan Kowalski');
  await page.getByLabel('Znak pisma nadawcy').fill('JK/1/2026');
  await page.locator('#letterDate-unknown').check();
  await page.getByLabel('Dotyczy (treść w skrócie)').fill('Wniosek o zaświadczenie');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('registered-banner')).toContainText('RPW/KO/1/2026');

  // The scanner row appears under the confirmation; Alt+S scans the letter from the glass.
  await expect(page.getByTestId('scan-button')).toBeEnabled();
  await page.keyboard.press('Alt+s');
  await expect(page.getByTestId('scan-message')).toHaveText('Zeskanowano 1 stronę i dołączono do pisma jako jeden dokument.');

  await page.getByRole('link', { name: 'Otwórz wpis' }).click();
  await expect(page.getByRole('heading', { name: 'RPW/KO/1/2026' })).toBeVisible();
  await page.getByLabel('Źródło').selectOption('adf');
  await page.getByLabel('Rozdzielczość').selectOption('150');
  await page.getByLabel('Kolor', { exact: true }).selectOption('gray');
  await page.getByTestId('scan-button').click();
  // SANE's test feeder holds ten sheets.
  await expect(page.getByTestId('scan-message')).toHaveText('Zeskanowano 10 stron i dołączono do pisma jako jeden dokument.', { timeout: 30_000 });

  const list = (await rpc(server, 'registry.list', {})) as { rows: { id: string }[] };
  const documents = (await rpc(server, 'documents.ofItem', { itemId: list.rows[0]?.id })) as { pageCount: number; originalFormat: string }[];
  expect(documents.map((d) => [d.pageCount, d.originalFormat])).toEqual([[1, 'tiff'], [10, 'tiff']]);
});
