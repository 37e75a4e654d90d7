import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';

/**
 * pdf.js with its worker's address set. Imported only dynamically (pdf-document.ts), so the
 * megabyte of PDF code is fetched the first time a document is shown, and screens and tests
 * that never show one never load it.
 */
pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

export { pdfjs };
