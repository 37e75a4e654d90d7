import AxeBuilder from '@axe-core/playwright';
import { officeToday } from '../../shared/dates.ts';
import { expect, test } from '@playwright/test';
import { freshDataDir, rpc, startDevServerProcess, useDesk, type RunningDevServer } from './devserver-process.ts';
import { workAs } from './work-as.ts';

// The demo city: Referat GN-I (its clerk and head) in Wydział GN (its naczelnik).
const GN_I_CLERK = 'iadamczyk2';
const GN_I_HEAD = 'jkozlowski2';
const GN_HEAD = 'mdabrowska';

let server: RunningDevServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

test('an administrator sets a two-step akceptacja for a referat; the draft passes its head, is returned by the naczelnik, and after a second pass becomes the czystopis', async ({ page }) => {
  server = await startDevServerProcess(freshDataDir(), { demo: true });
  await useDesk(server);
  await page.goto(server.url);

  // The chain, set from the keyboard: the referat's head, then the head of its wydział.
  await page.keyboard.press('Alt+4');
  await page.getByRole('link', { name: 'Ścieżki akceptacji projektów odpowiedzi' }).click();
  await page.getByLabel('Komórka').selectOption('GN-I');
  await expect(page.getByTestId('chain-state')).toHaveText('Ta komórka nie ma własnej ścieżki: obowiązuje domyślna — jeden krok, kierownik komórki.');
  await page.getByRole('button', { name: 'Dodaj krok' }).press('Enter');
  await expect(page.getByLabel('Kto akceptuje (krok 2)')).toBeFocused();
  await expect(page.getByLabel('Kto akceptuje (krok 2)')).toHaveValue('parent_head');
  await page.getByLabel('Kto akceptuje (krok 2)').selectOption('unit_head');
  await expect(page.getByRole('alert')).toHaveText('Ten sam krok powtarza się w ścieżce.');
  // The editor with a problem shown: announced and labelled, not only coloured.
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.getByLabel('Kto akceptuje (krok 2)').selectOption({ label: 'Kierownik komórki nadrzędnej' });
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('status')).toHaveText('Zapisano ścieżkę akceptacji komórki GN-I.');

  await rpc(server, 'auth.actAs', { login: GN_I_CLERK });
  const opened = (await rpc(server, 'cases.open', {
    unitCode: 'GN-I', jrwaSymbol: '6831', title: 'Podział działki 7/2', matterType: 'kpa_general', startedOn: officeToday(), handlerLogin: GN_I_CLERK,
  })) as { id: string; sign: string };
  await page.goto(`${server.origin}/#/moje-sprawy/sprawa/${opened.id}`);
  await expect(page.getByLabel('Pracuję jako')).toHaveValue(GN_I_CLERK);
  const replies = page.getByTestId('case-replies');
  await replies.getByLabel('Szablon').selectOption({ label: 'Odpowiedź na pismo (UM)' });
  await replies.getByRole('button', { name: 'Przygotuj odpowiedź' }).click();
  await replies.getByLabel('Adresat (każdy wiersz osobno)').fill('Pan Jan Nowak\nul. Ozimska 7\n45-057 Opole');
  await replies.getByLabel('Treść odpowiedzi').fill('W sprawie **{{tytul_sprawy}}** informuję, że podział zatwierdzono.');
  await replies.getByRole('button', { name: 'Przekaż do akceptacji' }).click();
  await expect(replies.getByTestId('reply-step')).toHaveText('akceptacja 1 z 2: Kierownik Referatu Jan Kozłowski');
  // The clerk is offered no decision on her own draft.
  await expect(replies.getByRole('button', { name: /Akceptuj/u })).toHaveCount(0);

  await workAs(page, GN_I_HEAD);
  await replies.getByRole('button', { name: 'Akceptuj i przekaż dalej' }).click();
  await expect(replies.getByRole('status')).toHaveText('Zaakceptowano krok 1 z 2: projekt czeka na kolejny krok akceptacji.');
  await expect(replies.getByTestId('reply-step')).toHaveText('akceptacja 2 z 2: Naczelnik Wydziału Małgorzata Dąbrowska');
  await expect(replies.getByRole('button', { name: /Akceptuj/u })).toHaveCount(0);

  // The naczelnik finds it waiting at her step, and returns it.
  await workAs(page, GN_HEAD);
  await page.keyboard.press('Alt+4');
  await expect(page.getByTestId('awaiting-approval')).toContainText('akceptacja 2 z 2');
  await page.getByTestId('awaiting-approval').getByRole('link', { name: opened.sign }).click();
  await replies.getByLabel('Uwagi').fill('Proszę powołać podstawę prawną.');
  await replies.getByRole('button', { name: 'Zwróć z uwagami' }).click();
  await expect(replies.locator('.reply-row')).toContainText('Uwagi przełożonego: Proszę powołać podstawę prawną.');

  // Sent again, it starts at the referat's head.
  await workAs(page, GN_I_CLERK);
  await replies.getByRole('button', { name: 'Przekaż do akceptacji' }).click();
  await expect(replies.getByTestId('reply-step')).toHaveText('akceptacja 1 z 2: Kierownik Referatu Jan Kozłowski');
  await workAs(page, GN_I_HEAD);
  await replies.getByRole('button', { name: 'Akceptuj i przekaż dalej' }).click();
  await expect(replies.getByTestId('reply-step')).toHaveText('akceptacja 2 z 2: Naczelnik Wydziału Małgorzata Dąbrowska');
  await workAs(page, GN_HEAD);
  await replies.getByRole('button', { name: 'Akceptuj (czystopis)' }).click();
  await expect(replies.getByRole('status')).toHaveText('Zaakceptowano: czystopis gotowy.');
  await expect(replies.locator('.reply-row')).toContainText('czystopis');
  const history = page.getByTestId('case-history');
  await expect(history).toContainText('Jan Kozłowski (Kierownik Referatu) · Zaakceptowano projekt odpowiedzi — krok 1 z 2; przekazano do kolejnego kroku');
  await expect(history).toContainText(`Małgorzata Dąbrowska (Naczelnik Wydziału) · Zaakceptowano odpowiedź — czystopis ze znakiem ${opened.sign}`);
});
