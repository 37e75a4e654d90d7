import type { IncomingItem } from '../../../shared/registry.ts';
import { renderCsv } from './csv.ts';
import { polishDate, polishDateTime } from './document.ts';
import { renderTablePdf, type TableColumn } from './table-pdf.ts';

const CHANNEL_NAMES: Readonly<Record<IncomingItem['channel'], string>> = {
  post: 'poczta', in_person: 'osobiście', courier: 'kurier', email: 'e-mail', epuap: 'ePUAP', e_delivery: 'e-Doręczenia', fax: 'faks',
};

const NO_DATA = 'brak danych';

/** The register's columns, in the order of the traditional book (domain.md §3.1). */
const COLUMNS: readonly TableColumn<IncomingItem>[] = [
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
export function renderRegisterPdf(items: readonly IncomingItem[], period: ExportPeriod): Promise<Buffer> {
  return renderTablePdf({
    title: `Rejestr przesyłek wpływających ${period.from} – ${period.to}`,
    heading: [`Rejestr przesyłek wpływających${period.deskCode ? ` — punkt kancelaryjny ${period.deskCode}` : ''}, ${polishDate(period.from)} – ${polishDate(period.to)}`],
    columns: COLUMNS,
    rows: items,
    emptyText: 'Brak pism w tym okresie.',
  });
}

/** The CSV splits what the book joins (sender and address, state and reason) so a spreadsheet can filter on it. */
export function renderRegisterCsv(items: readonly IncomingItem[]): Buffer {
  const head = ['Nr RPW', 'Data wpływu', 'Doręczenie', 'Nadawca', 'Adres nadawcy', 'Znak pisma', 'Data pisma', 'Dotyczy', 'Załączniki', 'Stan', 'Powód anulowania', 'Uwagi'];
  const rows = items.map((i) => [
    i.rpwNumber, polishDateTime(i.receivedAt), CHANNEL_NAMES[i.channel], i.senderName ?? NO_DATA, i.senderAddress ?? '', i.senderReference ?? NO_DATA,
    i.letterDate ? polishDate(i.letterDate) : NO_DATA, i.subject ?? NO_DATA, String(i.attachmentsCount), i.status === 'cancelled' ? 'anulowane' : 'zarejestrowane',
    i.cancelReason ?? '', i.notes ?? '',
  ]);
  return renderCsv(head, rows);
}
