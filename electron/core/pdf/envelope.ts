import type { OutgoingLetter } from '../../../shared/outgoing/outgoing.ts';
import { assertNever } from '../../../shared/result.ts';
import { addressLines } from './address-labels.ts';
import type { PostalSender } from './dispatch-book.ts';
import { createPdf, mm, type Pdf } from './document.ts';

export type EnvelopeFormat = 'DL' | 'C5';

/**
 * Where things go on the address side, in millimetres, the envelope lying landscape.
 * Sizes: ISO 269 (DL 220 × 110, C5 229 × 162). The address zone is the 90 × 45 mm window of the
 * common Polish right-window envelope, 20 mm from the right edge and 15 mm above the bottom edge
 * (the usual DIN 680-style window; no Poczta Polska document fixing it was found, so measure a
 * box of the office's envelopes before relying on it). It also keeps Poczta Polska's addressing
 * advice: the addressee in the right half, the sender top left, a clear band along the bottom for
 * the sorting machine's code, the top right corner left free for stamps or the franking imprint.
 */
interface EnvelopeGeometry {
  readonly width: number;
  readonly height: number;
  readonly window: { readonly right: number; readonly bottom: number; readonly width: number; readonly height: number };
  /** The top right corner kept free for stamps or the franking machine's imprint. */
  readonly franking: { readonly width: number; readonly height: number };
}

const WINDOW = { right: 20, bottom: 15, width: 90, height: 45 } as const;
const FRANKING = { width: 40, height: 30 } as const;

export function envelopeGeometry(format: EnvelopeFormat): EnvelopeGeometry {
  switch (format) {
    case 'DL':
      return { width: 220, height: 110, window: WINDOW, franking: FRANKING };
    case 'C5':
      return { width: 229, height: 162, window: WINDOW, franking: FRANKING };
    default:
      return assertNever(format);
  }
}

/** The words next to the "R" box: the KPA return receipt is what the post office must attach. */
function registeredCaption(letter: OutgoingLetter): string | null {
  switch (letter.channel) {
    case 'registered_zpo':
      return 'Polecony ZPO – KPA';
    case 'registered':
      return 'Polecony';
    case 'ordinary':
    case 'e_doreczenia':
    case 'epuap':
    case 'in_person':
    case 'email':
      return null;
    default:
      return assertNever(letter.channel);
  }
}

/** Envelopes printed straight onto DL or C5 envelopes, one page (one envelope) per letter, in the given order. */
export async function renderEnvelopes(letters: readonly OutgoingLetter[], format: EnvelopeFormat, sender: PostalSender): Promise<Buffer> {
  if (letters.length === 0) throw new Error('Envelopes: no letters to print');
  const g = envelopeGeometry(format);
  const size: [number, number] = [mm(g.width), mm(g.height)];
  const { doc, finish } = createPdf({ size, margin: 0, autoFirstPage: false, info: { Title: `Koperty ${format} (${String(letters.length)})` } });
  for (const letter of letters) {
    doc.addPage({ size, margin: 0 });
    drawEnvelope(doc, letter, g, sender);
  }
  return finish();
}

function drawEnvelope(doc: Pdf, letter: OutgoingLetter, g: EnvelopeGeometry, sender: PostalSender): void {
  const edge = mm(10);
  // The sender's block stops short of the registered marking and the window.
  const senderWidth = mm(g.width - g.window.right - g.window.width) - edge - mm(5);
  doc.font('bold').fontSize(8).text(sender.name, edge, edge, { width: senderWidth });
  doc.font('regular').fontSize(8).text(sender.addressLines.join('\n'), edge, doc.y, { width: senderWidth });
  if (letter.caseSign) doc.fontSize(6.5).text(`Znak sprawy: ${letter.caseSign}`, edge, doc.y + mm(1.5), { width: senderWidth });

  const caption = registeredCaption(letter);
  if (caption !== null) {
    // Left of the stamp corner, above the window: the "R" sticker goes on the box at the counter.
    const box = mm(11);
    const x = mm(g.width - g.window.right - g.window.width);
    doc.rect(x, edge, box, box).lineWidth(1.2).stroke().lineWidth(1);
    doc.font('bold').fontSize(18).text('R', x, edge + (box - 18 * 0.75) / 2 - 1, { width: box, align: 'center', lineBreak: false });
    const captionWidth = mm(g.width - g.franking.width) - x - box - mm(3);
    doc.font('bold').fontSize(8).text(caption, x + box + mm(2), edge + mm(1), { width: captionWidth });
  }

  // The address inside the window, 4 mm in from its edges so a letter sliding in the envelope stays readable.
  const inset = mm(4);
  const left = mm(g.width - g.window.right - g.window.width) + inset;
  const top = mm(g.height - g.window.bottom - g.window.height) + inset;
  const width = mm(g.window.width) - 2 * inset;
  const bottom = mm(g.height - g.window.bottom) - inset;
  doc.font('bold').fontSize(10.5).text(letter.addresseeName, left, top, { width, height: 2 * 13, ellipsis: true });
  const linesTop = doc.y + mm(0.5);
  doc.font('regular').fontSize(10.5).text(addressLines(letter).join('\n'), left, linesTop, { width, height: Math.max(0, bottom - linesTop), ellipsis: true });
}
