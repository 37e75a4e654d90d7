import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { freshDataDir, rpc, startDevServerProcess, useDesk, type RunningDevServer } from './devserver-process.ts';

const PHOTO = resolve(import.meta.dirname, '../../../shared/corpus/tesseract-polish/sample_pl-part1-courier-digital_cam.tif');

let server: RunningDevServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

test('a Polish scan is read in the background while the register stays usable, and its words find the letter', async ({ page }) => {
  // One page of OCR on a busy two-core machine.
  test.setTimeout(180_000);
  server = await startDevServerProcess(freshDataDir());
  await useDesk(server);
  const item = (await rpc(server, 'registry.register', {
    receivedAt: '2026-11-20T09:15:00+01:00',
    channel: 'post',
    sender: { name: 'Instytut Pamięci', address: 'ul. Długa 1, 00-950 Warszawa' },
    senderReference: null,
    letterDate: null,
    subject: 'Kopia zarządzenia',
    attachmentsCount: 1,
  })) as { id: string };

  await page.goto(server.url);
  await page.getByRole('link', { name: 'Rejestr', exact: true }).click();
  await expect(page.getByRole('option', { name: /RPW\/KO\/1\/2026/ })).toBeVisible();

  await rpc(server, 'documents.import', { itemId: item.id, fileName: 'zarzadzenie.tif', base64: readFileSync(PHOTO).toString('base64') });
  const status = page.getByTestId('text-queue');
  await expect(status).toHaveText(/Rozpoznawanie tekstu: 0 z 1 strony/u, { timeout: 30_000 });
  // The register answers while OCR runs: the ordinary search still works.
  await page.getByLabel('Szukaj', { exact: true }).fill('zarządzenia');
  await expect(page.getByTestId('register-total')).toContainText('1 pozycja');
  await expect(status).toHaveText('', { timeout: 150_000 });

  // Typed without Polish letters.
  await page.getByRole('searchbox', { name: 'Szukaj w treści pism' }).fill('tajnych wspolpracownikow');
  const hits = page.getByTestId('document-search-hits');
  await expect(hits.getByRole('listitem')).toHaveCount(1);
  await expect(hits.locator('mark').first()).toHaveText('tajnych');
  await expect(hits).toContainText('zarzadzenie.tif, str. 1');
  await expect(hits).toContainText('współpracowników');
  await hits.getByRole('link', { name: 'RPW/KO/1/2026' }).click();
  await expect(page.getByRole('heading', { name: 'RPW/KO/1/2026' })).toBeVisible();
});
