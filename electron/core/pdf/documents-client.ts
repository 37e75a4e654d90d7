import { Worker } from 'node:worker_threads';
import { PendingCalls } from '../workers/pending-calls.ts';
import { renderDocument, type DocumentJob } from './render.ts';
import type { DocumentsRequest, DocumentsResponse } from './worker-protocol.ts';

/** How services get documents rendered. */
export interface DocumentsClient {
  render(job: DocumentJob): Promise<Buffer>;
  close(): Promise<void>;
}

export class DocumentsError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** Starts the documents worker (`workerUrl`: the source under Node, the bundle inside Electron). */
export function startDocumentsWorker(workerUrl: URL): DocumentsClient {
  const worker = new Worker(workerUrl);
  const pending = new PendingCalls();
  let closed = false;
  worker.on('message', (message: DocumentsResponse) => {
    if (message.ok) pending.resolve(message.id, Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength));
    else pending.reject(message.id, new DocumentsError(message.error.name, message.error.message));
  });
  worker.on('error', (error: Error) => pending.rejectAll(error));
  worker.on('exit', (code) => {
    closed = true;
    pending.rejectAll(new DocumentsError('DocumentsClosed', `Documents worker exited (${String(code)})`));
  });
  return {
    render(job) {
      if (closed) return Promise.reject(new DocumentsError('DocumentsClosed', 'Documents worker is closed'));
      return pending.start((id) => worker.postMessage({ id, job } satisfies DocumentsRequest));
    },
    async close() {
      if (closed) return;
      const exited = new Promise<void>((done) => worker.once('exit', () => done()));
      worker.postMessage('close');
      await exited;
    },
  };
}

/** Same interface on the calling thread, for service tests and benchmarks of the layout alone. */
export function inProcessDocuments(): DocumentsClient {
  return { render: renderDocument, close: () => Promise.resolve() };
}
