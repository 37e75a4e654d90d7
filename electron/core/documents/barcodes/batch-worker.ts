import { parentPort } from 'node:worker_threads';
import { ImportRefused } from '../import-refused.ts';
import type { BatchAnswer, BatchJob, BatchProgress, BatchWorkerMessage } from './batch-worker-protocol.ts';
import { prepareBatch } from './prepare-batch.ts';

/**
 * The batch worker: a scanned batch is untrusted bytes like any import, and reading barcodes
 * means drawing every page (pdf.js, utif2, Skia, ZXing's WebAssembly). All of it runs here, in a
 * thread with a capped heap that the host stops after a time limit, never in the main process.
 */

const port = parentPort;
if (!port) throw new Error('batch worker must run in a worker thread');

// pdf.js, pdf-lib and utif2 narrate every oddity of a damaged file; the refusal says it once.
console.log = () => undefined;
console.warn = () => undefined;
console.info = () => undefined;

function answer(message: BatchAnswer): void {
  port?.postMessage(message, message.ok ? message.parts.map((part) => part.pdf.buffer) : []);
}

port.on('message', (job: BatchJob) => {
  const progress = (): void => port.postMessage({ id: job.id, progress: true } satisfies BatchProgress);
  prepareBatch(job.bytes, job.limits, job.options, progress).then(
    (prepared) => answer({
      id: job.id,
      ok: true,
      format: prepared.format,
      pageCount: prepared.pageCount,
      separators: prepared.separators,
      parts: prepared.parts.map((part) => ({ pages: part.pages, label: part.label, pdf: new Uint8Array(part.pdf) })),
    }),
    (error: unknown) => {
      if (error instanceof ImportRefused) answer({ id: job.id, ok: false, reason: error.reason, detail: error.message });
      else answer({ id: job.id, ok: false, reason: 'documentImport.corrupt', detail: `Unreadable: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}` });
    },
  );
});

port.postMessage('ready' satisfies BatchWorkerMessage);
