import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ImportFormat } from '../../shared/document-import.ts';
import { scanPages, type BatchScanOptions } from '../../electron/core/documents/barcodes/prepare-batch.ts';
import { splitBatch } from '../../electron/core/documents/barcodes/split-batch.ts';
import { round, type Figure } from './figures.ts';

/**
 * Splitting scanned batches by barcode (issue 6, point 5): pages per second of drawing each page,
 * reading its barcodes and splitting, over the paperless-ngx batches that are 300 dpi office scans
 * (PDF with CCITT or Flate images, LZW TIFF). Target: 5 pages/s. Also the same pages read at
 * 300 dpi and with a 300 dpi retry of pages where nothing was found, for comparison, and
 * paperless' many-qr-codes.pdf (600 dpi colour JPEG pages, which pdf.js decodes in JavaScript).
 */

const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus/paperless-ngx');
const BATCHES: readonly string[] = [
  'patch-code-t-middle.pdf', 'patch-code-t-middle.tiff', 'patch-code-t-middle-reverse.pdf', 'patch-code-t-middle-distorted.pdf',
  'patch-code-t-double.pdf', 'several-patcht-codes.pdf', 'barcode-fax-image.pdf', 'split-by-asn-1.pdf', 'split-by-asn-2.pdf',
];

const formatOf = (name: string): ImportFormat => (name.endsWith('.tiff') ? 'tiff' : 'pdf');

/**
 * Pages per second of wall-clock time, and per second of this process's CPU time: on a machine
 * shared with other work the first understates what a clerk's own PC does; the second does not
 * (reading is single-threaded, so a free core gives about that rate).
 */
async function pagesPerSecond(files: readonly string[], options: BatchScanOptions): Promise<{ rate: number; cpuRate: number; pages: number }> {
  const inputs = files.map((name) => ({ bytes: new Uint8Array(readFileSync(resolve(CORPUS, name))), format: formatOf(name) }));
  let pages = 0;
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (const { bytes, format } of inputs) {
    const codes = await scanPages(bytes, format, options);
    splitBatch(codes, options);
    pages += codes.length;
  }
  const used = process.cpuUsage(cpu);
  return { rate: pages / ((performance.now() - start) / 1000), cpuRate: pages / ((used.user + used.system) / 1e6), pages };
}

export async function benchBarcodes(): Promise<Figure[]> {
  // Warm-up: pdf.js, Skia and ZXing's WebAssembly load once per process.
  await pagesPerSecond(['patch-code-t-middle.pdf'], {});
  const figures: Figure[] = [];
  for (const [name, options, target] of [
    ['barcodes.split_300dpi_scans_read_at_150dpi', {}, 5],
    ['barcodes.split_300dpi_scans_read_at_300dpi', { dpi: 300 }, undefined],
    ['barcodes.split_300dpi_scans_150dpi_retry_300dpi', { retryDpi: 300 }, undefined],
  ] as const) {
    const { rate, cpuRate, pages } = await pagesPerSecond(BATCHES, options);
    figures.push({ name, unit: 'pages/s', value: round(rate), runs: pages, ...(target === undefined ? {} : { target, higherIsBetter: true }) });
    figures.push({ name: `${name}_per_cpu_second`, unit: 'pages/s', value: round(cpuRate), runs: pages });
  }
  const heavy = await pagesPerSecond(['many-qr-codes.pdf'], { separatorStrings: ['ADAR-NEXTDOC'] });
  figures.push({ name: 'barcodes.split_600dpi_colour_jpeg_pages', unit: 'pages/s', value: round(heavy.rate), runs: heavy.pages });
  return figures;
}
