import { parentPort } from 'node:worker_threads';
import { ImportRefused } from './import-refused.ts';
import type { ImportAnswer, ImportJob, ImportProgress, ImportWorkerMessage } from './import-worker-protocol.ts';
import { prepareImport } from './prepare-import.ts';

/**
 * The import worker: parses untrusted files, one job at a time, in a thread with a capped heap
 * that the host terminates after a time limit (and replaces for the next file). A file built to
 * loop, to eat memory or to blow the stack costs this thread only and never the app.
 */

const port = parentPort;
if (!port) throw new Error('import worker must run in a worker thread');

// pdf-lib and utif2 narrate every oddity of a damaged file on the console; the refusal says it once.
console.log = () => undefined;
console.warn = () => undefined;
console.info = () => undefined;

function answer(message: ImportAnswer): void {
  if (message.ok && message.pdf) port?.postMessage(message, [message.pdf.buffer]);
  else port?.postMessage(message);
}

port.on('message', (job: ImportJob) => {
  const progress = (): void => port.postMessage({ id: job.id, progress: true } satisfies ImportProgress);
  prepareImport(job.bytes, job.limits, progress, job.password).then(
    (prepared) => answer({ id: job.id, ok: true, format: prepared.format, pageCount: prepared.pageCount, pdf: prepared.pdf === null ? null : new Uint8Array(prepared.pdf) }),
    (error: unknown) => {
      if (error instanceof ImportRefused) answer({ id: job.id, ok: false, reason: error.reason, detail: error.message });
      // Anything else is a parser tripping over the file (a stack overflow on a nested structure,
      // a decoder's bounds error): the file cannot be read.
      else answer({ id: job.id, ok: false, reason: 'documentImport.corrupt', detail: `Unreadable: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}` });
    },
  );
});

// Parsers are loaded (the imports above): the host starts the clock for the file now.
port.postMessage('ready' satisfies ImportWorkerMessage);
