import bwipjs from 'bwip-js';
import type { Pdf } from './document.ts';

/**
 * Barcodes drawn as vector rectangles straight into the PDF: sharp on any label printer and
 * cheap to make (a PNG round trip cost ~20 ms per label, most of the label budget). bwip-js
 * encodes; we only draw. Each code keeps its quiet zone white: scanners, and our own splitting
 * of scanned batches by label, fail on cramped codes.
 */

const CODE128_QUIET_MODULES = 10;
const QR_QUIET_MODULES = 4;

interface LinearRaw {
  readonly sbs: readonly number[];
}

interface MatrixRaw {
  readonly pixs: readonly number[];
  readonly pixx: number;
  readonly pixy: number;
}

/** Code 128 of `text` filling `width` (quiet zones included) at (x, y). */
export function drawCode128(doc: Pdf, text: string, x: number, y: number, width: number, height: number): void {
  const [raw] = bwipjs.raw('code128', text, '') as LinearRaw[];
  if (!raw) throw new Error('bwip-js returned no Code 128');
  // sbs: widths in modules, alternating bar, space, bar… starting with a bar.
  const modules = raw.sbs.reduce((sum, w) => sum + w, 0) + 2 * CODE128_QUIET_MODULES;
  const module = width / modules;
  let cursor = x + CODE128_QUIET_MODULES * module;
  raw.sbs.forEach((w, i) => {
    if (i % 2 === 0) doc.rect(cursor, y, w * module, height);
    cursor += w * module;
  });
  doc.fill('#000000');
}

/**
 * QR of `text` as a `size` × `size` square (quiet zone included). The mask is fixed: choosing
 * the best of eight costs 6 ms and only matters for codes far denser than ours; every mask
 * is valid and reads the same.
 */
export function drawQr(doc: Pdf, text: string, x: number, y: number, size: number): void {
  const [raw] = bwipjs.raw('qrcode', text, 'eclevel=M mask=1') as MatrixRaw[];
  if (!raw) throw new Error('bwip-js returned no QR code');
  const module = size / (raw.pixx + 2 * QR_QUIET_MODULES);
  const left = x + QR_QUIET_MODULES * module;
  const top = y + QR_QUIET_MODULES * module;
  for (let row = 0; row < raw.pixy; row++) {
    // One rectangle per run of dark modules: a tenth of the drawing operators.
    let runStart = -1;
    for (let col = 0; col <= raw.pixx; col++) {
      const dark = col < raw.pixx && raw.pixs[row * raw.pixx + col] === 1;
      if (dark && runStart < 0) runStart = col;
      if (!dark && runStart >= 0) {
        doc.rect(left + runStart * module, top + row * module, (col - runStart) * module, module);
        runStart = -1;
      }
    }
  }
  doc.fill('#000000');
}
