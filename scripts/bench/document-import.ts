import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ImportDocumentResult } from '../../shared/document-import.ts';
import type { IncomingItem } from '../../shared/registry.ts';
import type { Result } from '../../shared/result.ts';
import { sampleItem } from '../../electron/core/test-support/sample-item.ts';
import { SOURCE_WORKER_URLS } from '../../electron/core/workers/worker-urls.ts';
import { startWorkstation } from '../../electron/core/workstation.ts';
import { percentile, round, type Figure } from './figures.ts';
import { scannedPdf } from './scanned-pdf.ts';

const PAGES = 100;
const RUNS = 3;

/**
 * Importing a 100-page scanned PDF (issue 6: under 5 s), as the clerk's drop does it: base64
 * through the contract, the checks in the limited import worker (structure, page tree, every
 * image's pixel count), both files into the content store, the document row. Each run is a new
 * file (the same one again would be found as a duplicate). The text queue is held: OCR comes
 * after the import, in the background, and is the OCR bench's.
 */
export async function benchDocumentImport(): Promise<Figure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kancelaria-bench-import-'));
  const workstation = await startWorkstation({ dataDir, version: 'bench', shell: 'browser', workers: SOURCE_WORKER_URLS, logError: () => undefined, holdTextQueue: true });
  try {
    unwrap(await workstation.dispatch('settings.update', { workstationName: 'Okienko 1', deskCode: 'KO', centralServerUrl: '', uiLanguage: 'pl' }));
    const times: number[] = [];
    let megabytes = 0;
    for (let run = 0; run < RUNS; run++) {
      const pdf = await scannedPdf(PAGES, run + 1);
      megabytes = pdf.byteLength / 1048576;
      const item = unwrap(await workstation.dispatch('registry.register', sampleItem({ subject: `Operat szacunkowy nr ${String(run + 1)}` }))) as IncomingItem;
      const base64 = Buffer.from(pdf).toString('base64');
      const start = performance.now();
      const result = unwrap(await workstation.dispatch('documents.import', { itemId: item.id, fileName: 'operat.pdf', base64 })) as ImportDocumentResult;
      times.push(performance.now() - start);
      if (result.status !== 'imported' || result.document.pageCount !== PAGES) throw new Error(`bench: the ${String(PAGES)}-page PDF was not imported whole`);
    }
    return [{ name: `documents.import_${String(PAGES)}_page_scanned_pdf_${String(Math.round(megabytes))}mb`, unit: 'ms', value: round(percentile(times, 50)), runs: RUNS, target: 5000 }];
  } finally {
    await workstation.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function unwrap(result: Result<unknown>): unknown {
  if (!result.ok) throw new Error(`bench: ${result.error.code} ${result.error.message}`);
  return result.value;
}
