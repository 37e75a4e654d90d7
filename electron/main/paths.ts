import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkerUrls } from '../core/workers/worker-urls.ts';

/** Where the build puts each part, relative to the app's root (the asar in a packaged app). */
export function builtPaths(appRoot: string): { rendererDir: string; preload: string; workers: WorkerUrls } {
  return {
    rendererDir: join(appRoot, 'out/renderer'),
    preload: join(appRoot, 'out/preload/index.cjs'),
    workers: {
      db: pathToFileURL(join(appRoot, 'out/main/db-worker.js')),
      documents: pathToFileURL(join(appRoot, 'out/main/documents-worker.js')),
      importer: pathToFileURL(join(appRoot, 'out/main/import-worker.js')),
      batches: pathToFileURL(join(appRoot, 'out/main/batch-worker.js')),
      text: pathToFileURL(join(appRoot, 'out/main/text-worker.js')),
    },
  };
}
