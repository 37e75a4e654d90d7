import { formatZloty, type OutgoingChannel, type OutgoingLetter } from '../../../shared/outgoing/outgoing.ts';
import { polishLongDate } from '../../../shared/replies/letter-date.ts';
import { renderCsv } from './csv.ts';
import { renderTablePdf, type TableColumn } from './table-pdf.ts';

/** The office that posts the letters, as it stands at the top of the book and on the envelopes. */
export interface PostalSender {
  readonly name: string;
  readonly addressLines: readonly string[];
}

/**
 * One day's registered mail of one desk. The caller picks the letters (the day, the registered
 * channels) and their order; the book prints every letter it is given, in that order.
 */
export interface DispatchBook {
  readonly sender: PostalSender;
  /** The posting day, ISO (`2026-12-02`). */
  readonly date: string;
  readonly deskCode: string;
  readonly letters: readonly OutgoingLetter[];
}

/** `1250` → `1,250` and `350` → `0,350`: kilograms and grams, as the "Masa (kg, g)" column is filled in by hand. */
export function formatMassKg(grams: number): string {
  return `${String(Math.floor(grams / 1000))},${String(grams % 1000).padStart(3, '0')}`;
}

/** `1250` → `12,50`: złote and grosze for the "Opłata (zł, gr)" column (the column title carries the unit). */
export function formatAmount(grosze: number): string {
  return formatZloty(grosze).replace(/ zł$/u, '');
}

/**
 * What the "Uwagi (sygnatura akt)" column says: the znak sprawy (domain.md §3.2; Elektroniczny
 * Nadawca's `sygnatura`, §5.4), "ZPO" when a KPA return receipt is attached, and, for a letter that
 * is not registered post at all, its channel, so a wrongly chosen letter is visible, not hidden.
 */
const CHANNEL_REMARK: Readonly<Record<OutgoingChannel, string | null>> = {
  registered_zpo: 'ZPO',
  registered: null,
  ordinary: 'list zwykły',
  e_doreczenia: 'e-Doręczenia',
  epuap: 'ePUAP',
  in_person: 'doręczenie osobiste',
  email: 'e-mail',
};

function remarks(letter: OutgoingLetter): string {
  return [letter.caseSign, CHANNEL_REMARK[letter.channel]].filter((part) => part !== null && part !== '').join(' ');
}

/** The addressee's lines on one line of the book, as the post office clerk reads them. */
function place(letter: OutgoingLetter): string {
  return letter.addressLines.split(/\r?\n/u).map((line) => line.trim()).filter(Boolean).join(', ');
}

/** The columns of the Poczta Polska template (domain.md §3.2), in its order; widths fill A4 landscape (277 mm). */
const COLUMNS: readonly TableColumn<OutgoingLetter>[] = [
  { title: 'Lp.', width: 8, value: (_, i) => String(i + 1) },
  { title: 'Adresat', width: 48, value: (l) => l.addresseeName },
  { title: 'Dokładne miejsce doręczenia', width: 60, value: place },
  // The register keeps no declared value or cash-on-delivery amount: offices send neither (§3.2, "rare").
  { title: 'Kwota zadeklarowanej wartości', width: 28, value: () => '' },
  { title: 'Masa (kg, g)', width: 16, value: (l) => (l.massGrams === null ? '' : formatMassKg(l.massGrams)) },
  { title: 'Nr nadawczy', width: 38, value: (l) => l.trackingNumber ?? '' },
  { title: 'Uwagi (sygnatura akt)', width: 43, value: remarks },
  { title: 'Opłata (zł, gr)', width: 18, value: (l) => (l.postageGrosze === null ? '' : formatAmount(l.postageGrosze)) },
  { title: 'Kwota pobrania', width: 18, value: () => '' },
];

/** Polish plural of "przesyłka" after a number: 1 przesyłka, 2 przesyłki, 5 przesyłek, 22 przesyłki. */
function items(count: number): string {
  const lastTwo = count % 100;
  const last = count % 10;
  if (count === 1) return '1 przesyłka';
  if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) return `${String(count)} przesyłki`;
  return `${String(count)} przesyłek`;
}

/** "Razem: 30 przesyłek, opłata 37,50 zł", and a warning when some letters carry no postage yet. */
export function dispatchBookTotal(letters: readonly OutgoingLetter[]): string {
  const postage = letters.reduce((sum, l) => sum + (l.postageGrosze ?? 0), 0);
  const missing = letters.filter((l) => l.postageGrosze === null).length;
  return `Razem: ${items(letters.length)}, opłata ${formatZloty(postage)}${missing > 0 ? ` (bez wpisanej opłaty: ${String(missing)})` : ''}`;
}

/**
 * The pocztowa książka nadawcza as the post office counter takes it: every page headed by the
 * sender, the day and the desk; the total and the place for the post office's stamp on the last page.
 */
export async function renderDispatchBookPdf(book: DispatchBook): Promise<Buffer> {
  const day = polishLongDate(book.date);
  return renderTablePdf({
    title: `Pocztowa książka nadawcza ${book.deskCode} ${book.date}`,
    heading: [
      'Pocztowa książka nadawcza',
      `Nadawca: ${[book.sender.name, ...book.sender.addressLines].join(', ')}`,
      `Data nadania: ${day} — punkt kancelaryjny ${book.deskCode}`,
    ],
    columns: COLUMNS,
    rows: book.letters,
    emptyText: 'Brak przesyłek rejestrowanych tego dnia.',
    closing: {
      lines: [dispatchBookTotal(book.letters), `Przyjęto do nadania dnia ${day}`],
      boxes: ['Podpis nadawcy', 'Stempel placówki pocztowej i podpis przyjmującego'],
    },
  });
}

/** The same columns for a spreadsheet, one letter a row; sums are left to the spreadsheet. */
export function renderDispatchBookCsv(book: DispatchBook): Buffer {
  return renderCsv(COLUMNS.map((c) => c.title), book.letters.map((letter, i) => COLUMNS.map((c) => c.value(letter, i))));
}
