import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open.ts';
import { cancelItem, itemsForExport } from '../db/repositories/incoming-items.ts';
import { pdfFonts, pdfInfo, pdfText } from '../test-support/pdf-probe.ts';
import { registeredSample } from '../test-support/sample-item.ts';
import { useTempDirs } from '../test-support/temp-dir.ts';
import { renderRegisterCsv, renderRegisterPdf } from './register-export.ts';

const tempDir = useTempDirs();

function registerOf(count: number) {
  const db = openDatabase(join(tempDir(), 'k.sqlite'));
  const first = registeredSample(db, { subject: 'Wniosek o wycinkę drzewa — ul. Łąkowa 3', sender: { correspondentId: null, name: 'Zofia Żółć', address: null }, senderReference: null });
  for (let i = 1; i < count; i++) registeredSample(db, { subject: `Pismo nr ${String(i + 1)}` });
  cancelItem(db, { id: first.id, reason: 'zarejestrowane dwukrotnie', at: '2026-11-20T10:00:00.000Z', actor: 'Okienko 1', outbox: null });
  const { items } = itemsForExport(db, { from: '2026-11-01', to: '2026-11-30', deskCode: null, limit: 1000 });
  db.close();
  return items;
}

describe('the register for a period', () => {
  it('prints as an A4 landscape book with every entry, cancelled ones marked, and numbered pages', async () => {
    const items = registerOf(60);
    const pdf = await renderRegisterPdf(items, { from: '2026-11-01', to: '2026-11-30', deskCode: null });
    const info = pdfInfo(pdf);
    expect(info).toMatchObject({ widthMm: 297, heightMm: 210 });
    expect(info.pages).toBeGreaterThan(1);
    const text = pdfText(pdf, { layout: true });
    expect(text).toContain('Rejestr przesyłek wpływających, 01.11.2026 – 30.11.2026');
    expect(text).toContain('Wniosek o wycinkę drzewa — ul. Łąkowa 3');
    expect(text).toContain('Zofia Żółć');
    expect(text).toMatch(/ANULOWANE:\s+zarejestrowane\s+dwukrotnie/u);
    for (let n = 1; n <= 60; n++) expect(text).toMatch(new RegExp(`^RPW/KO/${String(n)}/2026 +20\\.11\\.2026 09:15 +`, 'mu'));
    expect(text).toContain(`Strona ${String(info.pages)} z ${String(info.pages)}`);
    expect(pdfFonts(pdf).every((font) => font.embedded)).toBe(true);
  });

  it('says so when the period is empty', async () => {
    const pdf = await renderRegisterPdf([], { from: '2026-01-01', to: '2026-01-31', deskCode: 'KO' });
    expect(pdfText(pdf)).toContain('Brak pism w tym okresie.');
  });

  it('exports CSV that Excel with Polish settings opens: BOM, semicolons, quoted, CRLF', () => {
    const csv = renderRegisterCsv(registerOf(2));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('"Nr RPW";"Data wpływu";"Doręczenie";"Nadawca";"Adres nadawcy";"Znak pisma";"Data pisma";"Dotyczy";"Załączniki";"Stan";"Powód anulowania";"Uwagi"');
    expect(lines[1]).toBe('"RPW/KO/1/2026";"20.11.2026, 09:15";"poczta";"Zofia Żółć";"";"brak danych";"17.11.2026";"Wniosek o wycinkę drzewa — ul. Łąkowa 3";"1";"anulowane";"zarejestrowane dwukrotnie";""');
    expect(lines[2]).toBe('"RPW/KO/2/2026";"20.11.2026, 09:15";"poczta";"Jan Kowalski";"ul. Długa 1, 00-950 Warszawa";"JK/1/2026";"17.11.2026";"Pismo nr 2";"1";"zarejestrowane";"";""');
    expect(lines[3]).toBe('');
  });
});
