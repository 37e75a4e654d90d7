import { parentPort } from 'node:worker_threads';
import { OcrEngine } from './ocr-engine.ts';
import { readDocumentText } from './page-text.ts';
import type { TextJobMessage, TextWorkerAnswer, TextWorkerMessage } from './text-worker-protocol.ts';

/**
 * The text worker: reads documents' words (PDF text layers, Polish OCR) off the main thread, one
 * document at a time. It holds one tesseract.js engine, which itself runs on one more thread, so
 * the whole of OCR keeps to one core while the clerk works on.
 */

const port = parentPort;
if (!port) throw new Error('text worker must run in a worker thread');

// pdf.js and the decoders narrate every oddity of a scan on the console; failures are reported per page.
console.log = () => undefined;
console.warn = () => undefined;
console.info = () => undefined;

const ocr = new OcrEngine();
let queue: Promise<void> = Promise.resolve();

function say(message: TextWorkerAnswer): void {
  port?.postMessage(message);
}

port.on('message', (job: TextJobMessage | 'close') => {
  if (job === 'close') {
    void queue.then(() => ocr.close()).finally(() => port.close());
    return;
  }
  queue = queue.then(async () => {
    const failures: string[] = [];
    try {
      await readDocumentText(job.format, job.bytes, ocr, {
        skip: new Set(job.skip),
        page: (page, source, text) => say({ id: job.id, type: 'page', page, source, text }),
        pageFailed: (page, reason) => {
          failures.push(`page ${page}: ${reason}`);
          say({ id: job.id, type: 'pageFailed', page, reason });
        },
        progress: (page, percent) => say({ id: job.id, type: 'progress', page, percent }),
      });
      say({ id: job.id, type: 'finished', failure: failures.length === 0 ? null : `Unreadable ${failures.join('; ')}` });
    } catch (error) {
      say({ id: job.id, type: 'finished', failure: `Unreadable: ${error instanceof Error ? error.message : String(error)}` });
    }
  });
});

port.postMessage('ready' satisfies TextWorkerMessage);
