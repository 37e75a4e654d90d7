import { expect, test, type Page } from '@playwright/test';
import { caseDeadline, findMatterType } from '../../shared/deadlines/index.ts';
import { officeIsoDate, officeToday, officeYear } from '../../shared/dates.ts';
import { freshDataDir, rpc, startDevServerProcess, useDesk, type RunningDevServer } from './devserver-process.ts';
import { workAs } from './work-as.ts';

// The demo city (`npm start` loads it): the registry desk of the Kancelaria Ogólna, the Referat
// Gospodarki Nieruchomościami (GN-I) and the Wydział Komunikacji i Transportu (KT).
const REGISTRY_CLERK = 'tdudek';
const GN_I_HEAD = 'jkozlowski2';
const GN_I_CLERK = 'iadamczyk2';
const KT_HEAD = 'mzajac2';
const KT_CLERK = 'rwojcik2';

let server: RunningDevServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

async function registerLetter(subject: string): Promise<{ id: string; rpwNumber: string; receivedAt: string }> {
  if (!server) throw new Error('no server');
  return (await rpc(server, 'registry.register', {
    receivedAt: new Date().toISOString(), channel: 'post', sender: { name: 'Zofia Łęcka', address: 'ul. Ozimska 12, 45-057 Opole' },
    senderReference: null, letterDate: null, subject, attachmentsCount: 0,
  })) as { id: string; rpwNumber: string; receivedAt: string };
}

async function openInbox(page: Page): Promise<void> {
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { name: 'Dekretacja', level: 1 })).toBeVisible();
}

/** The registry clerk sends the letter to a lead unit from its register entry. */
async function routeTo(page: Page, itemId: string, unitCode: string, instruction: string): Promise<void> {
  await page.goto(`${server?.origin ?? ''}/#/kancelaria/rejestr/${itemId}`);
  const routing = page.getByTestId('item-routing');
  await routing.getByLabel('Komórka wiodąca').selectOption(unitCode);
  await routing.getByLabel('Polecenie (opcjonalnie)').fill(instruction);
  await routing.getByRole('button', { name: 'Zadekretuj' }).click();
  await expect(routing.getByRole('status')).toContainText('Zadekretowano do:');
}

test('a unit head routes a letter to a clerk; the clerk accepts it, opens a case and sees its due date', async ({ page }) => {
  server = await startDevServerProcess(freshDataDir(), { demo: true });
  await useDesk(server);
  await page.goto(server.url);
  await workAs(page, REGISTRY_CLERK);
  const letter = await registerLetter('Wniosek o podział działki nr 12/4 przy ul. Reymonta');
  await routeTo(page, letter.id, 'GN-I', 'Proszę o załatwienie zgodnie z właściwością');
  await expect(page.getByTestId('item-routing')).toContainText('Referat Gospodarki Nieruchomościami (wiodąca) · czeka na przydział');

  // The head of the Referat assigns it.
  await workAs(page, GN_I_HEAD);
  await openInbox(page);
  const toAssign = page.getByTestId('inbox-toAssign');
  const row = toAssign.locator(`tr[data-rpw="${letter.rpwNumber}"]`);
  await expect(row).toContainText('Proszę o załatwienie zgodnie z właściwością');
  await row.getByLabel(`Referent dla pisma ${letter.rpwNumber}`).selectOption(GN_I_CLERK);
  await row.getByRole('button', { name: 'Przydziel' }).click();
  await expect(page.getByTestId('inbox-notice')).toHaveText(`Pismo ${letter.rpwNumber} przydzielono: Iwona Adamczyk.`);
  await expect(toAssign.locator(`tr[data-rpw="${letter.rpwNumber}"]`)).toHaveCount(0);

  // The clerk accepts it and opens the case from it.
  await workAs(page, GN_I_CLERK);
  const toAccept = page.getByTestId('inbox-toAccept').locator(`tr[data-rpw="${letter.rpwNumber}"]`);
  await toAccept.getByRole('button', { name: 'Przyjmij' }).click();
  await expect(page.getByTestId('inbox-notice')).toHaveText(`Przyjęto pismo ${letter.rpwNumber}. Możesz założyć sprawę.`);
  await page.getByTestId('inbox-inProgress').locator(`tr[data-rpw="${letter.rpwNumber}"]`).getByRole('link', { name: 'Załóż sprawę' }).click();

  await page.getByLabel('Klasa JRWA').selectOption('6831');
  await page.getByLabel('Rodzaj sprawy').selectOption('kpa_general');
  await page.getByRole('button', { name: 'Załóż sprawę' }).click();

  // The znak sprawy numbered in the Referat, class 6831, and the KPA due date.
  const year = officeYear(new Date());
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`GN-I.6831.1.${String(year)}`);
  const matterType = findMatterType('kpa_general');
  if (!matterType) throw new Error('kpa_general is a known matter type');
  const due = caseDeadline({ startedOn: officeIsoDate(new Date(letter.receivedAt)), matterType, pauses: [], extensions: [] }).current?.adjusted;
  if (!due) throw new Error('a one-month term has a date');
  const [y, m, d] = due.split('-').map(Number);
  const dueText = new Intl.DateTimeFormat('pl-PL', { dateStyle: 'long' }).format(new Date(y ?? 0, (m ?? 1) - 1, d ?? 1));
  await expect(page.getByTestId('case-due-date')).toContainText(dueText);

  // The register entry shows the case the letter belongs to, with the same due date.
  await page.goto(`${server.origin}/#/kancelaria/rejestr/${letter.id}`);
  await expect(page.getByTestId('item-cases')).toContainText(`GN-I.6831.1.${String(year)}`);
  await expect(page.getByTestId('item-cases').getByTestId('case-due-date')).toHaveText(dueText);
});

