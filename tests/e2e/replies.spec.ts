import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { pdfFonts, pdfText } from '../../electron/core/test-support/pdf-probe.ts';
import { freshDataDir, rpc, startDevServerProcess, useDesk, type RunningDevServer } from './devserver-process.ts';

// The demo city's Referat Gospodarki Nieruchomościami (GN-I): its head and a clerk.
const GN_I_HEAD = 'jkozlowski2';
const GN_I_CLERK = 'iadamczyk2';

let server: RunningDevServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

async function workAs(page: Page, login: string): Promise<void> {
  await page.getByLabel('Pracuję jako').selectOption(login);
  await expect(page.getByLabel('Pracuję jako')).toHaveValue(login);
}

test('a clerk drafts a reply from a template, the head returns it with remarks, then accepts it; the czystopis is the final PDF', async ({ page }) => {
  server = await startDevServerProcess(freshDataDir(), { demo: true });
  await useDesk(server);
  const letter = (await rpc(server, 'registry.register', {
    receivedAt: new Date().toISOString(), channel: 'post', sender: { name: 'Zofia Łęcka', address: 'ul. Ozimska 12, 45-057 Opole' },
    senderReference: 'ZŁ/2/2026', letterDate: null, subject: 'Wniosek o podział działki 12/4', attachmentsCount: 0,
  })) as { id: string };
  await rpc(server, 'auth.actAs', { login: GN_I_CLERK });
  const opened = (await rpc(server, 'cases.open', {
    itemIds: [letter.id], unitCode: 'GN-I', jrwaSymbol: '6831', title: 'Podział działki 12/4', matterType: 'kpa_general',
    startedOn: new Date().toISOString().slice(0, 10), handlerLogin: GN_I_CLERK,
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
});
