import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { freshDataDir, startDevServerProcess, type RunningDevServer } from './devserver-process.ts';

let server: RunningDevServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

for (const [keys, route] of [['Alt+1', 'kancelaria'], ['Alt+6', 'ustawienia']] as const) {
  test(`no serious or critical accessibility violations on ${route}`, async ({ page }) => {
    server = await startDevServerProcess(freshDataDir());
    await page.goto(server.url);
    await page.keyboard.press(keys);
    await expect(page).toHaveURL(new RegExp(`#/${route}$`));
    await expect(page.locator('h1')).toBeVisible();
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
