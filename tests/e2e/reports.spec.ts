import { readFileSync } from 'node:fs';
import { officeToday } from '../../shared/dates.ts';
import { addDays } from '../../shared/deadlines/dates.ts';
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { pdfText } from '../../electron/core/test-support/pdf-probe.ts';
import { freshDataDir, rpc, startDevServerProcess, useDesk, type RunningDevServer } from './devserver-process.ts';
import { workAs } from './work-as.ts';

// The demo city's Wydział Gospodarki Nieruchomościami (GN, with sections GN-I and GN-II): its head and two clerks.
const GN_HEAD = 'mdabrowska';
const GN_I_CLERK = 'iadamczyk2';
const GN_II_CLERK = 'ajankowska2';
const OR_CLERK = 'dwieczorek';

let server: RunningDevServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

const isoDay = (offset: number): string => addDays(officeToday(), offset);

/** Cases closed today: started 10 and 5 days ago (on time, 1 month), 70 days ago (late); one in OR, outside GN. */
async function seed(devserver: RunningDevServer): Promise<{ late: { id: string; sign: string } }> {
  const open = async (clerk: string, unitCode: string, jrwaSymbol: string, startedOn: string, title: string) => {
    await rpc(devserver, 'auth.actAs', { login: clerk });
    return (await rpc(devserver, 'cases.open', { itemIds: [], unitCode, jrwaSymbol, title, matterType: 'kpa_general', startedOn, handlerLogin: clerk })) as { id: string; sign: string };
  };
  const close = (id: string) => rpc(devserver, 'cases.close', { id, settlement: 'Decyzja' });
  const cases = [
    await open(GN_I_CLERK, 'GN-I', '6831', isoDay(-10), 'Podział działki 1/1'),
    await open(GN_I_CLERK, 'GN-I', '6831', isoDay(-5), 'Podział działki 2/2'),
    await open(GN_I_CLERK, 'GN-I', '6831', isoDay(-70), 'Podział działki 3/3 (po terminie)'),
    await open(GN_II_CLERK, 'GN-II', '6831', isoDay(-3), 'Podział działki 4/4'),
    await open(OR_CLERK, 'OR-K', '1431', isoDay(-4), 'Informacja o naborze'),
  ];
  await open(GN_II_CLERK, 'GN-II', '6831', isoDay(-40), 'Podział działki 5/5 (w toku, po terminie)');
  for (const c of cases) await close(c.id);
  const late = cases[2];
  if (!late) throw new Error('no late case');
  return { late };
}

