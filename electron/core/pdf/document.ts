import PDFDocument from 'pdfkit';
import { pdfFonts } from './fonts.ts';

export type Pdf = InstanceType<typeof PDFDocument>;

/** Millimetres to PDF points. */
export const mm = (value: number): number => (value * 72) / 25.4;

/**
 * A new PDF with the Polish-capable fonts registered as 'regular' and 'bold', and a function
 * that finishes it into bytes.
 */
export function createPdf(options: ConstructorParameters<typeof PDFDocument>[0]): { doc: Pdf; finish: () => Promise<Buffer> } {
  // `font: null`: pdfkit would otherwise parse the Helvetica metrics for every document (about a
  // fifth of a one-page reply's time) only for DejaVu to replace it on the next line.
  const doc = new PDFDocument({ font: null as unknown as string, ...options, info: { Producer: 'Kancelaria', Creator: 'Kancelaria', ...options?.info } });
  const fonts = pdfFonts();
  doc.registerFont('regular', fonts.regular as never);
  doc.registerFont('bold', fonts.bold as never);
  doc.font('regular');
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return {
    doc,
    finish: () => {
      doc.end();
      return done;
    },
  };
}

export { polishDateTime } from '../../../shared/dates.ts';

export function polishDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d ?? ''}.${m ?? ''}.${y ?? ''}`;
}
