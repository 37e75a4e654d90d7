import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { officeToday } from '../../shared/dates.ts';
import { pdfText } from '../../electron/core/test-support/pdf-probe.ts';
import { freshDataDir, rpc, startDevServerProcess, useDesk, type RunningDevServer } from './devserver-process.ts';
import { workAs } from './work-as.ts';

// The demo city's GN department (sections GN-I, GN-II): its head and a GN-I clerk and head.
const GN_HEAD = 'mdabrowska';
const GN_I_HEAD = 'jkozlowski2';
const GN_I_CLERK = 'iadamczyk2';
const SCAN = resolve(import.meta.dirname, '../../../shared/corpus/paperless-ngx/simple.pdf');

let server: RunningDevServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

async function register(devserver: RunningDevServer, channel: string, subject: string): Promise<{ id: string; rpwNumber: string }> {
  return (await rpc(devserver, 'registry.register', {
    receivedAt: new Date().toISOString(), channel, sender: { name: 'Zofia Łęcka', address: 'ul. Ozimska 12, 45-057 Opole' },
    senderReference: null, letterDate: null, subject, attachmentsCount: 0,
  })) as { id: string; rpwNumber: string };
}

/** A case in GN-I on `letterId`, its reply accepted by the head and sent by `channel`: the RKW entry. */
async function replySent(devserver: RunningDevServer, letterId: string, channel: 'registered_zpo' | 'epuap', postage: string | null): Promise<{ id: string; rkwNumber: string }> {
  await rpc(devserver, 'auth.actAs', { login: GN_I_CLERK });
  const opened = (await rpc(devserver, 'cases.open', {
    itemIds: [letterId], unitCode: 'GN-I', jrwaSymbol: '6831', title: `Podział działki (${channel})`, matterType: 'kpa_general', startedOn: officeToday(), handlerLogin: GN_I_CLERK,
  })) as { id: string };
  const templates = (await rpc(devserver, 'templates.list', { unitCode: 'GN-I' })) as { id: string; name: string }[];
  const template = templates.find((t) => t.name === 'Odpowiedź na pismo');
  if (!template) throw new Error('the demo template is missing');
  const draft = (await rpc(devserver, 'replies.draft', { caseId: opened.id, templateId: template.id })) as { id: string };
  await rpc(devserver, 'replies.update', { id: draft.id, addressee: 'Zofia Łęcka\nul. Ozimska 12\n45-057 Opole', body: 'Szanowna Pani,\n\nw sprawie **{{tytul_sprawy}}** uprzejmie informuję, że podział zatwierdzono.' });
  await rpc(devserver, 'replies.submit', { id: draft.id });
  await rpc(devserver, 'auth.actAs', { login: GN_I_HEAD });
  await rpc(devserver, 'replies.decide', { id: draft.id, decision: 'accept' });
  await rpc(devserver, 'auth.actAs', { login: GN_I_CLERK });
  const sent = (await rpc(devserver, 'outgoing.dispatchReply', {
    replyId: draft.id, channel, addresseeName: 'Zofia Łęcka', addressLines: 'ul. Ozimska 12\n45-057 Opole', sentOn: officeToday(), ...(postage === null ? {} : { postage }), closeCase: true, settlement: 'Odpowiedź udzielona',
  })) as { id: string; rkwNumber: string };
  return sent;
}

async function xlsxRows(path: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(new Uint8Array(readFileSync(path)).buffer);
  const sheet = book.getWorksheet('Raport');
  return sheet ? sheet.getSheetValues().filter(Array.isArray).map((r: unknown[]) => r.slice(1)) : [];
}

