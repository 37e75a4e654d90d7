import { LABEL_SHEET_COLUMNS as SHEET_COLUMNS, LABEL_SHEET_ROWS as SHEET_ROWS, type LabelLayout } from '../../../shared/documents.ts';
import type { IncomingItem } from '../../../shared/registry.ts';
import { drawCode128, drawQr } from './barcodes.ts';
import { createPdf, mm, polishDateTime, type Pdf } from './document.ts';

/**
 * The registration label stuck on the first page (or the unopened envelope): the RPW number
 * readable without devices, as Code 128 for our scanners and as QR (domain.md §3.1).
 * `roll62`: one 62 × 40 mm label for a label printer. `a4sheet`: an A4 sheet of 3 × 8 labels
 * (70 × 37 mm), printed at `position` 1–24 so a half-used sheet can be used up.
 */
export function renderLabel(item: IncomingItem, layout: LabelLayout, position = 1): Promise<Buffer> {
  if (layout === 'roll62') {
    const { doc, finish } = createPdf({ size: [mm(62), mm(40)], margin: 0, info: { Title: `Etykieta ${item.rpwNumber}` } });
    drawLabel(doc, item, 0, 0, mm(62), mm(40));
    return finish();
  }
  const { doc, finish } = createPdf({ size: 'A4', margin: 0, info: { Title: `Etykieta ${item.rpwNumber}` } });
  const width = doc.page.width / SHEET_COLUMNS;
  const height = doc.page.height / SHEET_ROWS;
  const index = Math.min(Math.max(position, 1), SHEET_COLUMNS * SHEET_ROWS) - 1;
  drawLabel(doc, item, (index % SHEET_COLUMNS) * width, Math.floor(index / SHEET_COLUMNS) * height, width, height);
  return finish();
}

function drawLabel(doc: Pdf, item: IncomingItem, x: number, y: number, width: number, height: number): void {
  const pad = mm(3);
  const qrSize = Math.min(mm(16), height * 0.45);
  doc.font('bold').fontSize(12).text(item.rpwNumber, x + pad, y + pad, { width: width - 2 * pad, lineBreak: false });
  drawCode128(doc, item.rpwNumber, x + pad, y + pad + mm(5.5), width - 2 * pad, height * 0.28);
  const bottom = y + height - pad - qrSize;
  const textWidth = width - 2 * pad - qrSize;
  doc.font('regular').fontSize(7.5)
    .text(`Wpływ: ${polishDateTime(item.receivedAt)}`, x + pad, bottom + mm(1.5), { width: textWidth })
    .text(`Punkt kancelaryjny: ${item.deskCode}`, { width: textWidth })
    .text(`Załączniki: ${String(item.attachmentsCount)}`, { width: textWidth });
  drawQr(doc, item.rpwNumber, x + width - pad - qrSize + mm(1), bottom + mm(1), qrSize);
}
