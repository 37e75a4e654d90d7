import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { freshDataDir, rpc, startDevServerProcess, useDesk, type RunningDevServer } from './devserver-process.ts';

let server: RunningDevServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

for (const route of ['kancelaria', 'kancelaria/rejestr', 'kancelaria/rejestr/:entry', 'dekretacja', 'ustawienia'] as const) {
  test(`no serious or critical accessibility violations on ${route}`, async ({ page }) => {
    server = await startDevServerProcess(freshDataDir());
    await useDesk(server);
    const entry = (await rpc(server, 'registry.register', {
      receivedAt: '2026-11-20T09:00:00+01:00', channel: 'post', sender: { name: 'Anna Nowak' },
      senderReference: null, letterDate: null, subject: 'Wniosek', attachmentsCount: 0,
    })) as { id: string };
    await page.goto(server.url); // hands the page its token
    await page.goto(`${server.origin}/#/${route.replace(':entry', entry.id)}`);
    await expect(page.locator('h1')).toBeVisible();
    if (route === 'kancelaria') {
      await page.keyboard.press('Control+Enter');
      await expect(page.getByText('Popraw zaznaczone pola.')).toBeVisible();
    }
    if (route === 'kancelaria/rejestr') await page.getByText('Wydruk i eksport rejestru za okres').click();
    if (route === 'kancelaria/rejestr/:entry') {
      // The A4-sheet controls and the cancel form open on demand: check them open.
      await page.getByLabel('Drukarka').selectOption('a4sheet');
      await page.getByRole('button', { name: 'Anuluj wpis' }).click();
    }
    if (route === 'ustawienia') {
      // Show the error state too: errors must be announced and labelled, not only coloured.
      await page.getByLabel('Adres serwera centralnego').fill('nie-adres');
      await page.getByRole('button', { name: 'Zapisz ustawienia' }).click();
      await expect(page.getByText('Podaj pełny adres')).toBeVisible();
    }
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(blocking.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
}
