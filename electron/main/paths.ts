import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where the build puts each part, relative to the app's root (the asar in a packaged app). */
export function builtPaths(appRoot: string): { rendererDir: string; preload: string; dbWorkerUrl: URL } {
  return {
    rendererDir: join(appRoot, 'out/renderer'),
    preload: join(appRoot, 'out/preload/index.cjs'),
    dbWorkerUrl: pathToFileURL(join(appRoot, 'out/main/db-worker.js')),
  };
}
