import { build, type BuildOptions } from 'esbuild';

/**
 * Bundles the Electron-side code. Main and the SQLite worker are ESM (Electron 45 loads ESM
 * mains); the preload must be a single CommonJS file because sandboxed preloads cannot load ESM
 * or require anything but 'electron'. Native and Electron packages stay external.
 */
const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3', 'electron-updater', 'pdfkit', 'fontkit', 'bwip-js', 'dejavu-fonts-ttf', 'zxing-wasm', 'pdfjs-dist',
    // tesseract.js starts its worker script and finds its engine and the Polish model by path in
    // node_modules; @napi-rs/canvas is native.
    'tesseract.js', 'tesseract.js-core', '@tesseract.js-data/pol', '@napi-rs/canvas',
    // exceljs (report spreadsheets) is CommonJS with optional requires of its own: loaded as is.
    'exceljs'],
};

await Promise.all([
  build({ ...common, format: 'esm', entryPoints: ['electron/main/index.ts'], outfile: 'out/main/index.js' }),
  build({ ...common, format: 'esm', entryPoints: ['electron/core/db/worker.ts'], outfile: 'out/main/db-worker.js' }),
  build({ ...common, format: 'esm', entryPoints: ['electron/core/pdf/worker.ts'], outfile: 'out/main/documents-worker.js' }),
  build({ ...common, format: 'esm', entryPoints: ['electron/core/documents/import-worker.ts'], outfile: 'out/main/import-worker.js' }),
  build({ ...common, format: 'esm', entryPoints: ['electron/core/documents/barcodes/batch-worker.ts'], outfile: 'out/main/batch-worker.js' }),
  build({ ...common, format: 'esm', entryPoints: ['electron/core/documents/text-worker.ts'], outfile: 'out/main/text-worker.js' }),
  build({ ...common, format: 'cjs', entryPoints: ['electron/preload/index.ts'], outfile: 'out/preload/index.cjs' }),
]);
console.log('Zbudowano: out/main/index.js, out/main/db-worker.js, out/main/documents-worker.js, out/main/import-worker.js, out/main/batch-worker.js, out/main/text-worker.js, out/preload/index.cjs');
