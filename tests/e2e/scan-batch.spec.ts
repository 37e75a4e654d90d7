import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { resolve } from 'node:path';
import { freshDataDir, rpc, startDevServerProcess, useDesk, type RunningDevServer } from './devserver-process.ts';

/**
 * Issue 6, point 5 in the browser: a scanned batch imported from the "Do rozdzielenia" screen is
 * split at its PATCH-T sheet, the parts wait in the tray, and a clerk assigns one by typing an
 * RPW number and pressing Enter — with the keyboard only.
 */

const BATCH = resolve(import.meta.dirname, '../../../shared/corpus/paperless-ngx/patch-code-t-middle.pdf');

let server: RunningDevServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

test('imports a batch, lists the parts to sort and assigns one by RPW number', async ({ page }) => {
  server = await startDevServerProcess(freshDataDir());
  await useDesk(server);
  const entry = (await rpc(server, 'registry.register', {
    receivedAt: '2026-11-20T09:00:00+01:00', channel: 'post', sender: { name: 'Anna Nowak' },
    senderReference: null, letterDate: null, subject: 'Wniosek', attachmentsCount: 0,
  })) as { id: string; rpwNumber: string };
  await page.goto(server.url);
  await page.goto(`${server.origin}/#/kancelaria`);
  await page.getByRole('link', { name: 'Do rozdzielenia' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Do rozdzielenia' })).toBeVisible();
  await expect(page.getByTestId('tray-empty')).toBeVisible();

  await page.getByLabel('Wybierz plik partii').setInputFiles(BATCH);
  const summary = page.getByTestId('batch-summary');
  await expect(summary).toContainText('Partia „patch-code-t-middle.pdf”: 3 str.', { timeout: 30_000 });
  await expect(summary).toContainText('Do rozdzielenia: 2 części, razem 2 str.');
  await expect(summary).toContainText('Pominięte karty rozdzielające: 1');
  await expect(page.getByTestId('tray-part')).toHaveCount(2);
  await expect(page.getByTestId('tray-part').first()).toContainText('brak etykiety RPW przed tymi stronami');

  // Each part shows its own pages before the clerk types a number: page 1 of the batch, then page 3.
  const previews = page.getByTestId('tray-preview');
  await expect(previews.first().locator('[data-rendered="true"]')).toHaveCount(1);
  // Thumbnails are drawn as they come into view.
  await previews.nth(1).scrollIntoViewIfNeeded();
  await expect(previews.nth(1).locator('[data-rendered="true"]')).toHaveCount(1);
  await expect(previews.nth(1).getByText('str. 3')).toBeVisible();
  await previews.first().scrollIntoViewIfNeeded();
  const small = await previews.first().locator('canvas').boundingBox();
  await previews.first().getByRole('button', { name: 'Powiększ str. 1' }).click();
  await expect.poll(async () => (await previews.first().locator('canvas').boundingBox())?.width ?? 0).toBeGreaterThan((small?.width ?? 0) * 3);
  await expect(previews.first().getByRole('button', { name: 'Powiększ str. 1' })).toHaveAttribute('aria-pressed', 'true');

  const field = page.getByTestId('tray-part').first().getByLabel('Numer RPW pisma');
  await field.fill('RPW/KO/999/2026');
  await field.press('Enter');
  await expect(page.getByTestId('tray-part').first().getByRole('alert')).toHaveText('Nie ma w rejestrze pisma o tym numerze RPW.');
  await field.fill(entry.rpwNumber.toLowerCase());
  await field.press('Enter');
  await expect(page.getByTestId('tray-part')).toHaveCount(1);
  await expect(page.getByText(`Przypisano 1 str. do pisma ${entry.rpwNumber}.`)).toBeAttached();
  // The focus went on to the next part's number field.
  await expect(page.getByTestId('tray-part').first().getByLabel('Numer RPW pisma')).toBeFocused();

  const documents = (await rpc(server, 'documents.ofItem', { itemId: entry.id })) as { pageCount: number }[];
  expect(documents.map((d) => d.pageCount)).toEqual([1]);

  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
