import PDFDocument from 'pdfkit';

/**
 * Puts page images (JPEG as it is, PNG as it is or decoded from a TIFF) into one PDF, one page
 * each, sized by the image's resolution so a 300 dpi A4 scan becomes an A4 page. No fonts: the
 * pages are pictures.
 */

export interface PageImage {
  /** JPEG or PNG bytes, which pdfkit embeds without decoding them where it can. */
  readonly image: Buffer;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly dpiX: number | null;
  readonly dpiY: number | null;
  /** TIFF/EXIF orientation 1–8: how the stored rows are to be turned for reading. */
  readonly orientation: number;
}

/** Neither stated nor plausible: a phone photo or a screenshot; 150 dpi gives a page of sensible size. */
const DEFAULT_DPI = 150;
const MIN_PLAUSIBLE_DPI = 10;
/** PDF readers' page size limit (14,400 units); a larger page is scaled down to fit. */
const MAX_PAGE_POINTS = 14_400;

export async function imagesToPdf(pages: Iterable<PageImage>): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, compress: true, info: { Producer: 'Kancelaria', Creator: 'Kancelaria' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const page of pages) {
    const { width, height } = storedSizeInPoints(page);
    const turned = page.orientation >= 5;
    doc.addPage({ size: turned ? [height, width] : [width, height], margin: 0 });
    doc.save();
    doc.transform(...orientationMatrix(page.orientation, width, height));
    // Orientation is applied above, for JPEG and TIFF alike; pdfkit must not turn a JPEG again.
    const placement = { width, height, ignoreOrientation: true };
    doc.image(page.image, 0, 0, placement);
    doc.restore();
  }
  doc.end();
  return done;
}

function storedSizeInPoints(page: PageImage): { width: number; height: number } {
  const stated = (dpi: number | null): number | null => (dpi !== null && dpi >= MIN_PLAUSIBLE_DPI ? dpi : null);
  const dpiX = stated(page.dpiX) ?? stated(page.dpiY) ?? DEFAULT_DPI;
  const dpiY = stated(page.dpiY) ?? stated(page.dpiX) ?? DEFAULT_DPI;
  const width = (page.widthPx / dpiX) * 72;
  const height = (page.heightPx / dpiY) * 72;
  const scale = Math.min(1, MAX_PAGE_POINTS / Math.max(width, height));
  return { width: width * scale, height: height * scale };
}

/**
 * Maps the stored image, drawn in [0, w] × [0, h] (pdfkit's y axis points down), onto the page
 * as the orientation tag says it is read (TIFF 6.0, tag 274; EXIF 2.3, same values).
 */
export function orientationMatrix(orientation: number, w: number, h: number): [number, number, number, number, number, number] {
  switch (orientation) {
    case 2: return [-1, 0, 0, 1, w, 0]; // mirrored left to right
    case 3: return [-1, 0, 0, -1, w, h]; // upside down
    case 4: return [1, 0, 0, -1, 0, h]; // mirrored top to bottom
    case 5: return [0, 1, 1, 0, 0, 0]; // transposed
    case 6: return [0, 1, -1, 0, h, 0]; // to be turned 90° clockwise
    case 7: return [0, -1, -1, 0, h, w]; // transverse
    case 8: return [0, -1, 1, 0, 0, w]; // to be turned 90° anticlockwise
    default: return [1, 0, 0, 1, 0, 0];
  }
}
