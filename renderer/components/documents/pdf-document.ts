import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { MAX_PAGE_IMAGE_PIXELS } from '../../../shared/document-import.ts';

/**
 * The viewer's only contact with pdf.js. The legacy build, because the modern one uses
 * JavaScript the Chromium inside Electron does not have yet; its worker is a file of the app
 * (vite copies it), never a CDN. pdf.js itself is loaded on first use (pdfjs-loader.ts).
 */

export interface PageSize {
  /** CSS pixels at zoom 1 (1 PDF point = 1 px), the page's own /Rotate applied. */
  readonly width: number;
  readonly height: number;
}

export interface RenderJob {
  readonly done: Promise<void>;
  cancel(): void;
}

export interface OpenedPdf {
  readonly pageCount: number;
  pageSize(pageNumber: number): Promise<PageSize>;
  /** Draws one page into the canvas at `scale`, turned by `rotation` degrees on top of its own. */
  render(pageNumber: number, canvas: HTMLCanvasElement, scale: number, rotation: number): RenderJob;
  close(): Promise<void>;
}

/** Beyond this many device pixels a canvas is drawn more coarsely: a 400 % A3 page would take gigabytes. */
const MAX_CANVAS_PIXELS = 4096 * 4096;

export async function openPdf(bytes: Uint8Array): Promise<OpenedPdf> {
  const { pdfjs } = await import('./pdfjs-loader.ts');
  const task = pdfjs.getDocument({
    data: bytes,
    // The image decoders the build copies to pdfjs/ (see vite.config.ts), in JavaScript: the
    // CSP allows no WebAssembly compilation.
    wasmUrl: new URL('pdfjs/', document.baseURI).href,
    useWasm: false,
    // Scans and letters only: no forms, scripts or XFA to run.
    enableXfa: false,
    // An encrypted PDF's images could not be measured at import: one beyond the limit is not drawn.
    maxImageSize: MAX_PAGE_IMAGE_PIXELS,
  });
  const pdf: PDFDocumentProxy = await task.promise;
  return {
    pageCount: pdf.numPages,
    async pageSize(pageNumber) {
      const viewport = (await pdf.getPage(pageNumber)).getViewport({ scale: 1 });
      return { width: viewport.width, height: viewport.height };
    },
    render(pageNumber, canvas, scale, rotation) {
      let task: RenderTask | null = null;
      const state = { cancelled: false };
      const done = (async () => {
        const page = await pdf.getPage(pageNumber);
        // Read through the object: the flag is set from outside while this awaits.
        if (state.cancelled) return;
        const viewport = page.getViewport({ scale, rotation: (page.rotate + rotation) % 360 });
        const wanted = window.devicePixelRatio || 1;
        const fits = Math.sqrt(MAX_CANVAS_PIXELS / Math.max(1, viewport.width * viewport.height));
        const deviceScale = Math.min(wanted, fits);
        canvas.width = Math.max(1, Math.floor(viewport.width * deviceScale));
        canvas.height = Math.max(1, Math.floor(viewport.height * deviceScale));
        canvas.style.width = `${Math.floor(viewport.width)}px`;
        canvas.style.height = `${Math.floor(viewport.height)}px`;
        task = page.render({ canvas, viewport, transform: deviceScale === 1 ? undefined : [deviceScale, 0, 0, deviceScale, 0, 0] });
        try {
          await task.promise;
        } catch (error) {
          if (!isCancellation(error)) throw error;
        }
      })();
      return {
        done,
        cancel() {
          state.cancelled = true;
          task?.cancel();
        },
      };
    },
    close: () => task.destroy(),
  };
}

function isCancellation(error: unknown): boolean {
  return error instanceof Error && error.name === 'RenderingCancelledException';
}
