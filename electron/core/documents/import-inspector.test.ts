import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SOURCE_WORKER_URLS } from '../workers/worker-urls.ts';
import { ImportInspector } from './import-inspector.ts';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './import-limits.ts';

/** The import worker under its limits: a file that takes too long or too much memory costs its thread only. */

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus');
const corpus = (file: string): Buffer => readFileSync(join(CORPUS, file));
const SMALL_PNG = 'zxing/datamatrix-1-abcd-52x52.png';

function inspector(limits: Partial<ImportLimits>): ImportInspector {
  return new ImportInspector(SOURCE_WORKER_URLS.importer, { ...DEFAULT_IMPORT_LIMITS, ...limits });
}

// Each test starts worker threads; on a loaded machine that alone can take seconds.
describe('ImportInspector', { timeout: 30_000 }, () => {
  // Three 8-megapixel RGB pages to decode and re-encode: each page takes several hundred ms.
  const SLOW_TIFF = 'paperless-ngx/patch-code-t-middle.tiff';

  it('stops a file whose step runs past the step limit, and the next file gets a fresh worker', async () => {
    const importer = inspector({ stepTimeLimitMs: 50 });
    expect(await importer.inspect(corpus(SLOW_TIFF))).toEqual({ ok: false, reason: 'documentImport.tooComplex', detail: 'A step took longer than 50 ms' });
    expect(await importer.inspect(corpus(SMALL_PNG))).toMatchObject({ ok: true, format: 'png', pageCount: 1 });
    await importer.close();
  });

  it('stops a file at the limit for the whole file, even while its pages keep coming', async () => {
    const whole = inspector({ totalTimeLimitMs: 300 });
    expect(await whole.inspect(corpus(SLOW_TIFF))).toEqual({ ok: false, reason: 'documentImport.tooComplex', detail: 'The file took longer than 300 ms' });
    await whole.close();
  });

  it('refuses a file that needs more memory than the worker may have, instead of running out', async () => {
    // The 117-page PDF's objects need about 20 MB of heap; loading the parsers alone nearly fills 16.
    const importer = inspector({ heapLimitMb: 16 });
    expect(await importer.inspect(corpus('py-pdf-sample-files/GeoTopo-komprimiert.pdf'))).toEqual({
      ok: false, reason: 'documentImport.tooComplex', detail: 'Inspection needed more than 16 MB',
    });
    await importer.close();
  });

  it('takes one file at a time and answers each', async () => {
    const importer = inspector({});
    const answers = await Promise.all([corpus(SMALL_PNG), corpus('qpdf/bad1.pdf'), corpus('pdfjs/sizes.pdf')].map((bytes) => importer.inspect(bytes)));
    expect(answers).toMatchObject([{ ok: true, format: 'png' }, { ok: false, reason: 'documentImport.unsupportedFormat' }, { ok: true, format: 'pdf', pageCount: 3, pdf: null }]);
    await importer.close();
    expect(await importer.inspect(corpus(SMALL_PNG))).toMatchObject({ ok: false, reason: 'documentImport.tooComplex' });
  });
});
