import { readFileSync } from 'node:fs';
import { officeToday, officeYear } from '../../shared/dates.ts';
import { expect, test } from '@playwright/test';
import { pdfFonts, pdfText } from '../../electron/core/test-support/pdf-probe.ts';
import { freshDataDir, rpc, startDevServerProcess, useDesk, type RunningDevServer } from './devserver-process.ts';
import { workAs } from './work-as.ts';

// The demo city's Referat Gospodarki Nieruchomościami (GN-I): its head and a clerk.
const GN_I_HEAD = 'jkozlowski2';
const GN_I_CLERK = 'iadamczyk2';

let server: RunningDevServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

test('a clerk drafts a reply from a template, the head returns it with remarks, then accepts it; the czystopis is the final PDF, sent and delivered', async ({ page }) => {
  server = await startDevServerProcess(freshDataDir(), { demo: true });
  await useDesk(server);
  const letter = (await rpc(server, 'registry.register', {
    receivedAt: new Date().toISOString(), channel: 'post', sender: { name: 'Zofia Łęcka', address: 'ul. Ozimska 12, 45-057 Opole' },
    senderReference: 'ZŁ/2/2026', letterDate: null, subject: 'Wniosek o podział działki 12/4', attachmentsCount: 0,
  })) as { id: string };
  await rpc(server, 'auth.actAs', { login: GN_I_CLERK });
  const opened = (await rpc(server, 'cases.open', {
    itemIds: [letter.id], unitCode: 'GN-I', jrwaSymbol: '6831', title: 'Podział działki 12/4', matterType: 'kpa_general',
    startedOn: officeToday(), handlerLogin: GN_I_CLERK,
  })) as { id: string; sign: string };

  // The first visit carries the devserver's token; after it, links within the app work.
  await page.goto(server.url);
  await page.goto(`${server.origin}/#/moje-sprawy/sprawa/${opened.id}`);
  await expect(page.getByTestId('case-sign')).toHaveText(opened.sign);
  const replies = page.getByTestId('case-replies');
  await expect(replies).toContainText('W tej sprawie nie przygotowano jeszcze odpowiedzi.');
  await replies.getByLabel('Szablon').selectOption({ label: 'Odpowiedź na pismo (UM)' });
  await replies.getByRole('button', { name: 'Przygotuj odpowiedź' }).click();
  await expect(replies.getByLabel('Adresat (każdy wiersz osobno)')).toHaveValue('Zofia Łęcka\nul. Ozimska 12\n45-057 Opole');
  const body = replies.getByLabel('Treść odpowiedzi');
  await body.fill('Szanowna Pani,\n\nw odpowiedzi na pismo {{znak_pisma}} w sprawie **{{tytul_sprawy}}** informuję, że podział zatwierdzono {{data_decyzji}}.');
  await expect(replies.getByRole('alert')).toContainText('Treść, wiersz 3, kolumna 104: nieznane pole data_decyzji');
  await body.fill('Szanowna Pani,\n\nw odpowiedzi na pismo {{znak_pisma}} w sprawie **{{tytul_sprawy}}** informuję, że podział zatwierdzono.');
  await replies.getByRole('button', { name: 'Zapisz projekt' }).click();
  await expect(replies.getByRole('status')).toHaveText('Projekt zapisany.');
  await replies.getByRole('button', { name: 'Przekaż do akceptacji' }).click();
  await expect(replies.getByRole('status')).toHaveText('Projekt przekazano do akceptacji.');
  await expect(replies.locator('.reply-row')).toContainText('czeka na akceptację');

  // The head finds it among the replies awaiting akceptacja, and returns it.
  await workAs(page, GN_I_HEAD);
  await page.keyboard.press('Alt+4');
  await page.getByTestId('awaiting-approval').getByRole('link', { name: opened.sign }).click();
  await replies.getByLabel('Uwagi').fill('Proszę dodać pouczenie o odwołaniu.');
  await replies.getByRole('button', { name: 'Zwróć z uwagami' }).click();
  await expect(replies.locator('.reply-row')).toContainText('Uwagi przełożonego: Proszę dodać pouczenie o odwołaniu.');

  await workAs(page, GN_I_CLERK);
  await replies.getByRole('button', { name: 'Edytuj' }).click();
  await body.fill(`${await body.inputValue()}\n\nPouczenie: od decyzji przysługuje odwołanie.`);
  await replies.getByRole('button', { name: 'Przekaż do akceptacji' }).click();
  await expect(replies.getByRole('status')).toHaveText('Projekt przekazano do akceptacji.');

  await workAs(page, GN_I_HEAD);
  await replies.getByRole('button', { name: 'Akceptuj (czystopis)' }).click();
  await expect(replies.getByRole('status')).toHaveText('Zaakceptowano: czystopis gotowy.');
  await expect(replies.locator('.reply-row')).toContainText('czystopis');
  await expect(page.getByTestId('case-history')).toContainText(`Zaakceptowano odpowiedź — czystopis ze znakiem ${opened.sign}`);

  const waiting = page.waitForEvent('download');
  await replies.getByRole('button', { name: 'Zapisz czystopis' }).click();
  const download = await waiting;
  const pdf = readFileSync(await download.path());
  const words = pdfText(pdf).split(/\s+/u).filter(Boolean).join(' ');
  expect(words).toContain(`Znak sprawy: ${opened.sign}`);
  expect(words).toContain('Zofia Łęcka ul. Ozimska 12 45-057 Opole');
  expect(words).toContain('w odpowiedzi na pismo ZŁ/2/2026 w sprawie Podział działki 12/4 informuję, że podział zatwierdzono.');
  expect(words).toContain('Pouczenie: od decyzji przysługuje odwołanie.');
  expect(pdfText(pdf, { raw: true })).not.toContain('PROJEKT');
  expect(pdfFonts(pdf).every((f) => f.embedded)).toBe(true);
  // A czystopis is not edited any more.
  await expect(replies.getByRole('button', { name: 'Edytuj' })).toHaveCount(0);

  // Sent by registered post with a return receipt: into the RKW, and the case closes with it.
  await workAs(page, GN_I_CLERK);
  await replies.getByRole('button', { name: 'Wyślij (RKW)' }).click();
  const dispatch = page.getByTestId('reply-dispatch');
  await expect(dispatch.getByLabel('Adresat (imię i nazwisko lub nazwa)')).toHaveValue('Zofia Łęcka');
  await expect(dispatch.getByLabel('Adres doręczenia')).toHaveValue('ul. Ozimska 12\n45-057 Opole');
  await dispatch.getByLabel('Opłata (zł)').fill('8,605');
  await dispatch.getByLabel('Masa (g)').fill('20');
  await dispatch.getByRole('button', { name: 'Wpisz do RKW i wyślij' }).click();
  await expect(dispatch.getByLabel('Opłata (zł)')).toHaveAccessibleDescription(/Podaj kwotę w złotych, np\. 8,60\./u);
  await dispatch.getByLabel('Opłata (zł)').fill('8,60');
  await dispatch.getByRole('button', { name: 'Wpisz do RKW i wyślij' }).click();
  const year = officeYear(new Date());
  await expect(replies.getByRole('status')).toHaveText(`Wpisano do rejestru przesyłek wychodzących jako RKW/KO/1/${String(year)}.`);
  await expect(page.getByTestId('case-history')).toContainText('Zakończono sprawę: Załatwiono pismem „Odpowiedź na pismo”.');
  await expect(replies.getByTestId('outgoing-state')).toHaveText('Wysłano — czeka na potwierdzenie odbioru.');

  // The return receipt comes back to the desk: delivery is recorded in the register, not as a remark.
  await page.goto(`${server.origin}/#/kancelaria/wysylka`);
  await page.getByLabel('tylko czekające na potwierdzenie odbioru').check();
  await page.getByRole('button', { name: 'Pokaż' }).click();
  await expect(page.getByTestId('outgoing-summary')).toHaveText('1 przesyłka, opłaty razem 8,60 zł.');
  const row = page.locator(`[data-rkw="RKW/KO/1/${String(year)}"]`);
  await expect(row).toContainText(opened.sign);
  await row.getByRole('button', { name: 'Zapisz doręczenie' }).click();
  await row.getByLabel('Sposób doręczenia').selectOption({ label: 'awizo — doręczenie zastępcze (art. 44 KPA)' });
  await row.getByLabel('Data pierwszego awizo').fill(officeToday());
  await row.getByRole('button', { name: 'Zapisz', exact: true }).click();
  await expect(row.getByLabel('Data pierwszego awizo')).toHaveAccessibleDescription(/14 dni od pierwszego awizo jeszcze nie minęło/u);
  await row.getByLabel('Sposób doręczenia').selectOption({ label: 'odebrał adresat (podpis na potwierdzeniu)' });
  await row.getByRole('button', { name: 'Zapisz', exact: true }).click();
  // Its receipt is back, so it leaves the list of those still awaited…
  await expect(page.getByTestId('outgoing-summary')).toHaveText('Brak przesyłek w tym okresie.');
  await page.getByLabel('tylko czekające na potwierdzenie odbioru').uncheck();
  await page.getByRole('button', { name: 'Pokaż' }).click();
  // …and stays in the register with its delivery.
  await expect(row.getByTestId('outgoing-state')).toContainText('Doręczono');
  await expect(row.getByTestId('outgoing-state')).toContainText('odebrał adresat (podpis na potwierdzeniu)');

  // The day's dispatch book: refused in Polish until the desk has a sender, then the PDF with the znak sprawy.
  await page.getByRole('button', { name: 'Zapisz jako PDF' }).click();
  await expect(page.getByRole('alert')).toHaveText('Nie podano nadawcy przesyłek: uzupełnij go w Ustawieniach (nazwa urzędu i adres).');
  await rpc(server, 'settings.update', { workstationName: 'Okienko 1', deskCode: 'KO', centralServerUrl: '', uiLanguage: 'pl', postalSender: 'Urząd Miasta Opola\nRynek-Ratusz\n45-015 Opole' });
  const bookDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Zapisz jako PDF' }).click();
  const book = readFileSync(await (await bookDownload).path());
  const bookWords = pdfText(book).split(/\s+/u).filter(Boolean).join(' ');
  expect(bookWords).toContain('Pocztowa książka nadawcza');
  expect(bookWords).toContain(`${opened.sign} ZPO`);
  expect(bookWords).toContain('Razem: 1 przesyłka, opłata 8,60 zł');
  expect(pdfFonts(book).every((f) => f.embedded)).toBe(true);

  // The letter's own path shows its reply going out and arriving.
  await page.goto(`${server.origin}/#/kancelaria/rejestr/${letter.id}`);
  await expect(page.locator('.history')).toContainText(`Wysłano odpowiedź (${opened.sign}): RKW/KO/1/${String(year)}, List polecony za potwierdzeniem odbioru (KPA)`);
  await expect(page.locator('.history')).toContainText(`Doręczono odpowiedź RKW/KO/1/${String(year)}`);
});
