import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { pdfText } from '../../electron/core/test-support/pdf-probe.ts';
import { freshDataDir, rpc, startDevServerProcess, useDesk, type RunningDevServer } from './devserver-process.ts';

// The demo city's Referat GN-I: its head and a clerk.
const GN_I_HEAD = 'jkozlowski2';
const GN_I_CLERK = 'iadamczyk2';

let server: RunningDevServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

test('a unit head reads the register of complaints and requests of a year, with the overdue one marked, and saves it as PDF', async ({ page }) => {
  server = await startDevServerProcess(freshDataDir(), { demo: true });
  await useDesk(server);
  await rpc(server, 'auth.actAs', { login: GN_I_CLERK });
  const open = (matterType: string, title: string, startedOn: string) =>
    rpc(server as RunningDevServer, 'cases.open', { itemIds: [], unitCode: 'GN-I', jrwaSymbol: '6831', title, matterType, startedOn, handlerLogin: GN_I_CLERK }) as Promise<{ id: string; sign: string }>;
  const overdue = await open('skarga', 'Skarga na przewlekłość postępowania', '2025-03-03');
  const settled = await open('wniosek', 'Wniosek o wydłużenie godzin pracy', '2025-04-01');
  await rpc(server, 'cases.close', { id: settled.id, settlement: 'Wniosek uwzględniono' });
  await open('kpa_general', 'Podział działki', '2025-04-02');

  await page.goto(server.url);
  await page.getByLabel('Pracuję jako').selectOption(GN_I_HEAD);
  await page.keyboard.press('Alt+5');
  await page.getByRole('link', { name: 'Rejestr skarg i wniosków (art. 254 KPA)' }).click();
  await page.getByLabel('Rok').fill('2025');
  await page.getByRole('button', { name: 'Pokaż' }).click();
  await expect(page.getByTestId('complaints-summary')).toHaveText('2 skargi i wnioski, po terminie w toku: 1.');
  const rows = page.locator('.complaints-register tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(overdue.sign);
  await expect(rows.nth(0)).toContainText('w toku, po terminie');
  await expect(rows.nth(1)).toContainText('Wniosek uwzględniono');

  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Pobierz PDF' }).click();
  const words = pdfText(readFileSync(await (await waiting).path())).split(/\s+/u).filter(Boolean).join(' ');
  expect(words).toContain('Rejestr skarg i wniosków — rok 2025');
  expect(words).toContain('Skarga na przewlekłość postępowania');
  expect(words).not.toContain('Podział działki');

  // A case sign leads to the case.
  await rows.nth(0).getByRole('link', { name: overdue.sign }).click();
  await expect(page.getByTestId('case-sign')).toHaveText(overdue.sign);
});
