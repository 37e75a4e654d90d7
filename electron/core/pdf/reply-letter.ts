import type { FilledBlock, FilledRun } from '../../../shared/replies/template-text.ts';
import { drawQr } from './barcodes.ts';
import { createPdf, mm, type Pdf } from './document.ts';

/** Everything a reply letter prints, filled in already (the documents worker has no database). */
export interface ReplyLetter {
  readonly letterhead: readonly (readonly FilledRun[])[];
  /** "Opole, 22 listopada 2026 r." */
  readonly placeAndDate: string;
  /** The znak sprawy, or a provisional sign on a draft (a final letter never has one). */
  readonly caseSign: string;
  readonly addressee: readonly string[];
  readonly body: readonly FilledBlock[];
  readonly signature: readonly (readonly FilledRun[])[];
  /** Printed as a QR with its caption, so the addressee can follow the case; null: none. */
  readonly tracking: { readonly url: string; readonly code: string } | null;
  /** A draft carries "PROJEKT" across every page: it must never pass for the signed letter. */
  readonly draft: boolean;
  readonly title: string;
}

const MARGIN_X = mm(25);
const MARGIN_TOP = mm(20);
const MARGIN_BOTTOM = mm(25);
const BODY_SIZE = 11;

/**
 * A reply on A4: letterhead top left, place and date top right, the znak sprawy under the
 * letterhead, the addressee block on the right, the body (paragraphs, bold, lists), the signature
 * block on the right, "Strona X z Y" on every page and the tracking QR on the first.
 */
export function renderReplyLetter(letter: ReplyLetter): Promise<Buffer> {
  const { doc, finish } = createPdf({
    size: 'A4', bufferPages: true,
    margins: { top: MARGIN_TOP, bottom: MARGIN_BOTTOM, left: MARGIN_X, right: MARGIN_X },
    info: { Title: letter.title },
  });
  const width = doc.page.width - 2 * MARGIN_X;
  const rightColumn = MARGIN_X + width * 0.55;
  const rightWidth = width * 0.45;

  const top = doc.y;
  doc.fontSize(10);
  letter.letterhead.forEach((line, index) => writeRuns(doc, line, { width: width * 0.55, bold: index === 0 }));
  const afterLetterhead = doc.y;
  doc.font('regular').fontSize(10).text(letter.placeAndDate, rightColumn, top, { width: rightWidth, align: 'right' });
  doc.y = Math.max(afterLetterhead, doc.y) + mm(6);
  doc.font('regular').fontSize(10).text(`Znak sprawy: ${letter.caseSign}`, MARGIN_X, doc.y, { width });

  doc.moveDown(2);
  const addresseeTop = doc.y;
  doc.font('bold').fontSize(BODY_SIZE);
  for (const line of letter.addressee) doc.text(line, rightColumn, doc.y, { width: rightWidth });
  doc.y = Math.max(doc.y, addresseeTop) + mm(12);

  doc.fontSize(BODY_SIZE);
  for (const block of letter.body) writeBlock(doc, block, width);

  doc.moveDown(2);
  const signatureTop = doc.y;
  doc.fontSize(10);
  for (const line of letter.signature) {
    doc.x = rightColumn;
    writeRuns(doc, line, { width: rightWidth, align: 'center' });
  }
  doc.y = Math.max(doc.y, signatureTop);

  if (letter.tracking) drawTracking(doc, letter.tracking);
  finishPages(doc, letter.draft);
  return finish();
}

function writeBlock(doc: Pdf, block: FilledBlock, width: number): void {
  switch (block.kind) {
    case 'paragraph':
      for (const line of block.lines) {
        doc.x = MARGIN_X;
        // Justified text across bold and regular runs spaces words unevenly in pdfkit: left it is.
        writeRuns(doc, line, { width });
      }
      doc.moveDown(0.6);
      return;
    case 'list':
      block.items.forEach((item, index) => {
        const marker = block.ordered ? `${String(index + 1)}.` : '•';
        const y = doc.y;
        doc.font('regular').text(marker, MARGIN_X + mm(3), y, { width: mm(7), lineBreak: false });
        doc.x = MARGIN_X + mm(10);
        doc.y = y;
        writeRuns(doc, item, { width: width - mm(10) });
      });
      doc.x = MARGIN_X;
      doc.moveDown(0.6);
      return;
    default: {
      const never: never = block;
      throw new Error(`Unknown block ${JSON.stringify(never)}`);
    }
  }
}

/** One line of runs, bold where asked, wrapped within `width` from the current x. */
function writeRuns(doc: Pdf, runs: readonly FilledRun[], options: { width: number; bold?: boolean; align?: 'left' | 'right' | 'center' | 'justify' }): void {
  const x = doc.x;
  if (runs.length === 0) {
    doc.text(' ', x, doc.y, { width: options.width });
    return;
  }
  withSpacesBeforeBreaks(runs).forEach((run, index, all) => {
    doc.font(run.bold || options.bold === true ? 'bold' : 'regular');
    const last = index === all.length - 1;
    if (index === 0) doc.text(run.text, x, doc.y, { width: options.width, align: options.align ?? 'left', continued: !last });
    else doc.text(run.text, { width: options.width, align: options.align ?? 'left', continued: !last });
  });
  doc.font('regular');
}

/**
 * pdfkit drops the spaces a continued run starts with ("r.** informuję" printed as "r.informuję");
 * they are moved to the end of the run before, where it keeps them.
 */
function withSpacesBeforeBreaks(runs: readonly FilledRun[]): FilledRun[] {
  const out: FilledRun[] = [];
  for (const run of runs) {
    const leading = /^\s+/u.exec(run.text)?.[0] ?? '';
    const previous = out.at(-1);
    if (leading !== '' && previous) {
      out[out.length - 1] = { ...previous, text: previous.text + leading };
      out.push({ ...run, text: run.text.slice(leading.length) });
    } else out.push(run);
  }
  return out.filter((run, index) => run.text !== '' || index === 0);
}

function drawTracking(doc: Pdf, tracking: { url: string; code: string }): void {
  doc.switchToPage(0);
  const size = mm(20);
  const y = doc.page.height - MARGIN_BOTTOM - size;
  drawQr(doc, tracking.url, MARGIN_X, y, size);
  doc.font('regular').fontSize(8).text(`Stan sprawy: ${tracking.code}`, MARGIN_X + size + mm(3), y + size - mm(8), { width: mm(80), lineBreak: false });
}

/** Page numbers on every page, and the draft mark, once all pages exist. */
function finishPages(doc: Pdf, draft: boolean): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing inside the bottom margin would add a page; lift the margin while numbering.
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(8).text(`Strona ${String(i - start + 1)} z ${String(count)}`, MARGIN_X, doc.page.height - mm(15), {
      width: doc.page.width - 2 * MARGIN_X, align: 'right', lineBreak: false,
    });
    if (draft) {
      doc.save();
      doc.rotate(-35, { origin: [doc.page.width / 2, doc.page.height / 2] });
      doc.font('bold').fontSize(90).fillColor('#d0d0d0', 0.5).text('PROJEKT', 0, doc.page.height / 2 - 45, { width: doc.page.width, align: 'center', lineBreak: false });
      doc.restore();
      doc.fillColor('black', 1);
    }
    doc.page.margins.bottom = bottom;
  }
}