test('a unit head reads the intake of their units by day, drills down to the letters, and exports the same numbers', async ({ page }) => {
  server = await startDevServerProcess(freshDataDir(), { demo: true });
  await useDesk(server);
  // Three letters today to GN-I (one scanned), one to OR-K (outside GN), one not yet routed.
  const gnLetters = [await register(server, 'post', 'Wniosek o podział działki 1/1'), await register(server, 'epuap', 'Wniosek o podział działki 2/2'), await register(server, 'post', 'Wniosek o podział działki 3/3')];
  const orLetter = await register(server, 'email', 'Zapytanie o nabór');
  await register(server, 'in_person', 'Pismo bez dekretacji');
  await rpc(server, 'documents.import', { itemId: gnLetters[0]?.id, fileName: 'skan.pdf', base64: readFileSync(SCAN).toString('base64') });
  for (const letter of gnLetters) await rpc(server, 'routing.route', { itemId: letter.id, leadUnitCode: 'GN-I', infoUnitCodes: [], instruction: null, dueDate: null });
  await rpc(server, 'routing.route', { itemId: orLetter.id, leadUnitCode: 'OR-K', infoUnitCodes: [], instruction: null, dueDate: null });

  await page.goto(server.url);
  await workAs(page, GN_HEAD);
  await page.keyboard.press('Alt+5');
  await page.getByRole('button', { name: 'Wpływ korespondencji' }).click();
  await page.getByLabel('Wpływ od').fill(officeToday());
  await page.getByLabel('Wpływ do').fill(officeToday());
  await page.getByLabel('Zestawienie').selectOption({ label: 'dziennie' });
  await page.getByRole('button', { name: 'Pokaż raport' }).click();

  await expect(page.getByTestId('report-scope')).toHaveText('Zakres: GN, GN-I, GN-II');
  // The head sees the letters now in their units; letters not routed yet belong to the desk.
  await expect(page.getByTestId('intake-awaiting')).toContainText('widzi kancelaria i sekretarz miasta');
  const days = page.getByTestId('intake-periods');
  const today = days.getByRole('row').filter({ hasText: officeToday() });
  // Registered 3, scanned 1 (33,3%); post 2, in person 0, courier 0, e-mail 0, ePUAP 1.
  await expect(today.getByRole('cell')).toHaveText(['3', '1', '33,3%', '2', '0', '0', '0', '1', '0', '0']);
  await expect(page.getByTestId('intake-trend')).toContainText('dzień po dniu');
  await expect(page.getByTestId('intake-trend').locator('[role="img"]')).toHaveAttribute('aria-label', `${officeToday()}: 3 pisma, zeskanowano 33,3%`);
  await expect(page.getByTestId('intake-trend').locator('canvas').first()).toBeVisible();
  const screen = await today.getByRole('cell').allTextContents();

  // The scanned figure, by keyboard: the one letter with a document.
  await today.getByRole('button', { name: `Pisma ze skanem, ${officeToday()}: 1. Pokaż pisma` }).focus();
  await page.keyboard.press('Enter');
  const drill = page.getByTestId('report-drill');
  await expect(drill.getByRole('status')).toHaveText('1 pozycja');
  await expect(page.getByTestId('report-drill-rows')).toContainText(gnLetters[0]?.rpwNumber ?? '?');
  await page.getByTestId('intake-desks').getByRole('button', { name: /^Pisma zarejestrowane, KO: 3\./u }).click();
  await expect(drill.getByRole('status')).toHaveText('3 pozycje');
  await expect(page.getByTestId('report-drill-rows')).not.toContainText(orLetter.rpwNumber);

  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Pobierz XLSX' }).click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toBe(`wplyw-${officeToday()}-${officeToday()}-day.xlsx`);
  const rows = await xlsxRows(await xlsx.path());
  expect(rows.find((r) => r[0] === officeToday())?.slice(1, 4)).toEqual([Number(screen[0]), Number(screen[1]), 1 / 3]);
  expect(rows.some((r) => r[0] === 'Zakres: GN, GN-I, GN-II')).toBe(true);
  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Pobierz PDF' }).click();
  const text = pdfText(readFileSync(await (await pdfDownload).path()), { layout: true });
  expect(text).toContain('Wpływ korespondencji');
  expect(text).toMatch(/Stanowisko KO +3 +1 +33,3%/u);
});

test('the outgoing report shows what GN-I sent, the postage and the receipts still outstanding, down to the RKW entry', async ({ page }) => {
  server = await startDevServerProcess(freshDataDir(), { demo: true });
  await useDesk(server);
  const first = await register(server, 'post', 'Wniosek o podział działki 4/4');
  const second = await register(server, 'epuap', 'Wniosek o podział działki 5/5');
  const registered = await replySent(server, first.id, 'registered_zpo', '8,60');
  const electronic = await replySent(server, second.id, 'epuap', null);
  await rpc(server, 'outgoing.recordDelivery', { id: electronic.id, kind: 'electronic_proof', deliveredOn: officeToday() });

  await page.goto(server.url);
  await workAs(page, GN_HEAD);
  await page.keyboard.press('Alt+5');
  await page.getByRole('button', { name: 'Wysyłka (RKW)' }).click();
  await page.getByLabel('Nadane od').fill(officeToday());
  await page.getByLabel('Nadane do').fill(officeToday());
  await page.getByRole('button', { name: 'Pokaż raport' }).click();

  const channels = page.getByTestId('outgoing-channel');
  // Sent, postage, receipts outstanding, returned, art. 44.
  await expect(channels.getByRole('row').filter({ hasText: 'List polecony za potwierdzeniem odbioru (KPA)' }).getByRole('cell')).toHaveText(['1', '8,60 zł', '1', '0', '0']);
  await expect(channels.getByRole('row').filter({ hasText: 'ePUAP' }).getByRole('cell')).toHaveText(['1', '0,00 zł', '0', '0', '0']);
  await expect(page.getByTestId('outgoing-unit').getByRole('row').filter({ hasText: 'GN-I —' }).getByRole('cell')).toHaveText(['2', '8,60 zł', '1', '0', '0']);

  // Sortable by any column: postage, largest first, puts the registered letter on top; again, at the bottom.
  const postage = channels.getByRole('columnheader', { name: 'Opłata pocztowa' });
  await postage.getByRole('button').click();
  await expect(postage).toHaveAttribute('aria-sort', 'descending');
  await expect(channels.locator('tbody th').first()).toHaveText('List polecony za potwierdzeniem odbioru (KPA)');
  await postage.getByRole('button').click();
  await expect(channels.locator('tbody th').last()).toHaveText('List polecony za potwierdzeniem odbioru (KPA)');
  await channels.locator('tfoot').getByRole('button', { name: /^Pisma bez potwierdzenia odbioru, Razem: 1\./u }).click();
  await expect(page.getByTestId('report-drill').getByRole('status')).toHaveText('1 pozycja');
  // The registered letter, not the ePUAP one whose proof came back.
  await expect(page.getByTestId('report-drill-rows')).toContainText(registered.rkwNumber);
  await expect(page.getByTestId('report-drill-rows')).not.toContainText(electronic.rkwNumber);

  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Pobierz PDF' }).click();
  const text = pdfText(readFileSync(await (await pdfDownload).path()), { layout: true });
  expect(text).toContain('Korespondencja wysłana');
  expect(text).toMatch(/Polecony ZPO +1 +8,60 zł +1 +0 +0/u);
});
