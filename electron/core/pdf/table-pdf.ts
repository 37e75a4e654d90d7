import { createPdf, mm, type Pdf } from './document.ts';

/** One column of a printed book: its heading, its width in millimetres and how a row fills it. */
export interface TableColumn<Row> {
  readonly title: string;
  readonly width: number;
  /** `index`: the row's place in the book, from 0 (for a "Lp." column). */
  readonly value: (row: Row, index: number) => string;
}

export interface TableDocument<Row> {
  /** The PDF's Title, which viewers show in their title bar. */
  readonly title: string;
  /** Repeated at the top of every page, so any loose page says what it belongs to; the first line bold. */
  readonly heading: readonly string[];
  readonly columns: readonly TableColumn<Row>[];
  readonly rows: readonly Row[];
  /** Printed under the column headings when there are no rows: an empty book, not a failed print. */
  readonly emptyText: string;
  /** Printed once, after the last row, on the last page only (a total; a place to sign). */
  readonly closing?: TableClosing;
}

export interface TableClosing {
  /** Under the last row, the first one bold: a total, a count. */
  readonly lines: readonly string[];
  /** Empty boxes side by side at the right, each with its caption under it: where a stamp or a signature goes. */
  readonly boxes?: readonly string[];
}

const FONT_SIZE = 7.5;
/** Points between a cell's text and its borders. */
const PAD = 2;

/**
 * A register as a printable A4 landscape book: heading and column titles on every page, a row
 * never split across pages, and "Strona X z Y" at the foot (the pages are buffered so the total is known).
 */
export async function renderTablePdf<Row>(table: TableDocument<Row>): Promise<Buffer> {
  const margin = mm(10);
  const { doc, finish } = createPdf({ size: 'A4', layout: 'landscape', margin, bufferPages: true, info: { Title: table.title } });
  const widths = table.columns.map((c) => mm(c.width));
  const lefts = widths.map((_, i) => margin + widths.slice(0, i).reduce((sum, w) => sum + w, 0));
  const right = margin + widths.reduce((sum, w) => sum + w, 0);
  const bottom = doc.page.height - margin - mm(6);
  const cell = (i: number) => ({ width: (widths[i] ?? 0) - 2 * PAD });
  const textHeight = (cells: readonly string[]): number => Math.max(0, ...cells.map((text, i) => doc.heightOfString(text, cell(i))));
  const draw = (cells: readonly string[], y: number): void => cells.forEach((text, i) => doc.text(text, (lefts[i] ?? margin) + PAD, y, cell(i)));

  const pageHeading = (): void => {
    const [first = '', ...rest] = table.heading;
    doc.font('bold').fontSize(10).text(first, margin, margin);
    doc.font('regular').fontSize(8);
    for (const line of rest) doc.text(line, margin, doc.y);
    const y = doc.y + mm(2);
    const titles = table.columns.map((c) => c.title);
    doc.font('bold').fontSize(FONT_SIZE);
    draw(titles, y);
    const rule = y + Math.max(mm(4.5), textHeight(titles) + mm(1.5));
    doc.moveTo(margin, rule).lineTo(right, rule).stroke();
    doc.y = rule + mm(1);
    doc.font('regular').fontSize(FONT_SIZE);
  };

  pageHeading();
  if (table.rows.length === 0) doc.text(table.emptyText, margin, doc.y);
  table.rows.forEach((row, index) => {
    const cells = table.columns.map((c) => c.value(row, index));
    const height = textHeight(cells) + 2 * PAD;
    if (doc.y + height > bottom) {
      doc.addPage();
      pageHeading();
    }
    const y = doc.y;
    draw(cells, y + PAD);
    doc.moveTo(margin, y + height).lineTo(right, y + height).lineWidth(0.3).strokeColor('#999999').stroke().strokeColor('#000000').lineWidth(1);
    doc.y = y + height;
  });
  if (table.closing) drawClosing(doc, table.closing, { left: margin, right, bottom }, pageHeading);
  numberPages(doc, margin);
  return finish();
}

const BOX_WIDTH = mm(60);
const BOX_HEIGHT = mm(25);

/** The closing block, kept whole: a total torn from its stamp box would not show what the post office took. */
function drawClosing(doc: Pdf, closing: TableClosing, area: { left: number; right: number; bottom: number }, newPage: () => void): void {
  const boxes = closing.boxes ?? [];
  doc.font('regular').fontSize(8);
  const linesHeight = closing.lines.reduce((sum, line) => sum + doc.heightOfString(line), 0) + mm(2);
  const boxesHeight = boxes.length > 0 ? mm(3) + BOX_HEIGHT + mm(8) : 0;
  if (doc.y + linesHeight + boxesHeight > area.bottom) {
    doc.addPage();
    newPage();
  }
  const [first = '', ...rest] = closing.lines;
  doc.font('bold').fontSize(8).text(first, area.left, doc.y + mm(2));
  doc.font('regular');
  for (const line of rest) doc.text(line, area.left, doc.y);
  const top = doc.y + mm(3);
  boxes.forEach((caption, i) => {
    const x = area.right - (boxes.length - i) * (BOX_WIDTH + mm(5)) + mm(5);
    doc.rect(x, top, BOX_WIDTH, BOX_HEIGHT).lineWidth(0.5).dash(2, { space: 2 }).stroke().undash().lineWidth(1);
    doc.fontSize(7).text(caption, x, top + BOX_HEIGHT + mm(1), { width: BOX_WIDTH, align: 'center' });
  });
}
function numberPages(doc: Pdf, margin: number): void {
  const range = doc.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page++) {
    doc.switchToPage(page);
    doc.font('regular').fontSize(7).text(`Strona ${String(page + 1)} z ${String(range.count)}`, margin, doc.page.height - margin - mm(3), { width: doc.page.width - 2 * margin, align: 'right', lineBreak: false });
  }
}
