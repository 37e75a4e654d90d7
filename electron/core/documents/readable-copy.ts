import { createCanvas, ImageData } from '@napi-rs/canvas';
import { imagesToPdf, type PageImage } from './images-to-pdf.ts';
import { openPages, type PageRaster } from './page-raster.ts';

/**
 * A PDF that needs a password to open cannot be read by anyone who lacks it: not by the unit it
 * is routed to, the search, or the archive. So once the clerk types the password its sender gave,
 * its pages are drawn into a new, unprotected PDF, the document's readable copy, and the
 * encrypted original is kept as it came. Decrypting the file itself would need a PDF writer that
 * can decrypt (pdf-lib cannot), and would break a signature anyway; a drawn copy keeps what the
 * letter says and how it looks. Its words come back through OCR, as a scan's do.
 */

/** Legible small print and stamps, at about a third of a megabyte per colour A4 page. */
export const READABLE_COPY_DPI = 200;
const JPEG_QUALITY = 85;

export async function readableCopy(bytes: Uint8Array, password: string, pageDone: () => void): Promise<Buffer> {
  const source = await openPages(bytes, 'pdf', password);
  try {
    const pages: PageImage[] = [];
    for (let index = 0; index < source.pageCount; index++) {
      const raster = await source.render(index, { dpi: READABLE_COPY_DPI, color: 'rgba' });
      pages.push({ image: jpegOf(raster), widthPx: raster.width, heightPx: raster.height, dpiX: raster.dpi, dpiY: raster.dpi, orientation: 1 });
      pageDone();
    }
    return await imagesToPdf(pages);
  } finally {
    await source.close();
  }
}

function jpegOf(raster: PageRaster): Buffer {
  const canvas = createCanvas(raster.width, raster.height);
  canvas.getContext('2d').putImageData(new ImageData(raster.data, raster.width, raster.height), 0, 0);
  return canvas.encodeSync('jpeg', JPEG_QUALITY);
}
