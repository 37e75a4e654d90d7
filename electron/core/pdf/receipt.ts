import type { IncomingItem } from '../../../shared/registry.ts';
import { drawQr } from './barcodes.ts';
import { createPdf, mm, polishDate, polishDateTime } from './document.ts';

export interface ReceiptContext {
  /** Where residents check their letter; empty when no central server is configured yet. */
  readonly trackingBaseUrl: string;
}

/**
 * Potwierdzenie wpływu: handed to the person who brought the letter. It proves the date the
 * office received it (which starts the KPA deadlines) and carries the tracking code and PIN.
 */
export function renderReceipt(item: IncomingItem, context: ReceiptContext): Promise<Buffer> {
  const trackingTarget = context.trackingBaseUrl === '' ? item.trackingCode : `${context.trackingBaseUrl}/v1/track/${item.trackingCode}`;
  const { doc, finish } = createPdf({ size: 'A5', margins: { top: mm(15), bottom: mm(15), left: mm(15), right: mm(15) }, info: { Title: `Potwierdzenie wpływu ${item.rpwNumber}` } });
  const width = doc.page.width - mm(30);

  doc.font('bold').fontSize(15).text('Potwierdzenie wpływu pisma', { width });
  doc.moveDown(0.6);
  doc.font('regular').fontSize(10);
  const line = (label: string, value: string): void => {
    doc.font('regular').text(`${label}: `, { continued: true, width }).font('bold').text(value, { width });
  };
  line('Numer w rejestrze', item.rpwNumber);
  line('Data i godzina wpływu', polishDateTime(item.receivedAt));
  line('Nadawca', item.senderName ?? 'brak danych');
  line('Dotyczy', item.subject ?? 'brak danych');
  if (item.letterDate) line('Data pisma', polishDate(item.letterDate));
  line('Liczba załączników', String(item.attachmentsCount));
  line('Punkt kancelaryjny', item.deskCode);

  doc.moveDown(1);
  doc.font('bold').fontSize(11).text('Jak sprawdzić, co dzieje się z pismem', { width });
  doc.font('regular').fontSize(10).text(
    'Podaj kod i PIN na stronie śledzenia pism urzędu albo zeskanuj kod QR. Zobaczysz, gdzie jest pismo, termin załatwienia i czas, jaki już minął.',
    { width },
  );
  doc.moveDown(0.5);
  line('Kod', item.trackingCode);
  line('PIN', item.trackingPin);
  drawQr(doc, trackingTarget, doc.page.width - mm(15) - mm(30), doc.y + mm(3), mm(30));
  doc.moveDown(0.3).fontSize(8).text('Zachowaj to potwierdzenie: PIN nie jest podawany ponownie telefonicznie.', mm(15), doc.y + mm(36), { width });
  return finish();
}
