import { afterAll, describe, expect, it } from 'vitest';
import { pdfFonts, pdfInfo, pdfText } from '../test-support/pdf-probe.ts';
import { sampleOutgoingLetter } from '../test-support/sample-outgoing-letter.ts';
import { SOURCE_WORKER_URLS } from '../workers/worker-urls.ts';
import { renderDispatchBookCsv, renderDispatchBookPdf, type DispatchBook } from './dispatch-book.ts';
import { startDocumentsWorker } from './documents-client.ts';

const sender = { name: 'Urząd Miasta Opola', addressLines: ['ul. Koraszewskiego 8', '45-011 Opole'] };

function book(letters: DispatchBook['letters']): DispatchBook {
  return { sender, date: '2026-12-02', deskCode: 'KO', letters };
}

const threeLetters = [
  sampleOutgoingLetter(1, { addresseeName: 'Zażółć Gęślą Jaźń', addressLines: 'ul. Źródlana 5/7\n90-001 Łódź', caseSign: 'GN-I.6831.12.2026', massGrams: 1250, trackingNumber: '00259007731234567890' }),
  sampleOutgoingLetter(2, { addresseeName: 'Spółdzielnia „Przyszłość”', channel: 'registered', caseSign: 'OŚ.6131.4.2026' }),
  sampleOutgoingLetter(3, { addresseeName: 'Łukasz Ćwik', caseSign: null }),
];

/** pdftotext -layout's line for a row: cells separated by two or more spaces. */
const rowPattern = (cells: readonly string[]): RegExp => new RegExp(`^\\s*${cells.map((c) => c.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('\\s{2,}')}\\s*$`, 'mu');

describe('pocztowa książka nadawcza (PDF)', () => {
  it('prints the heading, every letter in the given order with the znak sprawy in Uwagi, and the postage total, in exact Polish with embedded fonts', async () => {
    const pdf = await renderDispatchBookPdf(book(threeLetters));
    expect(pdfInfo(pdf)).toMatchObject({ pages: 1, widthMm: 297, heightMm: 210, title: 'Pocztowa książka nadawcza KO 2026-12-02' });
    const text = pdfText(pdf, { layout: true });
    expect(text).toMatch(/^\s*Pocztowa książka nadawcza$/mu);
    expect(text).toContain('Nadawca: Urząd Miasta Opola, ul. Koraszewskiego 8, 45-011 Opole');
    expect(text).toContain('Data nadania: 2 grudnia 2026 r. — punkt kancelaryjny KO');
    for (const title of ['Lp.', 'Adresat', 'Dokładne miejsce doręczenia', 'Masa', '(kg, g)', 'Nr nadawczy', 'Uwagi (sygnatura akt)', 'Opłata (zł,', 'Kwota', 'pobrania', 'zadeklarowanej']) expect(text).toContain(title);
    expect(text).toMatch(rowPattern(['1', 'Zażółć Gęślą Jaźń', 'ul. Źródlana 5/7, 90-001 Łódź', '1,250', '00259007731234567890', 'GN-I.6831.12.2026 ZPO', '12,50']));
    expect(text).toMatch(rowPattern(['2', 'Spółdzielnia „Przyszłość”', 'ul. Długa 2, 45-011 Opole', '0,040', '00259007731000000002', 'OŚ.6131.4.2026', '12,50']));
    // A letter without a case still says ZPO: the post office must attach the return receipt.
    expect(text).toMatch(rowPattern(['3', 'Łukasz Ćwik', 'ul. Długa 3, 45-011 Opole', '0,040', '00259007731000000003', 'ZPO', '12,50']));
    expect(text.indexOf('Zażółć Gęślą Jaźń')).toBeLessThan(text.indexOf('Spółdzielnia'));
    expect(text.indexOf('Spółdzielnia')).toBeLessThan(text.indexOf('Łukasz Ćwik'));
    expect(text).toContain('Razem: 3 przesyłki, opłata 37,50 zł');
    expect(text).toContain('Przyjęto do nadania dnia 2 grudnia 2026 r.');
    expect(text).toContain('Stempel placówki pocztowej i podpis');
    expect(text).toContain('Podpis nadawcy');
    expect(pdfFonts(pdf).length).toBeGreaterThan(0);
    expect(pdfFonts(pdf).every((font) => font.embedded)).toBe(true);
  });

  it('skips nothing: a letter without postage is counted and flagged, an ordinary one given by mistake is printed as such', async () => {
    const pdf = await renderDispatchBookPdf(book([
      sampleOutgoingLetter(1, { postageGrosze: null, massGrams: null, trackingNumber: null }),
      sampleOutgoingLetter(2, { channel: 'ordinary', postageGrosze: 330 }),
    ]));
    const text = pdfText(pdf, { layout: true });
    expect(text).toMatch(rowPattern(['1', 'Adresat nr 1', 'ul. Długa 1, 45-011 Opole', 'GN-I.6831.1.2026 ZPO']));
    expect(text).toMatch(rowPattern(['2', 'Adresat nr 2', 'ul. Długa 2, 45-011 Opole', '0,040', '00259007731000000002', 'GN-I.6831.2.2026 list zwykły', '3,30']));
    expect(text).toContain('Razem: 2 przesyłki, opłata 3,30 zł (bez wpisanej opłaty: 1)');
  });

  it('a book of 30 letters runs over pages: headings on every page, each letter once and in order, the total only on the last page', async () => {
    const letters = Array.from({ length: 30 }, (_, i) => sampleOutgoingLetter(i + 1, {
      // Every third addressee is a firm whose name wraps onto a second line, as real books have.
      addresseeName: i % 3 === 0 ? `Przedsiębiorstwo Gospodarki Komunalnej i Mieszkaniowej w Opolu, oddział nr ${String(i + 1)}` : `Zofia Żak ${String(i + 1)}`,
      addressLines: `ul. Świętego Wojciecha ${String(i + 1)} m. 4\nskrytka pocztowa 12\n45-011 Opole`,
      postageGrosze: 1250 + i,
    }));
    const pdf = await renderDispatchBookPdf(book(letters));
    const pages = pdfInfo(pdf).pages;
    expect(pages).toBeGreaterThanOrEqual(2);
    const pageTexts = pdfText(pdf, { layout: true }).split('\f').filter((page) => page.trim() !== '');
    expect(pageTexts).toHaveLength(pages);
    pageTexts.forEach((page, i) => {
      expect(page).toContain('Pocztowa książka nadawcza');
      expect(page).toContain('Data nadania: 2 grudnia 2026 r. — punkt kancelaryjny KO');
      expect(page).toContain('Uwagi (sygnatura akt)');
      expect(page).toContain(`Strona ${String(i + 1)} z ${String(pages)}`);
      expect(page.includes('Razem:')).toBe(i === pages - 1);
    });
    // Rows on the first page and on the second: the book really continues, not only its closing block.
    expect(pageTexts[0]).toMatch(/^\s*1\s{2,}Przedsiębiorstwo/mu);
    expect(pageTexts[1]).toMatch(/^\s*\d+\s{2,}(Zofia|Przedsiębiorstwo)/mu);
    const all = pageTexts.join('\n');
    const order = letters.map((l) => all.indexOf(`GN-I.6831.${String(l.sequence)}.2026 ZPO`));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // 30 × 12,50 zł + 0+1+…+29 gr = 375,00 zł + 4,35 zł.
    expect(all).toContain('Razem: 30 przesyłek, opłata 379,35 zł');
  });

  it('an empty day prints an empty book, not a failure', async () => {
    const text = pdfText(await renderDispatchBookPdf(book([])));
    expect(text).toContain('Brak przesyłek rejestrowanych tego dnia.');
    expect(text).toContain('Razem: 0 przesyłek, opłata 0,00 zł');
  });
});

