import { expect, test, type Page } from '@playwright/test';
import { freshDataDir, startDevServerProcess, useDesk, type RunningDevServer } from './devserver-process.ts';

let server: RunningDevServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

/** Rows of the register list (not the options of its filter selects). */
const entries = (page: Page) => page.getByRole('listbox', { name: 'Rejestr przesyłek wpływających' }).getByRole('option');

/** Presses Tab until the element with `id` has focus: the keyboard path a clerk takes. */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

test('a clerk registers letters with the keyboard only and finds them again by search', async ({ page }) => {
  server = await startDevServerProcess(freshDataDir());
  await useDesk(server);
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Rejestracja pisma wpływającego' })).toBeVisible();

  // Letter 1: a new sender, saved to the address book on the way.
  await expect(page.getByLabel('Nadawca', { exact: true })).toBeFocused();
  await page.keyboard.type('Paweł Łukasiewicz');
  await tabTo(page, 'saveCorrespondent');
  await page.keyboard.press('Space');
  await tabTo(page, 'pesel');
  await page.keyboard.type('44051401358'); // wrong check digit: a warning, not a block
  await expect(page.getByText('Sprawdź: cyfra kontrolna się nie zgadza.')).toBeVisible();
  await tabTo(page, 'postalCode');
  await page.keyboard.type('90-001');
  await tabTo(page, 'city');
  await page.keyboard.type('Łódź');
  await tabTo(page, 'senderReference');
  await page.keyboard.type('PŁ/7/2026');
  await tabTo(page, 'letterDate-unknown');
  await page.keyboard.press('Space');
  await tabTo(page, 'subject');
  await page.keyboard.type('Skarga na hałas z budowy przy ul. Żółkiewskiego');
  await tabTo(page, 'attachmentsCount');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('2');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('registered-banner')).toContainText('Zarejestrowano pismo RPW/KO/1/2026.');
  await expect(page.getByLabel('Nadawca', { exact: true })).toBeFocused();
  await expect(page.getByLabel('Nadawca', { exact: true })).toHaveValue('');

  // Letter 2: the sender comes from the address book, typed without Polish letters.
  await page.keyboard.type('lukas');
  await expect(page.getByRole('option', { name: /Paweł Łukasiewicz/ })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Adres nadawcy')).toHaveValue('90-001 Łódź');
  await tabTo(page, 'senderReference-unknown');
  await page.keyboard.press('Space');
  await tabTo(page, 'letterDate-unknown');
  await page.keyboard.press('Space');
  await tabTo(page, 'subject');
  await page.keyboard.type('Wniosek o zaświadczenie o zameldowaniu');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('registered-banner')).toContainText('RPW/KO/2/2026');

  // The register: newest first, found by words typed with or without diacritics.
  await page.getByRole('link', { name: 'Rejestr', exact: true }).click();
  await expect(page.getByTestId('register-total')).toContainText('2 pozycje');
  const search = page.getByLabel('Szukaj', { exact: true });
  await search.fill('halas zolkiewskiego');
  await expect(page.getByTestId('register-total')).toContainText('1 pozycja');
  await expect(entries(page).first()).toContainText('RPW/KO/1/2026');
  await search.fill('łukasiewicz');
  await expect(page.getByTestId('register-total')).toContainText('2 pozycje');
  await search.fill('zameldowan');
  await expect(entries(page)).toHaveCount(1);

  // Into the entry from the keyboard: ↓ to the list, Enter opens it.
  await search.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'RPW/KO/2/2026' })).toBeVisible();
  await expect(page.getByText('Zarejestrowano jako RPW/KO/2/2026')).toBeVisible();
  await expect(page.locator('dd', { hasText: 'brak danych' })).toHaveCount(2);
});

test('invalid input gets Polish messages beside the fields and uses no number', async ({ page }) => {
  server = await startDevServerProcess(freshDataDir());
  await useDesk(server);
  await page.goto(server.url);
  // The shortcut belongs to the form: pressed before the form is there (a slow first load), it reaches nothing.
  await expect(page.getByLabel('Nadawca', { exact: true })).toBeVisible();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('registration-status')).toHaveText('Pismo nie zostało zarejestrowane. Popraw zaznaczone pola.');
  await expect(page.getByText('Wpisz wartość albo zaznacz „brak danych”.')).toHaveCount(4);
  await expect(page.getByLabel('Nadawca', { exact: true })).toBeFocused();

  await page.keyboard.type('Urząd Skarbowy');
  for (const id of ['senderReference-unknown', 'letterDate-unknown', 'subject-unknown']) {
    await tabTo(page, id);
    await page.keyboard.press('Space');
  }
  await tabTo(page, 'attachmentsCount');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('-3');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Liczba nie może być ujemna.')).toBeVisible();
  await expect(page.getByLabel('Liczba załączników')).toBeFocused();

  await page.keyboard.press('Control+a');
  await page.keyboard.type('0');
  await page.keyboard.press('Control+Enter');
  // The first successful registration gets number 1: the refused attempts burned nothing.
  await expect(page.getByTestId('registered-banner')).toContainText('RPW/KO/1/2026');
});

test('a cancelled entry stays in the register with its reason and history', async ({ page }) => {
  server = await startDevServerProcess(freshDataDir());
  await useDesk(server);
  await page.goto(server.url);
  // Typed before the form has its focus (a slow first load), the name would reach nothing.
  await expect(page.getByLabel('Nadawca', { exact: true })).toBeFocused();
  await page.keyboard.type('Jan Kowalski');
  for (const id of ['senderReference-unknown', 'letterDate-unknown']) {
    await tabTo(page, id);
    await page.keyboard.press('Space');
  }
  await tabTo(page, 'subject');
  await page.keyboard.type('Pismo zarejestrowane omyłkowo');
  await page.keyboard.press('Control+Enter');
  await page.getByRole('link', { name: 'Otwórz wpis' }).click();

  await page.getByRole('button', { name: 'Anuluj wpis' }).click();
  await expect(page.getByLabel('Powód anulowania')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Podaj powód (co najmniej 3 znaki).');
  await page.keyboard.type('Dublet wpisu RPW/KO/7/2026');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('entry-status')).toContainText('anulowane — Anulowano: Dublet wpisu');
  await expect(page.getByRole('listitem').filter({ hasText: 'Anulowano: Dublet wpisu' })).toBeVisible();

  await page.getByRole('link', { name: 'Wróć do rejestru' }).click();
  await expect(page.getByTestId('register-total')).toContainText('1 pozycja');
  await expect(entries(page).first()).toContainText('anulowane');
});

test('a workstation without a desk code cannot register and says where to set it', async ({ page }) => {
  server = await startDevServerProcess(freshDataDir());
  await page.goto(server.url);
  await expect(page.getByRole('alert')).toContainText('nie ma symbolu punktu kancelaryjnego');
  await page.getByRole('link', { name: 'Ustaw go w Ustawieniach' }).click();
  await expect(page.getByRole('heading', { name: 'Ustawienia stanowiska' })).toBeVisible();
});
