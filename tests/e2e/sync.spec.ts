import AxeBuilder from '@axe-core/playwright';
import { officeYear } from '../../shared/dates.ts';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, lettersOnServer, startCentralServer, type RunningCentralServer } from './central-server.ts';
import { freshDataDir, rpc, startDevServerProcess, type RunningDevServer } from './devserver-process.ts';

// Each central server is set up from scratch (two admin runs, then PGlite starting in its own
// process): several seconds apiece, more on a busy machine.
test.describe.configure({ timeout: 120_000 });

const centrals: RunningCentralServer[] = [];
let workstation: RunningDevServer | null = null;
test.afterEach(async () => {
  await workstation?.stop();
  workstation = null;
  for (const server of centrals.splice(0)) await server.stop();
});

async function centralServer(): Promise<RunningCentralServer> {
  const server = await startCentralServer();
  centrals.push(server);
  return server;
}

async function noSeriousViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test('a clerk signs in to the central server, registers a letter and sees it sent', async ({ page }) => {
  const central = await centralServer();
  workstation = await startDevServerProcess(freshDataDir());
  await rpc(workstation, 'settings.update', { workstationName: 'Okienko 1', deskCode: 'KO', centralServerUrl: central.url, uiLanguage: 'pl' });
  const status = page.getByTestId('sync-status');

  // With a server configured, the workstation opens on the sign-in screen, naming the server.
  await page.goto(workstation.url);
  await expect(page.getByRole('heading', { name: 'Logowanie' })).toBeVisible();
  await expect(page.getByTestId('signin-server')).toHaveText(`Serwer centralny: ${central.url}`);
  await expect(status).toHaveText('Nie zalogowano');

  // Ustawienia stays reachable signed out (IT fixes a wrong address there), and leads back.
  await page.getByRole('link', { name: 'Popraw go w Ustawieniach' }).click();
  await expect(page.getByRole('heading', { name: 'Ustawienia stanowiska' })).toBeVisible();
  await expect(page.getByLabel('Adres serwera centralnego')).toHaveValue(central.url);
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('heading', { name: 'Logowanie' })).toBeVisible();

  // Keyboard only: the login has the focus, Tab to the password, Enter signs in.
  await expect(page.getByLabel('Login')).toBeFocused();
  await page.keyboard.type(ADMIN.login);
  await page.keyboard.press('Tab');
  await page.keyboard.type('zupelnie-nie-to-haslo');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Nieprawidłowy login lub hasło.');
  await expect(page.getByLabel('Hasło')).toBeFocused();
  await expect(page.getByLabel('Hasło')).toHaveValue('');
  await noSeriousViolations(page);

  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Rejestracja pisma wpływającego' })).toBeVisible();
  await expect(page.getByTestId('session-user')).toContainText(ADMIN.displayName);
  await expect(page.getByTestId('session-user')).not.toContainText('(offline)');
  // The first sync leases a block of RPW numbers for desk KO.
  await expect(status).toHaveText('Połączono');

  // A letter, registered from the keyboard as at the desk, numbered from the leased block.
  await expect(page.getByLabel('Nadawca', { exact: true })).toBeFocused();
  await page.keyboard.type('Zofia Wiśniewska');
  await page.getByLabel('Znak pisma nadawcy').fill('ZW/1/2026');
  await page.locator('#letterDate-unknown').check();
  await page.getByLabel('Dotyczy (treść w skrócie)').fill('Wniosek o wycinkę drzewa przy ul. Ozimskiej');
  await page.keyboard.press('Control+Enter');
  const year = officeYear(new Date());
  await expect(page.getByTestId('registered-banner')).toContainText(`Zarejestrowano pismo RPW/KO/1/${String(year)}.`);

  // The outbox empties: the header comes back to "Połączono" with nothing waiting…
  await expect(status).toHaveText('Połączono');
  await expect(page.getByTestId('sync-pending')).toHaveCount(0);
  await expect(page.getByTestId('sync-issues')).toHaveCount(0);
  // …and the server really has the letter.
  await expect.poll(() => lettersOnServer(central.url)).toEqual([{ rpwNumber: `RPW/KO/1/${String(year)}`, senderName: 'Zofia Wiśniewska' }]);

  // "Synchronizuj teraz" runs a cycle on request and ends where it started.
  await page.getByRole('button', { name: 'Synchronizuj teraz' }).click();
  await expect(status).toHaveText('Połączono');

  // The conflicts view, from the register's tabs: nothing to clear up.
  await page.getByRole('link', { name: 'Konflikty synchronizacji' }).click();
  await expect(page.getByRole('heading', { name: 'Konflikty synchronizacji', level: 1 })).toBeVisible();
  await expect(page.getByTestId('conflicts-empty')).toHaveText('Brak konfliktów — serwer przyjął wszystkie zmiany z tego stanowiska.');
  await noSeriousViolations(page);

  // Signing out brings the sign-in screen back.
  await page.getByRole('button', { name: 'Wyloguj' }).click();
  await expect(page.getByRole('heading', { name: 'Logowanie' })).toBeVisible();
  await expect(page.getByTestId('session-user')).toHaveCount(0);
});

