import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { pdfBarcodes, pdfFonts, pdfText } from '../../electron/core/test-support/pdf-probe.ts';
import { freshDataDir, rpc, startDevServerProcess, useDesk, type RunningDevServer } from './devserver-process.ts';

let server: RunningDevServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const waiting = page.waitForEvent('download');
  await click();
  const download: Download = await waiting;
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

test('the label and the receipt of a registered letter come out as PDFs with Polish text and a readable Code 128', async ({ page }) => {
  server = await startDevServerProcess(freshDataDir());
  await useDesk(server);
  await rpc(server, 'registry.register', {
    receivedAt: '2026-11-20T09:15:00+01:00',
    channel: 'in_person',
    sender: { name: 'Grzegorz Brzęczyszczykiewicz', address: 'ul. Łąkowa 3, 90-001 Łódź' },
    senderReference: null,
    letterDate: null,
    subject: 'Wniosek o wycinkę drzewa — żółta akacja',
    attachmentsCount: 1,
  });
  await page.goto(server.url);
  await page.getByRole('link', { name: 'Rejestr', exact: true }).click();
  await page.getByRole('option', { name: /RPW\/KO\/1\/2026/ }).dblclick();
  await expect(page.getByRole('heading', { name: 'RPW/KO/1/2026' })).toBeVisible();

  const labelBox = page.getByRole('group', { name: 'Etykieta z kodem kreskowym' });
  const label = await downloaded(page, () => labelBox.getByRole('button', { name: 'Zapisz PDF' }).click());
  expect(label.name).toBe('etykieta-RPW-KO-1-2026.pdf');
  expect(pdfText(label.bytes)).toContain('RPW/KO/1/2026');
  const codes = await pdfBarcodes(label.bytes);
  expect(codes.find((c) => c.format === 'Code128')?.text).toBe('RPW/KO/1/2026');

  // An A4 sheet: the position moves on by one after each label, so a sheet gets used up.
  await labelBox.getByLabel('Drukarka').selectOption({ label: 'arkusz A4, 3 × 8 etykiet' });
  await labelBox.getByLabel('Wolna etykieta nr').fill('7');
  const sheet = await downloaded(page, () => labelBox.getByRole('button', { name: 'Zapisz PDF' }).click());
  expect((await pdfBarcodes(sheet.bytes)).find((c) => c.format === 'Code128')?.text).toBe('RPW/KO/1/2026');
  await expect(labelBox.getByLabel('Wolna etykieta nr')).toHaveValue('8');

  const receiptBox = page.getByRole('group', { name: 'Potwierdzenie wpływu dla wnoszącego' });
  const receipt = await downloaded(page, () => receiptBox.getByRole('button', { name: 'Zapisz PDF' }).click());
  expect(receipt.name).toBe('potwierdzenie-RPW-KO-1-2026.pdf');
  const text = pdfText(receipt.bytes).split(/\s+/u).join(' ');
  expect(text).toContain('Potwierdzenie wpływu pisma Numer w rejestrze: RPW/KO/1/2026 Data i godzina wpływu: 20.11.2026, 09:15 Nadawca: Grzegorz Brzęczyszczykiewicz Dotyczy: Wniosek o wycinkę drzewa — żółta akacja');
  expect(text).toMatch(/Kod: [0-9A-Z]{5}-[0-9A-Z]{5} PIN: \d{6}/u);
  expect(pdfFonts(receipt.bytes).every((font) => font.embedded)).toBe(true);

  // In browser mode "print" opens the PDF in a new tab, where the clerk prints it from the viewer.
  const [tab] = await Promise.all([page.waitForEvent('popup'), receiptBox.getByRole('button', { name: 'Otwórz PDF do druku' }).click()]);
  expect(tab.url()).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//u);
});

test('the register for a period is saved as CSV, and a reversed period is refused in Polish', async ({ page }) => {
  server = await startDevServerProcess(freshDataDir());
  await useDesk(server);
  for (const subject of ['Pierwsze pismo', 'Drugie pismo']) {
    await rpc(server, 'registry.register', { receivedAt: '2026-11-20T09:15:00+01:00', channel: 'post', sender: { name: 'Anna Nowak', address: null }, senderReference: null, letterDate: null, subject, attachmentsCount: 0 });
  }
  await page.goto(server.url);
  await page.getByRole('link', { name: 'Rejestr', exact: true }).click();
  await page.getByText('Wydruk i eksport rejestru za okres').click();
  await page.getByLabel('Od dnia').fill('2026-11-20');
  await page.getByLabel('Do dnia').fill('2026-11-01');
  await page.getByRole('button', { name: 'Zapisz CSV (Excel)' }).click();
  await expect(page.getByRole('alert')).toHaveText('Koniec okresu nie może być wcześniejszy niż jego początek.');

  await page.getByLabel('Do dnia').fill('2026-11-30');
  const csv = await downloaded(page, () => page.getByRole('button', { name: 'Zapisz CSV (Excel)' }).click());
  expect(csv.name).toBe('rejestr-wplywow-2026-11-20-2026-11-30.csv');
  const lines = csv.bytes.toString('utf8').replace(/^\uFEFF/u, '').trim().split('\r\n');
  expect(lines).toHaveLength(3);
  expect(lines[2]).toContain('"RPW/KO/2/2026";"20.11.2026, 09:15";"poczta";"Anna Nowak"');
});
