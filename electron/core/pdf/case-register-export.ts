import type { CaseRegisterRow } from '../../../shared/cases.ts';
import { renderCsv } from './csv.ts';
import { polishDate } from './document.ts';
import { renderTablePdf, type TableColumn } from './table-pdf.ts';

/** The spis spraw of one unit, JRWA class and year, with what its header names (domain.md §3.3). */
export interface CaseRegisterDocument {
  readonly unitCode: string;
  readonly unitName: string;
  readonly jrwaSymbol: string;
  readonly jrwaHeading: string;
  readonly year: number;
  /** Cases started within this part of the year only; both null: the whole year. */
  readonly period?: { readonly from: string | null; readonly to: string | null };
  /** The date of the report, which the header must carry. */
  readonly generatedOn: string;
  /** In case-number order; provisional cases (not yet numbered by the server) last. */
  readonly rows: readonly CaseRegisterRow[];
}

// An own-initiative case has no sender, and an open one no closure: such cells stay blank, as on paper.
const optional = (text: string | null): string => text ?? '';
const optionalDate = (isoDate: string | null): string => (isoDate === null ? '' : polishDate(isoDate));

/**
 * The columns of the spis spraw in the order of the 2011 instrukcja kancelaryjna (domain.md §3.3).
 * Widths (277 mm, the landscape page inside its margins) let every heading word, a date and a
 * long sign such as WB1-WOP.1431.123.2026 fit on one line.
 */
const COLUMNS: readonly TableColumn<CaseRegisterRow>[] = [
  { title: 'Lp.', width: 8, value: (_, index) => String(index + 1) },
  // A provisional case has no number yet; its sign says "(tymczasowy)".
  { title: 'Nr sprawy', width: 13, value: (r) => (r.number === null ? '—' : String(r.number)) },
  { title: 'Znak sprawy', width: 36, value: (r) => r.sign },
  { title: 'Tytuł sprawy', width: 49, value: (r) => r.title },
  { title: 'Nadawca', width: 32, value: (r) => optional(r.senderName) },
  { title: 'Znak pisma', width: 24, value: (r) => optional(r.senderReference) },
  { title: 'Data pisma', width: 18, value: (r) => optionalDate(r.letterDate) },
  { title: 'Data wszczęcia', width: 18, value: (r) => polishDate(r.startedOn) },
  { title: 'Data ostatecznego załatwienia', width: 23, value: (r) => optionalDate(r.closedOn) },
  { title: 'Prowadzący', width: 25, value: (r) => optional(r.handlerName) },
  { title: 'Uwagi (sposób załatwienia)', width: 31, value: (r) => optional(r.settlement) },
];

/** ", sprawy wszczęte od 1.01.2026 do 31.03.2026" (or only one end), empty for the whole year. */
function periodText(period: CaseRegisterDocument['period']): string {
  if (!period || (period.from === null && period.to === null)) return '';
  const from = period.from === null ? '' : ` od ${polishDate(period.from)}`;
  const to = period.to === null ? '' : ` do ${polishDate(period.to)}`;
  return `, sprawy wszczęte${from}${to}`;
}

export function renderCaseRegisterPdf(register: CaseRegisterDocument): Promise<Buffer> {
  return renderTablePdf({
    title: `Spis spraw ${register.unitCode} ${register.jrwaSymbol} ${String(register.year)}`,
    heading: [
      `Spis spraw — rok ${String(register.year)}${periodText(register.period)}`,
      `Komórka organizacyjna: ${register.unitName} (${register.unitCode})`,
      `Klasa JRWA: ${register.jrwaSymbol} — ${register.jrwaHeading}`,
      `Data sporządzenia: ${polishDate(register.generatedOn)}`,
    ],
    columns: COLUMNS,
    rows: register.rows,
    emptyText: 'Brak spraw w tej klasie w tym roku.',
  });
}

/** The same columns as the printed spis; an empty register is the heading row alone. */
export function renderCaseRegisterCsv(rows: readonly CaseRegisterRow[]): Buffer {
  return renderCsv(COLUMNS.map((c) => c.title), rows.map((row, index) => COLUMNS.map((c) => c.value(row, index))));
}
