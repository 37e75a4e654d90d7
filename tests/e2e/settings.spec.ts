import { expect, test } from '@playwright/test';
import { freshDataDir, startDevServerProcess, type RunningDevServer } from './devserver-process.ts';

let server: RunningDevServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

test('a clerk saves the workstation settings and finds them again after a restart', async ({ page }) => {
  const dataDir = freshDataDir();
  server = await startDevServerProcess(dataDir);
  await page.goto(server.url);

  await page.getByRole('link', { name: 'Ustawienia', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Ustawienia stanowiska' })).toBeVisible();
  await expect(page.getByText('Obowiązują ustawienia domyślne')).toBeVisible();
  await expect(page.getByTestId('about-data-dir')).toHaveText(dataDir);

  await page.getByLabel('Nazwa stanowiska').fill('Kancelaria ogólna — okienko 2');
  await page.getByLabel('Symbol punktu kancelaryjnego').fill('ko-2');
  await page.getByLabel('Adres serwera centralnego').fill('https://kancelaria.urzad.example.pl/');
  await page.getByLabel('Tekst kodu karty rozdzielającej').fill(' KARTA-KO ');
  await page.getByRole('button', { name: 'Zapisz ustawienia' }).click();
  await expect(page.getByTestId('settings-status')).toHaveText('Zapisano ustawienia.');
  await expect(page.getByText(/^Ostatni zapis: \d{1,2} [a-ząćęłńóśźż]+ 20\d\d/)).toBeVisible();

  // A real restart: a new process on the same data folder, a new token, a fresh page.
  await server.stop();
  server = await startDevServerProcess(dataDir);
  await page.goto(server.url);
  // The shortcuts are the app's: pressed before it is on screen, they reach nothing.
  await expect(page.getByRole('navigation', { name: 'Sekcje' })).toBeVisible();
  await page.keyboard.press('Alt+6');
  await expect(page.getByLabel('Nazwa stanowiska')).toHaveValue('Kancelaria ogólna — okienko 2');
  await expect(page.getByLabel('Symbol punktu kancelaryjnego')).toHaveValue('KO-2');
  await expect(page.getByLabel('Adres serwera centralnego')).toHaveValue('https://kancelaria.urzad.example.pl');
  await expect(page.getByLabel('Tekst kodu karty rozdzielającej')).toHaveValue('KARTA-KO');
  await expect(page.getByTestId('header-workstation')).toHaveText('Kancelaria ogólna — okienko 2');
  await expect(page.getByText('Punkt kancelaryjny: KO-2')).toBeVisible();
});

test('bad input is refused with Polish messages and nothing is saved', async ({ page }) => {
  const dataDir = freshDataDir();
  server = await startDevServerProcess(dataDir);
  await page.goto(server.url);
  // The shortcuts are the app's: pressed before it is on screen, they reach nothing.
  await expect(page.getByRole('navigation', { name: 'Sekcje' })).toBeVisible();
  await page.keyboard.press('Alt+6');

  const name = page.getByLabel('Nazwa stanowiska');
  const originalName = await name.inputValue();
  await name.fill('   ');
  await page.getByLabel('Adres serwera centralnego').fill('ftp://serwer');
  await page.getByLabel('Symbol punktu kancelaryjnego').fill('-ZŁY');
  await page.getByLabel('Tekst kodu karty rozdzielającej').fill('RPW/KO/1/2026');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('Tekst karty rozdzielającej nie może zaczynać się od „RPW/”', { exact: false })).toBeVisible();

  await expect(page.getByText('To pole jest wymagane.')).toBeVisible();
  await expect(page.getByText('Podaj pełny adres zaczynający się od http:// lub https://.')).toBeVisible();
  await expect(page.getByText(/Dozwolone są tylko litery A–Z/)).toBeVisible();
  await expect(page.getByTestId('settings-status')).toHaveText('Popraw zaznaczone pola.');
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute('aria-invalid', 'true');

  await page.reload();
  await page.keyboard.press('Alt+6');
  await expect(page.getByLabel('Nazwa stanowiska')).toHaveValue(originalName);
  await expect(page.getByText('Obowiązują ustawienia domyślne')).toBeVisible();
});

test('the UI switches to English when the clerk chooses it, and stays so', async ({ page }) => {
  server = await startDevServerProcess(freshDataDir());
  await page.goto(server.url);
  // The shortcuts are the app's: pressed before it is on screen, they reach nothing.
  await expect(page.getByRole('navigation', { name: 'Sekcje' })).toBeVisible();
  await page.keyboard.press('Alt+6');
  await page.getByLabel('Język interfejsu').selectOption('en');
  await page.getByRole('button', { name: 'Zapisz ustawienia' }).click();
  await expect(page.getByRole('heading', { name: 'Workstation settings' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('link', { name: 'Settings', exact: true })).toBeVisible();
});

test('Alt+5 opens the reports, which show nothing to a workstation nobody supervises from', async ({ page }) => {
  server = await startDevServerProcess(freshDataDir());
  await page.goto(server.url);
  await expect(page).toHaveURL(/#\/kancelaria/);
  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('heading', { name: 'Raporty', level: 1 })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Raporty są dla kierowników komórek i sekretarza miasta');
  await expect(page.locator('table')).toHaveCount(0);
});
