import type { ComplaintRow } from '../../../shared/reports/complaints.ts';
import { dmy, scopeLine, type ReportColumn, type ReportTable } from './report-table.ts';

const KINDS: Readonly<Record<ComplaintRow['matterType'], string>> = {
  skarga: 'skarga',
  skarga_posel_radny: 'skarga (poseł, senator, radny)',
  skarga_przekazanie: 'skarga przekazana (art. 231 KPA)',
  wniosek: 'wniosek',
};

const COLUMNS: readonly ReportColumn[] = [
  { title: 'Lp.', width: 8, kind: 'count' },
  { title: 'Data wpływu', width: 18, kind: 'date' },
  { title: 'Znak sprawy', width: 34, kind: 'text' },
  { title: 'Rodzaj', width: 24, kind: 'text' },
  { title: 'Wnoszący', width: 30, kind: 'text' },
  { title: 'Przedmiot', width: 44, kind: 'text' },
  { title: 'Prowadzący', width: 25, kind: 'text' },
  { title: 'Termin', width: 18, kind: 'date' },
  { title: 'Data załatwienia', width: 19, kind: 'date' },
  { title: 'W terminie', width: 15, kind: 'text' },
  { title: 'Sposób załatwienia', width: 42, kind: 'text' },
];

/** Whether it was settled in time, in the register's words. */
export function timelinessWord(row: Pick<ComplaintRow, 'onTime' | 'overdue' | 'closedOn'>): string {
  if (row.closedOn !== null) return row.onTime === null ? '—' : row.onTime ? 'tak' : 'nie';
  return row.overdue ? 'po terminie (w toku)' : 'w toku';
}

/** The rejestr skarg i wniosków of a year as one table for PDF, CSV and XLSX. */
export function complaintsTable(rows: readonly ComplaintRow[], year: number, scope: readonly string[] | null, today: string): ReportTable {
  return {
    title: `Rejestr skarg i wniosków — rok ${String(year)}`,
    fileStem: `rejestr-skarg-i-wnioskow-${String(year)}`,
    filters: [
      `Rok: ${String(year)} (sprawy wszczęte w tym roku)`,
      scopeLine(scope),
      `Stan na dzień: ${dmy(today)}`,
    ],
    columns: COLUMNS,
    rows: rows.map((r, index) => [
      index + 1, r.receivedOn, r.sign, KINDS[r.matterType], r.senderName ?? '', r.subject, r.handlerName ?? '', r.dueOn, r.closedOn, timelinessWord(r), r.settlement ?? '',
    ]),
    detail: null,
  };
}
