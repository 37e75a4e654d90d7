import { parentPort } from 'node:worker_threads';
import { serializeError } from '../db/worker-protocol.ts';
import { pdfFonts } from './fonts.ts';
import { renderDocument } from './render.ts';
import type { DocumentsRequest, DocumentsResponse } from './worker-protocol.ts';

/**
 * The documents worker: lays out PDFs (and CSV) from data it is sent. A register export of
 * thousands of pages takes seconds of CPU; here it stalls neither the Electron main process nor
 * the SQLite worker, so the desk goes on registering meanwhile.
 */

const port = parentPort;
if (!port) throw new Error('documents worker must run in a worker thread');

// Parse the fonts now, while the clerk is still typing, not on the first label.
pdfFonts();

port.on('message', (request: DocumentsRequest | 'close') => {
  if (request === 'close') {
    port.close();
    return;
  }
  renderDocument(request.job).then(
    (bytes) => {
      const copy = new Uint8Array(bytes);
      port.postMessage({ id: request.id, ok: true, bytes: copy } satisfies DocumentsResponse, [copy.buffer]);
    },
    (error: unknown) => port.postMessage({ id: request.id, ok: false, error: serializeError(error) } satisfies DocumentsResponse),
  );
});
