import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PageTextSource } from '../../../shared/document-text.ts';
import { OCR_DPI, OcrEngine, ocrWorkerOptions, turnedHalfway } from './ocr-engine.ts';
import { renderPage } from './page-raster.ts';
import { readDocumentText } from './page-text.ts';

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus');
const ocr = new OcrEngine();
afterAll(() => ocr.close());

describe('OCR engine', () => {
  it('takes the Polish model, the engine and its worker script from node_modules, never a CDN', () => {
    const options = ocrWorkerOptions();
    for (const path of [options.langPath, options.corePath, options.workerPath]) {
      expect(path).toBeDefined();
      // tesseract.js fetches only what looks like a URL; a local absolute path is read from disk.
      expect(isAbsolute(path ?? '')).toBe(true);
      expect(path).not.toMatch(/^[a-z]+:\/\//u);
      expect(existsSync(path ?? '')).toBe(true);
    }
    expect(existsSync(join(options.langPath ?? '', 'pol.traineddata.gz'))).toBe(true);
    expect(existsSync(join(options.corePath ?? '', 'tesseract-core-relaxedsimd-lstm.wasm'))).toBe(true);
    // No cache is written next to the app, and none is read instead of the packaged model.
    expect(options.cacheMethod).toBe('none');
  });

  it("reads a PDF page's own text and OCRs only the page that has none", async () => {
    const pages: [number, PageTextSource, string][] = [];
    const failed: number[] = [];
    await readDocumentText('pdf', new Uint8Array(readFileSync(join(CORPUS, 'mayan-edms/hybrid_text_and_image.pdf'))), ocr, {
      skip: new Set(),
      page: (page, source, text) => pages.push([page, source, text]),
      pageFailed: (page) => failed.push(page),
      progress: () => undefined,
    });
    expect(failed).toEqual([]);
    expect(pages.map(([page, source]) => [page, source])).toEqual([[1, 'text_layer'], [2, 'ocr']]);
    expect(pages[0]?.[2].trim()).toBe('Sample text');
    expect(pages[1]?.[2].trim().length).toBeGreaterThan(0);
  }, 180_000);

  it('reads a page scanned upside down as well as the same page upright', async () => {
    const upright = await renderPage(new Uint8Array(readFileSync(join(CORPUS, 'tesseract-polish/sample_pl-part2-times-scanner_HP_DeskJet_F4180_300dpi.tif'))), 'tiff', 0, { dpi: OCR_DPI });
    const upsideDown = turnedHalfway(upright);
    // Read as it lies, the page is gibberish; that is what sends it round.
    expect((await ocr.recognize(upsideDown)).confidence).toBeLessThan(60);
    const read = await ocr.recognizeUpright(upsideDown);
    expect(read.confidence).toBeGreaterThan(85);
    expect(read.text).toContain('pszenicy');
    expect(read.text).toContain('kukurydzy');
  }, 180_000);

  it('turns a raster by 180° pixel for pixel, channels kept in order', () => {
    const rgba = { width: 2, height: 1, channels: 4 as const, dpi: 72, data: new Uint8ClampedArray([1, 2, 3, 255, 4, 5, 6, 255]) };
    expect([...turnedHalfway(rgba).data]).toEqual([4, 5, 6, 255, 1, 2, 3, 255]);
    const grey = { width: 2, height: 2, channels: 1 as const, dpi: 72, data: new Uint8ClampedArray([1, 2, 3, 4]) };
    expect([...turnedHalfway(grey).data]).toEqual([4, 3, 2, 1]);
  });

  it('skips pages read before a restart', async () => {
    const pages: number[] = [];
    const failed: [number, string][] = [];
    await readDocumentText('pdf', new Uint8Array(readFileSync(join(CORPUS, 'mayan-edms/hybrid_text_and_image.pdf'))), ocr, {
      skip: new Set([2]),
      page: (page) => pages.push(page),
      pageFailed: (page, reason) => failed.push([page, reason]),
      progress: () => undefined,
    });
    expect(pages).toEqual([1]);
    expect(failed).toEqual([]);
  }, 60_000);
});
