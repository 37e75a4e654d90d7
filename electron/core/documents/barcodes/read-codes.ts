import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import { toRgba, type PageRaster } from '../page-raster.ts';

/**
 * Barcodes on a page raster, by ZXing-C++ compiled to WebAssembly (zxing-wasm). The .wasm file
 * is read from the installed package, never fetched: the library's default would load it from a
 * CDN, and a registry desk must scan with the network down.
 *
 * Formats: Code 128 and QR (our RPW label carries both), Code 39 (PATCH-T separator sheets and
 * most office barcode labels) and Data Matrix. ZXing tries the page turned 90/180/270° itself, so
 * an upside-down separator or a label stuck sideways is found.
 */

export type CodeFormat = 'Code128' | 'Code39' | 'QRCode' | 'DataMatrix';

export interface DecodedCode {
  readonly format: CodeFormat;
  readonly text: string;
}

const FORMATS: readonly CodeFormat[] = ['Code128', 'Code39', 'QRCode', 'DataMatrix'];

const OPTIONS: ReaderOptions = {
  formats: [...FORMATS],
  tryHarder: true,
  tryRotate: true,
  // Scanned paper is dark on light; inverted codes are for screens.
  tryInvert: false,
  tryDownscale: true,
  // A page of a letter holds a label, perhaps a sender's own codes; more than this is noise.
  maxNumberOfSymbols: 16,
};

let prepared = false;

/** Loads the reader's WebAssembly from node_modules (once per thread). */
function prepare(): void {
  if (prepared) return;
  const wasmPath = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
  const bytes = readFileSync(wasmPath);
  prepareZXingModule({ overrides: { wasmBinary: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) } });
  prepared = true;
}

/** Every barcode of our formats that decodes on the page, in ZXing's order, duplicates removed. */
export async function readCodes(raster: PageRaster): Promise<DecodedCode[]> {
  prepare();
  const { width, height, data } = toRgba(raster);
  const results = await readBarcodes({ width, height, data, colorSpace: 'srgb' }, OPTIONS);
  const seen = new Set<string>();
  const codes: DecodedCode[] = [];
  for (const result of results) {
    const format = FORMATS.find((known) => known === result.format);
    if (!result.isValid || format === undefined) continue;
    const key = `${format}\u0000${result.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    codes.push({ format, text: result.text });
  }
  return codes;
}