test('changes wait while the server is away, and those it never got become issues the clerk clears up', async ({ page }) => {
  // The second one is where IT moves the workstation later; started now, in parallel.
  const [central, another] = await Promise.all([centralServer(), centralServer()]);
  workstation = await startDevServerProcess(freshDataDir());
  await rpc(workstation, 'settings.update', { workstationName: 'Okienko 1', deskCode: 'KO', centralServerUrl: central.url, uiLanguage: 'pl' });
  await rpc(workstation, 'auth.signIn', { login: ADMIN.login, password: ADMIN.password });
  const status = page.getByTestId('sync-status');
  await page.goto(workstation.url);
  await expect(status).toHaveText('Połączono');

  // The server goes away: work goes on, the header says when the next attempt is due.
  await central.stop();
  await expect(status).toHaveText(/^Brak połączenia — następna próba o \d{2}:\d{2}$/);
  await page.getByLabel('Nadawca', { exact: true }).fill('Piotr Zieliński');
  await page.locator('#senderReference-unknown').check();
  await page.locator('#letterDate-unknown').check();
  await page.getByLabel('Dotyczy (treść w skrócie)').fill('Skarga na oświetlenie ulicy');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('registered-banner')).toContainText('Zarejestrowano pismo RPW/KO/1/');
  await expect(page.getByTestId('sync-pending')).toHaveText('1 zmiana czeka');

  // IT moves the workstation to another server: the letter never reached the old one, and is
  // not sent to the new one either. After signing in there, it waits in the conflicts view.
  await rpc(workstation, 'settings.update', { workstationName: 'Okienko 1', deskCode: 'KO', centralServerUrl: another.url, uiLanguage: 'pl' });
  await expect(page.getByRole('heading', { name: 'Logowanie' })).toBeVisible();
  await page.getByLabel('Login').fill(ADMIN.login);
  await page.getByLabel('Hasło').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  await expect(status).toHaveText('Połączono');
  const badge = page.getByTestId('sync-issues');
  await expect(badge).toHaveText('1 konflikt');
  await expect(page.getByTestId('sync-pending')).toHaveCount(0);

  await badge.click();
  const issue = page.getByRole('article');
  await expect(issue.getByRole('heading', { level: 3 })).toHaveText('Rejestracja pisma — odrzucona przez serwer');
  await expect(issue).toContainText('Zmiana czekała na wysłanie, gdy zmieniono adres serwera centralnego');
  await expect(issue.getByTestId('version-here')).toContainText('Piotr Zieliński');
  await expect(issue.getByTestId('version-here')).toContainText('Skarga na oświetlenie ulicy');
  await expect(issue.getByTestId('version-server')).toContainText('Serwer nie ma innej wersji');
  await noSeriousViolations(page);

  await issue.getByRole('button', { name: 'Oznacz jako wyjaśnione' }).click();
  await expect(page.getByRole('heading', { name: 'Wyjaśnione' })).toBeVisible();
  await expect(page.getByTestId('conflicts-empty')).toHaveText('Nic więcej nie czeka na wyjaśnienie.');
  await expect(badge).toHaveCount(0);
});

test('a desk without numbers from the server registers nothing and says why', async ({ page }) => {
  const central = await centralServer();
  workstation = await startDevServerProcess(freshDataDir());
  // Desk KO-2 is not in the server's organisation: it gets no block of RPW numbers.
  await rpc(workstation, 'settings.update', { workstationName: 'Okienko 2', deskCode: 'KO-2', centralServerUrl: central.url, uiLanguage: 'pl' });
  await rpc(workstation, 'auth.signIn', { login: ADMIN.login, password: ADMIN.password });
  await page.goto(workstation.url);
  await expect(page.getByTestId('sync-status')).toHaveText(/^Błąd serwera centralnego — następna próba o \d{2}:\d{2}$/);
  // The server's own reason, for IT, on the status itself.
  await expect(page.getByRole('status').filter({ has: page.getByTestId('sync-status') })).toHaveAttribute('title', /Serwer nie zna tego punktu kancelaryjnego/);

  await page.getByLabel('Nadawca', { exact: true }).fill('Anna Kowalczyk');
  await page.locator('#senderReference-unknown').check();
  await page.locator('#letterDate-unknown').check();
  await page.locator('#subject-unknown').check();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('registration-status')).toHaveText(/^Stanowisko nie ma już wolnych numerów RPW z serwera centralnego/);
  await expect(page.getByTestId('registered-banner')).toHaveCount(0);
  await expect(page.getByTestId('sync-pending')).toHaveCount(0);
});
