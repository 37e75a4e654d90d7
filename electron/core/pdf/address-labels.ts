import { LABEL_SHEET_COLUMNS as SHEET_COLUMNS, LABEL_SHEET_ROWS as SHEET_ROWS } from '../../../shared/documents.ts';
import { assertNever } from '../../../shared/result.ts';
import type { OutgoingChannel, OutgoingLetter } from '../../../shared/outgoing/outgoing.ts';
import { createPdf, mm, type Pdf } from './document.ts';

const PER_SHEET = SHEET_COLUMNS * SHEET_ROWS;

/** The small marking for the post office's sorter; the R label itself is the post office's sticker. */
export function registeredMarking(channel: OutgoingChannel): string | null {
  switch (channel) {
    case 'registered_zpo':
      return 'Polecony ZPO';
    case 'registered':
      return 'Polecony';
    case 'ordinary':
    case 'e_doreczenia':
    case 'epuap':
    case 'in_person':
    case 'email':
      return null;
    default:
      return assertNever(channel);
  }
}

/** The address lines of a letter as stored: one per line, blank ones dropped. */
export function addressLines(letter: Pick<OutgoingLetter, 'addressLines'>): string[] {
  return letter.addressLines.split(/\r?\n/u).map((line) => line.trim()).filter(Boolean);
}

/**
 * Address labels on the same A4 sheet of 3 × 8 (70 × 37 mm) as the registration labels, from
 * `position` 1–24 so a half-used sheet is used up, then on further sheets from the first label.
 * Every letter given gets its label, in the given order.
 */
export async function renderAddressLabels(letters: readonly OutgoingLetter[], position = 1): Promise<Buffer> {
  if (letters.length === 0) throw new Error('Address labels: no letters to print');
  if (!Number.isInteger(position) || position < 1 || position > PER_SHEET) throw new Error(`Address labels: position must be 1–${String(PER_SHEET)}, not ${String(position)}`);
  const { doc, finish } = createPdf({ size: 'A4', margin: 0, info: { Title: `Etykiety adresowe (${String(letters.length)})` } });
  const width = doc.page.width / SHEET_COLUMNS;
  const height = doc.page.height / SHEET_ROWS;
  letters.forEach((letter, i) => {
    const slot = position - 1 + i;
    if (slot > 0 && slot % PER_SHEET === 0) doc.addPage();
    const index = slot % PER_SHEET;
    drawAddressLabel(doc, letter, (index % SHEET_COLUMNS) * width, Math.floor(index / SHEET_COLUMNS) * height, width, height);
  });
  return finish();
}

function drawAddressLabel(doc: Pdf, letter: OutgoingLetter, x: number, y: number, width: number, height: number): void {
  // 5 mm sideways: sheet labels are die-cut with little slack and printers shift a millimetre or two.
  const padX = mm(5);
  const padY = mm(3.5);
  const textWidth = width - 2 * padX;
  const footerY = y + height - padY - mm(2.5);
  const marking = registeredMarking(letter.channel);
  const footer = [marking, letter.caseSign].filter((part): part is string => part !== null && part !== '');
  // The address must never run into the small line at the foot; a very long one is cut with an ellipsis.
  const addressBottom = footer.length > 0 ? footerY - mm(1) : y + height - padY;
  doc.font('bold').fontSize(9.5).text(letter.addresseeName, x + padX, y + padY, { width: textWidth, height: 2 * 11.5, ellipsis: true });
  doc.font('regular').fontSize(9);
  const top = doc.y + mm(0.5);
  doc.text(addressLines(letter).join('\n'), x + padX, top, { width: textWidth, height: Math.max(0, addressBottom - top), ellipsis: true });
  if (footer.length > 0) doc.fontSize(6.5).text(footer.join(' · '), x + padX, footerY, { width: textWidth, lineBreak: false, ellipsis: true });
}
