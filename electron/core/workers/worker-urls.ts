/**
 * Where the workstation's worker threads start from: the TypeScript sources when Node runs them
 * directly (devserver, tests, bench), the bundles inside Electron (see electron/main/paths.ts).
 */
export interface WorkerUrls {
  readonly db: URL;
  readonly documents: URL;
  /** Inspects and converts imported files (issue 6); started on the first import. */
  readonly importer: URL;
  /** Reads barcodes on scanned batches and splits them (issue 6, point 5); started on the first batch. */
  readonly batches: URL;
  /** Reads documents' words (text layers, Polish OCR) in the background. */
  readonly text: URL;
}

export const SOURCE_WORKER_URLS: WorkerUrls = {
  db: new URL('../db/worker.ts', import.meta.url),
  documents: new URL('../pdf/worker.ts', import.meta.url),
  importer: new URL('../documents/import-worker.ts', import.meta.url),
  batches: new URL('../documents/barcodes/batch-worker.ts', import.meta.url),
  text: new URL('../documents/text-worker.ts', import.meta.url),
};
