import type { IncomingItem } from '../../../shared/registry.ts';
import { createPdf, mm, polishDate, polishDateTime } from './document.ts';

const CHANNEL_NAMES: Readonly<Record<IncomingItem['channel'], string>> = {
  post: 'poczta', in_person: 'osobiście', courier: 'kurier', email: 'e-mail', epuap: 'ePUAP', e_delivery: 'e-Doręczenia', fax: 'faks',
};

const NO_DATA = 'brak danych';

/** The register's columns, in the order of the traditional book (domain.md §3.1). */
const COLUMNS: readonly { title: string; width: number; value: (i: IncomingItem) => string }[] = [
  { title: 'Nr RPW', width: 30, value: (i) => i.rpwNumber },
  { title: 'Data wpływu', width: 26, value: (i) => polishDateTime(i.receivedAt).replace(',', '') },
  { title: 'Nadawca', width: 48, value: (i) => [i.senderName ?? NO_DATA, i.senderAddress].filter(Boolean).join(', ') },
  { title: 'Znak pisma', width: 26, value: (i) => i.senderReference ?? NO_DATA },
  { title: 'Data pisma', width: 19, value: (i) => (i.letterDate ? polishDate(i.letterDate) : NO_DATA) },
  { title: 'Dotyczy', width: 70, value: (i) => i.subject ?? NO_DATA },
  { title: 'Zał.', width: 9, value: (i) => String(i.attachmentsCount) },
  { title: 'Doręczenie', width: 20, value: (i) => CHANNEL_NAMES[i.channel] },
  { title: 'Uwagi', width: 29, value: (i) => [i.status === 'cancelled' ? `ANULOWANE: ${i.cancelReason ?? ''}` : '', i.notes ?? ''].filter(Boolean).join('; ') },
];

export interface ExportPeriod {
  readonly from: string;
  readonly to: string;
  readonly deskCode: string | null;
}

/** The register for a period as a printable A4 landscape book, every page headed and numbered. */
export async function renderRegisterPdf(items: readonly IncomingItem[], period: ExportPeriod): Promise<Buffer> {
  const margin = mm(10);
  const { doc, finish } = createPdf({ size: 'A4', layout: 'landscape', margin, bufferPages: true, info: { Title: `Rejestr przesyłek wpływających ${period.from} – ${period.to}` } });
  const title = `Rejestr przesyłek wpływających${period.deskCode ? ` — punkt kancelaryjny ${period.deskCode}` : ''}, ${polishDate(period.from)} – ${polishDate(period.to)}`;
  const bottom = doc.page.height - margin - mm(6);

  const header = (): void => {
    doc.font('bold').fontSize(10).text(title, margin, margin);
    let x = margin;
    const y = doc.y + mm(2);
    doc.fontSize(7.5);
    for (const column of COLUMNS) {
      doc.text(column.title, x + 2, y, { width: mm(column.width) - 4 });
      x += mm(column.width);
    }
    doc.moveTo(margin, y + mm(4.5)).lineTo(x, y + mm(4.5)).stroke();
    doc.y = y + mm(5.5);
  };

  header();
  doc.font('regular').fontSize(7.5);
  if (items.length === 0) doc.text('Brak pism w tym okresie.', margin, doc.y);
  for (const item of items) {
    const cells = COLUMNS.map((c) => c.value(item));
    const rowHeight = Math.max(...cells.map((text, i) => doc.heightOfString(text, { width: mm(COLUMNS[i]?.width ?? 10) - 4 }))) + 4;
    if (doc.y + rowHeight > bottom) {
      doc.addPage();
      header();
      doc.font('regular').fontSize(7.5);
    }
    const y = doc.y;
    let x = margin;
    cells.forEach((text, i) => {
      doc.text(text, x + 2, y + 2, { width: mm(COLUMNS[i]?.width ?? 10) - 4 });
      x += mm(COLUMNS[i]?.width ?? 10);
    });
    doc.moveTo(margin, y + rowHeight).lineTo(x, y + rowHeight).lineWidth(0.3).strokeColor('#999999').stroke().strokeColor('#000000').lineWidth(1);
    doc.y = y + rowHeight;
  }

  const range = doc.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page++) {
    doc.switchToPage(page);
    doc.font('regular').fontSize(7).text(`Strona ${String(page + 1)} z ${String(range.count)}`, margin, doc.page.height - margin - mm(3), { width: doc.page.width - 2 * margin, align: 'right', lineBreak: false });
  }
  return finish();
}

/**
 * CSV for spreadsheets: UTF-8 with BOM and semicolons, which is what Excel with Polish regional
 * settings opens correctly; quotes doubled inside quoted fields.
 */
export function renderRegisterCsv(items: readonly IncomingItem[]): Buffer {
  const quote = (value: string): string => `"${value.replaceAll('"', '""')}"`;
  const head = ['Nr RPW', 'Data wpływu', 'Doręczenie', 'Nadawca', 'Adres nadawcy', 'Znak pisma', 'Data pisma', 'Dotyczy', 'Załączniki', 'Stan', 'Powód anulowania', 'Uwagi'];
  const rows = items.map((i) => [
    i.rpwNumber, polishDateTime(i.receivedAt), CHANNEL_NAMES[i.channel], i.senderName ?? NO_DATA, i.senderAddress ?? '', i.senderReference ?? NO_DATA,
    i.letterDate ? polishDate(i.letterDate) : NO_DATA, i.subject ?? NO_DATA, String(i.attachmentsCount), i.status === 'cancelled' ? 'anulowane' : 'zarejestrowane',
    i.cancelReason ?? '', i.notes ?? '',
  ]);
  const text = [head, ...rows].map((row) => row.map(quote).join(';')).join('\r\n');
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}
