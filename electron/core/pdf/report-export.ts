import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { formatZloty } from '../../../shared/outgoing/outgoing.ts';
import { formatCount, formatDays, formatShare, WITHHELD } from '../../../shared/reports/format.ts';
import { assertNever } from '../../../shared/result.ts';
import type { Cell, CellKind, ReportColumn, ReportTable } from '../reports/report-table.ts';
import { renderCsv } from './csv.ts';
import { polishDate } from './document.ts';
import { renderTablePdf } from './table-pdf.ts';

/**
 * A supervisor report as PDF, CSV or XLSX. The filters head every file: the PDF repeats them on
 * each page, the CSV starts with them, the spreadsheet has them above the table. Numbers are
 * written the way the screen shows them (shared/reports/format.ts); the spreadsheet keeps them
 * as numbers, so a supervisor can go on computing with them.
 */
export function cellText(kind: CellKind, value: Cell): string {
  switch (kind) {
    case 'text':
      return value === null ? '' : String(value);
    case 'count':
      return formatCount(typeof value === 'number' ? value : null);
    case 'share':
      return formatShare(typeof value === 'number' ? value : null);
    case 'days':
      return formatDays(typeof value === 'number' ? value : null);
    case 'date':
      return typeof value === 'string' ? polishDate(value) : '';
    case 'zloty':
      return typeof value === 'number' ? formatZloty(value) : WITHHELD;
    default:
      return assertNever(kind);
  }
}

const texts = (columns: readonly ReportColumn[], row: readonly Cell[]): string[] => columns.map((c, i) => cellText(c.kind, row[i] ?? null));

export function renderReportPdf(table: ReportTable): Promise<Buffer> {
  return renderTablePdf({
    title: table.title,
    heading: [table.title, ...table.filters],
    columns: table.columns.map((c, i) => ({ title: c.title, width: c.width, value: (row: readonly Cell[]) => cellText(c.kind, row[i] ?? null) })),
    rows: table.rows,
    emptyText: 'Brak danych dla tych filtrów.',
  });
}

/** The filters first, one per line, then an empty line, then the table: what Excel shows on opening it. */
export function renderReportCsv(table: ReportTable): Buffer {
  const width = table.columns.length;
  const pad = (line: string): string[] => [line, ...Array.from({ length: width - 1 }, () => '')];
  return renderCsv(pad(table.title), [...table.filters.map(pad), pad(''), table.columns.map((c) => c.title), ...table.rows.map((row) => texts(table.columns, row))]);
}

const NUMBER_FORMATS: Readonly<Record<CellKind, string | null>> = { text: null, count: '0', share: '0.0%', days: '0.#', date: 'dd.mm.yyyy', zloty: '#,##0.00 "zł"' };

function xlsxValue(kind: CellKind, value: Cell): ExcelJS.CellValue {
  if (value === null) return null;
  if (kind === 'date' && typeof value === 'string') return new Date(`${value}T00:00:00.000Z`);
  // Grosze on the screen and in the table; złoty in the spreadsheet, so sums read as money.
  if (kind === 'zloty' && typeof value === 'number') return value / 100;
  return value;
}

/**
 * Streamed (WorkbookWriter), so a sheet of 100,000 cases is written row by row instead of built
 * in memory first. Sheet 1: the filters, then the report; sheet 2: the cases behind the total.
 */
export async function renderReportXlsx(table: ReportTable): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Kancelaria';
  const sheet = (name: string, title: string, filters: readonly string[], columns: readonly ReportColumn[], rows: readonly (readonly Cell[])[]): void => {
    const ws = workbook.addWorksheet(name);
    ws.columns = columns.map((c) => ({ width: Math.max(10, Math.round(c.width / 2.2)), style: NUMBER_FORMATS[c.kind] === null ? {} : { numFmt: NUMBER_FORMATS[c.kind] ?? 'General' } }));
    const titleRow = ws.addRow([title]);
    titleRow.font = { bold: true, size: 12 };
    titleRow.commit();
    for (const line of filters) ws.addRow([line]).commit();
    ws.addRow([]).commit();
    const head = ws.addRow(columns.map((c) => c.title));
    head.font = { bold: true };
    head.commit();
    for (const row of rows) ws.addRow(columns.map((c, i) => xlsxValue(c.kind, row[i] ?? null))).commit();
    ws.commit();
  };
  sheet('Raport', table.title, table.filters, table.columns, table.rows);
  if (table.detail !== null) sheet(table.detail.title, `${table.title} — ${table.detail.title.toLowerCase()}`, table.filters, table.detail.columns, table.detail.rows);
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}
