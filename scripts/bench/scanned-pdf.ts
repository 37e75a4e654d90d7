import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';

/**
 * A PDF of `pages` A4 pages, each a distinct 150 dpi greyscale JPEG with text lines and noise:
 * what a scanned letter weighs (about half a megabyte a page). `seed` makes another file of the
 * same kind, for benches that must not meet their own earlier file.
 */
export async function scannedPdf(pages: number, seed = 0): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const canvas = createCanvas(1240, 1754);
  const context = canvas.getContext('2d');
  for (let page = 1; page <= pages; page++) {
    context.fillStyle = '#f4f2ee';
    context.fillRect(0, 0, 1240, 1754);
    context.fillStyle = '#1a1a1a';
    context.font = '28px serif';
    for (let line = 0; line < 48; line++) context.fillText(`Strona ${String(page)}, wiersz ${String(line + 1)}: operat szacunkowy nieruchomości, działka 12/${String(line)}.`, 110, 150 + line * 32);
    const noise = context.getImageData(0, 0, 1240, 1754);
    for (let i = 0; i < noise.data.length; i += 4) {
      const grain = ((i * 2654435761 + page * 40503 + seed * 7919) >>> 24) % 24 - 12;
      noise.data[i] = noise.data[i + 1] = noise.data[i + 2] = Math.max(0, Math.min(255, (noise.data[i] ?? 0) + grain));
    }
    context.putImageData(noise, 0, 0);
    const jpeg = await canvas.encode('jpeg', 70);
    const image = await doc.embedJpg(jpeg);
    doc.addPage([595.28, 841.89]).drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
  }
  return doc.save();
}
