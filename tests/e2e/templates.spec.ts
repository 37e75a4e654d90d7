import { expect, test } from '@playwright/test';
import { freshDataDir, startDevServerProcess, type RunningDevServer } from './devserver-process.ts';

let server: RunningDevServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

test('an admin writes a letter template: a wrong field is named before saving, fields are inserted from the list, every save is a version', async ({ page }) => {
  server = await startDevServerProcess(freshDataDir(), { demo: true });
  await page.goto(server.url);
  // The shortcuts are the app's: pressed before it is on screen, they reach nothing.
  await expect(page.getByRole('navigation', { name: 'Sekcje' })).toBeVisible();
  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('heading', { name: 'Odpowiedzi', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Szablony pism' })).toBeVisible();
  // The demo city ships the urząd's two templates.
  await expect(page.getByRole('button', { name: 'Odpowiedź na pismo' })).toBeVisible();

  await page.getByRole('button', { name: 'Nowy szablon' }).click();
  await page.getByLabel('Komórka').selectOption('GN');
  await page.getByLabel('Nazwa szablonu').fill('Wezwanie do uzupełnienia wniosku');
  await page.getByLabel('Miejscowość w dacie pisma').fill('Opole');
  await page.getByLabel('Nagłówek (każdy wiersz osobno)').fill('Prezydent Miasta Opola\nWydział Geodezji');
  const body = page.getByLabel('Treść pisma');
  await body.fill('W sprawie {{numer_sprawy}} wzywam do uzupełnienia wniosku w terminie 7 dni.\n\nZ poważaniem');
  await expect(page.getByRole('alert')).toContainText('Treść, wiersz 1, kolumna 11: nieznane pole numer_sprawy');
  await expect(page.getByRole('button', { name: 'Zapisz nową wersję' })).toBeDisabled();

  // Replace the wrong field with the right one from the list, at the cursor.
  await body.fill('W sprawie  wzywam do uzupełnienia wniosku w terminie 7 dni.\n\nZ poważaniem');
  await body.focus();
  await body.evaluate((area: HTMLTextAreaElement) => area.setSelectionRange(10, 10));
  await page.getByRole('button', { name: '{{znak_sprawy}}' }).click();
  await expect(body).toHaveValue('W sprawie {{znak_sprawy}} wzywam do uzupełnienia wniosku w terminie 7 dni.\n\nZ poważaniem');
  await page.getByLabel('Blok podpisu (każdy wiersz osobno)').fill('z up. Prezydenta Miasta Opola\n{{podpisujacy}');
  await expect(page.getByRole('alert')).toContainText('Podpis, wiersz 2, kolumna 1: pole otwarte „{{” nie jest zamknięte „}}”');
  await page.getByLabel('Blok podpisu (każdy wiersz osobno)').fill('z up. Prezydenta Miasta Opola\n{{podpisujacy}}');
  await expect(page.getByRole('alert')).toHaveCount(0);

  await page.keyboard.press('Control+s');
  await expect(page.getByText('Zapisano wersję 1.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Wezwanie do uzupełnienia wniosku' })).toBeVisible();

  // The preview is the draft PDF; without a case the case's fields are named as gaps.
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Podgląd PDF' }).click();
  await (await popup).close();
  await expect(page.getByText('Bez sprawy pozostaną puste: znak_sprawy, podpisujacy.')).toBeVisible();

  await body.fill('W sprawie {{znak_sprawy}} wzywam do uzupełnienia wniosku w terminie 14 dni.');
  await page.getByRole('button', { name: 'Zapisz nową wersję' }).click();
  await expect(page.getByText('Zapisano wersję 2.')).toBeVisible();
  await expect(page.getByText(/Wersja 1 — /u)).toBeVisible();
  // An old version can be brought back for editing; saving it makes version 3.
  await page.getByRole('listitem').filter({ hasText: 'Wersja 1 —' }).getByRole('button', { name: 'Wczytaj do edycji' }).click();
  await expect(body).toHaveValue('W sprawie {{znak_sprawy}} wzywam do uzupełnienia wniosku w terminie 7 dni.\n\nZ poważaniem');
  await page.getByRole('button', { name: 'Zapisz nową wersję' }).click();
  await expect(page.getByText('Zapisano wersję 3.')).toBeVisible();
});