/** RFC 4180 as Excel writes it with Polish settings: `;` between fields, `"` around them, `""` inside. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('pocztowa książka nadawcza (CSV)', () => {
  it('has a BOM, the book\'s exact columns and one quoted row per letter, in order', () => {
    const csv = renderDispatchBookCsv(book([
      ...threeLetters,
      sampleOutgoingLetter(4, { addresseeName: 'Firma "Kowalski; i Syn"', addressLines: 'ul. Polna 1;\r\n00-950 Warszawa', postageGrosze: 1005 }),
    ]));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe('"Lp.";"Adresat";"Dokładne miejsce doręczenia";"Kwota zadeklarowanej wartości";"Masa (kg, g)";"Nr nadawczy";"Uwagi (sygnatura akt)";"Opłata (zł, gr)";"Kwota pobrania"');
    expect(text).toContain('"Firma ""Kowalski; i Syn"""');
    expect(parseCsv(text)).toEqual([
      ['Lp.', 'Adresat', 'Dokładne miejsce doręczenia', 'Kwota zadeklarowanej wartości', 'Masa (kg, g)', 'Nr nadawczy', 'Uwagi (sygnatura akt)', 'Opłata (zł, gr)', 'Kwota pobrania'],
      ['1', 'Zażółć Gęślą Jaźń', 'ul. Źródlana 5/7, 90-001 Łódź', '', '1,250', '00259007731234567890', 'GN-I.6831.12.2026 ZPO', '12,50', ''],
      ['2', 'Spółdzielnia „Przyszłość”', 'ul. Długa 2, 45-011 Opole', '', '0,040', '00259007731000000002', 'OŚ.6131.4.2026', '12,50', ''],
      ['3', 'Łukasz Ćwik', 'ul. Długa 3, 45-011 Opole', '', '0,040', '00259007731000000003', 'ZPO', '12,50', ''],
      ['4', 'Firma "Kowalski; i Syn"', 'ul. Polna 1;, 00-950 Warszawa', '', '0,040', '00259007731000000004', 'GN-I.6831.4.2026 ZPO', '10,05', ''],
    ]);
  });
});

describe('outgoing print-outs through the documents worker', () => {
  const documents = startDocumentsWorker(SOURCE_WORKER_URLS.documents);
  afterAll(() => documents.close());

  it('renders each new job kind, and a job it cannot print comes back as an error without killing the worker', async () => {
    const pdf = await documents.render({ kind: 'dispatch-book-pdf', book: book(threeLetters) });
    expect(pdfText(pdf)).toContain('Razem: 3 przesyłki, opłata 37,50 zł');
    const csv = await documents.render({ kind: 'dispatch-book-csv', book: book(threeLetters) });
    expect(csv.toString('utf8')).toContain('"Zażółć Gęślą Jaźń"');
    await expect(documents.render({ kind: 'address-labels', letters: [], position: 1 })).rejects.toThrow('no letters');
    const labels = await documents.render({ kind: 'address-labels', letters: threeLetters, position: 24 });
    expect(pdfInfo(labels).pages).toBe(2);
    const envelopes = await documents.render({ kind: 'envelopes', letters: threeLetters, format: 'C5', sender });
    expect(pdfInfo(envelopes)).toMatchObject({ pages: 3, widthMm: 229, heightMm: 162 });
  });
});