test('a letter that is not ours goes back to whoever routed it, with the reason', async ({ page }) => {
  server = await startDevServerProcess(freshDataDir(), { demo: true });
  await useDesk(server);
  await page.goto(server.url);
  await workAs(page, REGISTRY_CLERK);
  const letter = await registerLetter('Zajęcie pasa drogowego na czas remontu elewacji');
  await routeTo(page, letter.id, 'KT', 'Do załatwienia');

  await workAs(page, KT_HEAD);
  await openInbox(page);
  const row = page.getByTestId('inbox-toAssign').locator(`tr[data-rpw="${letter.rpwNumber}"]`);
  await row.getByLabel(`Referent dla pisma ${letter.rpwNumber}`).selectOption(KT_CLERK);
  await row.getByRole('button', { name: 'Przydziel' }).click();
  await expect(page.getByTestId('inbox-notice')).toContainText('przydzielono');

  await workAs(page, KT_CLERK);
  const mine = page.getByTestId('inbox-toAccept').locator(`tr[data-rpw="${letter.rpwNumber}"]`);
  await mine.getByRole('button', { name: 'Zwróć' }).click();
  // A return without a reason is refused in Polish; with one, the letter goes back.
  await mine.getByRole('button', { name: 'Zwróć pismo' }).click();
  await expect(mine.getByRole('alert')).toContainText('Podaj powód');
  await mine.getByLabel(`Powód zwrotu pisma ${letter.rpwNumber}`).fill('Nie nasza właściwość — pas drogowy to Miejski Zarząd Dróg');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('inbox-notice')).toHaveText(`Zwrócono pismo ${letter.rpwNumber}.`);

  // The registry clerk sees it back, with the reason, and routes it again from the entry.
  await workAs(page, REGISTRY_CLERK);
  const back = page.getByTestId('inbox-returned').locator(`tr[data-rpw="${letter.rpwNumber}"]`);
  await expect(back).toContainText('Powód: Nie nasza właściwość — pas drogowy to Miejski Zarząd Dróg');
  await back.getByRole('link', { name: 'Zadekretuj ponownie' }).click();
  const routing = page.getByTestId('item-routing');
  await expect(routing).toContainText('zwrócone: Nie nasza właściwość — pas drogowy to Miejski Zarząd Dróg');
  await routing.getByLabel('Komórka wiodąca').selectOption('MZD');
  await routing.getByRole('button', { name: 'Zadekretuj' }).click();
  await expect(routing).toContainText('Miejski Zarząd Dróg (wiodąca) · czeka na przydział');
  // The whole path stays: the first route is still listed, marked as returned.
  await expect(routing.locator('li')).toHaveCount(2);
});

test('a supplement to a letter joins its open case from the register entry', async ({ page }) => {
  server = await startDevServerProcess(freshDataDir(), { demo: true });
  await useDesk(server);
  const first = await registerLetter('Wniosek o podział działki nr 3/7');
  const supplement = await registerLetter('Uzupełnienie wniosku o podział działki nr 3/7 — mapa');
  await rpc(server, 'auth.actAs', { login: GN_I_CLERK });
  const opened = (await rpc(server, 'cases.open', {
    itemIds: [first.id], unitCode: 'GN-I', jrwaSymbol: '6831', title: 'Podział działki 3/7', matterType: 'kpa_general',
    startedOn: officeToday(), handlerLogin: GN_I_CLERK,
  })) as { id: string; sign: string };

  await page.goto(server.url);
  await page.goto(`${server.origin}/#/kancelaria/rejestr/${supplement.id}`);
  const cases = page.getByTestId('item-cases');
  await expect(cases).toContainText('Pismo nie należy jeszcze do żadnej sprawy.');
  await cases.getByLabel('Sprawa, do której dołączyć pismo').selectOption({ label: `${opened.sign} — Podział działki 3/7` });
  await cases.getByRole('button', { name: 'Dołącz' }).click();
  await expect(cases.getByRole('status')).toHaveText(`Pismo dołączono do sprawy ${opened.sign}.`);
  await expect(cases.getByRole('link', { name: opened.sign })).toBeVisible();

  await cases.getByRole('link', { name: opened.sign }).click();
  await expect(page.getByTestId('case-letters')).toContainText(supplement.rpwNumber);
  await expect(page.getByTestId('case-history')).toContainText(`Dołączono pismo ${supplement.rpwNumber}`);
});