test('a unit head filters the timeliness report, drills down to a late case, and exports XLSX and PDF with the numbers on screen', async ({ page }) => {
  server = await startDevServerProcess(freshDataDir(), { demo: true });
  await useDesk(server);
  const { late } = await seed(server);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/u.test(message.text())) violations.push(message.text());
  });

  await page.goto(server.url);
  await workAs(page, GN_HEAD);
  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('heading', { name: 'Raporty', level: 1 })).toBeVisible();
  await page.getByLabel('Zakończone od').fill(isoDay(-1));
  await page.getByLabel('Zakończone do').fill(isoDay(0));
  await page.getByLabel('Minimalna liczebność grupy').fill('1');
  await page.getByRole('button', { name: 'Pokaż raport' }).click();

  const table = page.getByTestId('timeliness-table');
  await expect(page.getByTestId('report-scope')).toHaveText('Zakres: GN, GN-I, GN-II');
  const gnI = table.getByRole('row').filter({ hasText: 'GN-I —' });
  // Closed 3, on time 2, late 1: 66,7%; the OR case is outside the head's scope.
  await expect(gnI.getByRole('cell')).toHaveText(['3', '2', '1', '66,7%', /\d/u, /\d/u, '—', /\d/u, '0', '0']);
  await expect(table.getByRole('row').filter({ hasText: 'GN-II —' }).getByRole('cell').first()).toHaveText('1');
  await expect(table.locator('tfoot').getByRole('cell').first()).toHaveText('4');
  await expect(table).not.toContainText('OR-K');
  await expect(page.getByTestId('timeliness-chart').locator('canvas').first()).toBeVisible();
  // The year's trend, month by month: this month's 4 closures in GN, 3 on time.
  await expect(page.getByTestId('timeliness-trend').locator('[role="img"]')).toHaveAttribute('aria-label', /: zakończono 4, w terminie 75,0%$/u);
  // How long they took: 5 and 3 days, 10 days, 70 days.
  await expect(page.getByTestId('duration-chart').locator('[role="img"]'))
    .toHaveAttribute('aria-label', '0–7 dni: 2; 8–14 dni: 1; 15–30 dni: 0; 31–60 dni: 0; 61–90 dni: 1; ponad 90 dni: 0');
  const screen = await gnI.getByRole('cell').allTextContents();
  const total = await table.locator('tfoot').getByRole('cell').allTextContents();

  // Sort by share on time: GN-II (100%) first, then GN-I.
  await table.getByRole('button', { name: '% w terminie' }).click();
  await expect(table.locator('tbody th').first()).toContainText('GN-II');

  // Keyboard: the late figure is a button; Enter opens the list behind it.
  await gnI.getByRole('button', { name: /^Zakończone po terminie, GN-I/u }).focus();
  await page.keyboard.press('Enter');
  const drill = page.getByTestId('report-drill');
  await expect(drill.getByRole('heading')).toContainText('Zakończone po terminie');
  await expect(drill.getByRole('status')).toHaveText('1 pozycja');
  await drill.getByRole('link', { name: late.sign }).click();
  await expect(page.getByTestId('case-sign')).toHaveText(late.sign);
  await page.goBack();
  await expect(table.getByRole('row').filter({ hasText: 'GN-I —' }).getByRole('cell').first()).toHaveText('3');

  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Pobierz XLSX' }).click();
  const xlsxFile = await xlsxDownload;
  expect(xlsxFile.suggestedFilename()).toBe(`terminowosc-${isoDay(-1)}-${isoDay(0)}-unit.xlsx`);
  const book = new ExcelJS.Workbook();
  const bytes = readFileSync(await xlsxFile.path());
  await book.xlsx.load(new Uint8Array(bytes).buffer);
  const sheet = book.getWorksheet('Raport');
  const rows = sheet ? sheet.getSheetValues().filter(Array.isArray).map((r: unknown[]) => r.slice(1)) : [];
  const gnIRow = rows.find((r) => typeof r[0] === 'string' && r[0].endsWith('(GN-I)'));
  expect(gnIRow?.slice(1, 5)).toEqual([Number(screen[0]), Number(screen[1]), Number(screen[2]), 2 / 3]);
  expect(rows.find((r) => r[0] === 'Razem')?.[1]).toBe(Number(total[0]));
  expect(rows.some((r) => r[0] === 'Zakres: GN, GN-I, GN-II')).toBe(true);

  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Pobierz PDF' }).click();
  const text = pdfText(readFileSync(await (await pdfDownload).path()), { layout: true });
  expect(text).toContain('Zakres: GN, GN-I, GN-II');
  expect(text).toMatch(new RegExp(`\\(GN-I\\) +${screen.slice(0, 4).join(' +')}`, 'u'));
  expect(text).toMatch(new RegExp(`Razem +${total.slice(0, 4).join(' +')}`, 'u'));
  expect(violations).toEqual([]);
});

test('the open and overdue report drills down to the overdue case', async ({ page }) => {
  server = await startDevServerProcess(freshDataDir(), { demo: true });
  await useDesk(server);
  await seed(server);
  await page.goto(server.url);
  await workAs(page, GN_HEAD);
  await page.keyboard.press('Alt+5');
  await page.getByRole('button', { name: 'Sprawy w toku i przeterminowane' }).click();
  const table = page.getByTestId('open-table');
  const gnII = table.getByRole('row').filter({ hasText: 'GN-II —' });
  // Open 1, overdue 1 (started 40 days ago, 1 month), oldest 40 days.
  await expect(gnII.getByRole('cell')).toHaveText(['1', '1', '0', '0', '40']);
  await gnII.getByRole('button', { name: /^Sprawy przeterminowane/u }).click();
  await expect(page.getByTestId('report-drill-rows')).toContainText('Podział działki 5/5 (w toku, po terminie)');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
