import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig, type Plugin } from 'vite';

/**
 * pdf.js (the document viewer) decodes JBIG2/CCITT fax and JPEG 2000 images, common in scanned
 * PDFs, with helpers its worker loads at run time by file name from one folder (`wasmUrl`). They
 * cannot go through the bundle (their names must stay as they are), so the build copies them,
 * with their licences, to `pdfjs/` beside the app. The JavaScript versions, not the WebAssembly
 * ones: the CSP has no 'wasm-unsafe-eval', and the viewer is told not to try WebAssembly.
 */
const PDFJS_WASM_DIR = fileURLToPath(new URL('../node_modules/pdfjs-dist/wasm/', import.meta.url));
const PDFJS_DECODERS = [
  'jbig2_nowasm_fallback.js',
  'openjpeg_nowasm_fallback.js',
  'LICENSE_JBIG2',
  'LICENSE_OPENJPEG',
  'LICENSE_PDFJS_JBIG2',
  'LICENSE_PDFJS_OPENJPEG',
];

function pdfjsDecoders(): Plugin {
  return {
    name: 'kancelaria-pdfjs-decoders',
    apply: 'build',
    generateBundle() {
      for (const name of PDFJS_DECODERS) {
        this.emitFile({ type: 'asset', fileName: `pdfjs/${name}`, source: readFileSync(PDFJS_WASM_DIR + name) });
      }
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative asset URLs: the same build is served from app://kancelaria and from the devserver.
  base: './',
  plugins: [vue(), pdfjsDecoders()],
  define: {
    // vue-i18n: no message compiler at run time is needed for our plain messages, and the
    // production CSP forbids eval anyway.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 1000,
  },
});
