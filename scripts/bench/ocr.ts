import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { OCR_DPI, OCR_MAX_PIXELS, OcrEngine } from '../../electron/core/documents/ocr-engine.ts';
import { openPages } from '../../electron/core/documents/page-raster.ts';
import { percentile, round, type Figure } from './figures.ts';

const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus');
/** Two real A4 scans at 300 dpi, full pages of Polish text (~3,500 characters each). */
const PAGES = [
  ['hp_times', 'tesseract-polish/sample_pl-part2-times-scanner_HP_DeskJet_F4180_300dpi.tif'],
  ['brother_courier', 'tesseract-polish/sample_pl-part3-courier-scanner_Brother_DCP-135C_300dpi.tif'],
] as const;
const RUNS = 3;

/**
 * OCR of one A4 page at 300 dpi on one core (the target: under 4 s), as the text worker
 * does it: the page drawn to grey pixels, then tesseract.js (one engine thread) reads it. The
 * engine is loaded first and not counted: it is loaded once per session, not per page. `_cpu` is
 * the process's CPU time for the page, which on a busy machine says more than the wall clock.
 */
export async function benchOcr(): Promise<Figure[]> {
  const ocr = new OcrEngine();
  const figures: Figure[] = [];
  try {
    const load = performance.now();
    const warm = await openPages(new Uint8Array(readFileSync(join(CORPUS, PAGES[0][1]))), 'tiff');
    await ocr.recognize(await warm.render(0, { dpi: 72, color: 'gray' }));
    figures.push({ name: 'ocr.engine_load_and_thumbnail', unit: 'ms', value: round(performance.now() - load), runs: 1 });
    for (const [name, path] of PAGES) {
      const bytes = new Uint8Array(readFileSync(join(CORPUS, path)));
      const walls: number[] = [];
      const cpus: number[] = [];
      const rasters: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const cpu = process.cpuUsage();
        const start = performance.now();
        // A fresh source each run, as the worker opens each document once (and page-raster's TIFF
        // source hands out a page's pixels once).
        const source = await openPages(bytes, 'tiff');
        const raster = await source.render(0, { dpi: OCR_DPI, color: 'gray', maxPixels: OCR_MAX_PIXELS });
        await source.close();
        rasters.push(performance.now() - start);
        const read = await ocr.recognize(raster);
        // A blank raster reads in no time: a figure is only worth something for a page really read.
        if (read.text.length < 1000) throw new Error(`bench: OCR of ${name} gave ${read.text.length} characters`);
        walls.push(performance.now() - start);
        const used = process.cpuUsage(cpu);
        cpus.push((used.user + used.system) / 1000);
      }
      figures.push({ name: `ocr.a4_300dpi_page_${name}`, unit: 'ms', value: round(percentile(walls, 50)), runs: RUNS, target: 4000 });
      figures.push({ name: `ocr.a4_300dpi_page_${name}_cpu`, unit: 'ms', value: round(percentile(cpus, 50)), runs: RUNS });
      figures.push({ name: `ocr.a4_300dpi_raster_${name}`, unit: 'ms', value: round(percentile(rasters, 50)), runs: RUNS });
    }
  } finally {
    await ocr.close();
  }
  return figures;
}
