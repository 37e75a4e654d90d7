import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PEOPLE, startCentralServer } from '../../server/test-support/central-server.ts';
import type { DocumentFile, ImportDocumentResult, ItemDocument } from '../../shared/document-import.ts';
import type { IncomingItem } from '../../shared/registry.ts';
import type { Result } from '../../shared/result.ts';
import { sampleItem } from '../../electron/core/test-support/sample-item.ts';
import { startWorkstation, type Workstation } from '../../electron/core/workstation.ts';
import { SOURCE_WORKER_URLS } from '../../electron/core/workers/worker-urls.ts';
import { round, type Figure } from './figures.ts';
import { scannedPdf } from './scanned-pdf.ts';

const PAGES = 100;

/**
 * A 100-page scanned letter attached at one desk until the other desk has its file (issue 4):
 * the central server as a process (PGlite, or BENCH_DATABASE_URL), two workstations. The PDF is
 * made here: every page an A4 JPEG at 150 dpi with lines of text and scanner noise, so it weighs
 * what a real colour-ish scan does (about 53 MB) and no two pages are alike. Reported: the registry desk's
 * sync (upload + push) and the unit desk's sync (pull + download), and the file's size.
 */
export async function benchDocumentTransfer(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kancelaria-bench-blobs-'));
  const adminUrl = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'] ?? null;
  const server = await startCentralServer(dir, { adminUrl });
  const stations: Workstation[] = [];
  try {
    const station = async (person: keyof typeof PEOPLE): Promise<Workstation> => {
      // The text queue is held: reading 100 pages would compete with the transfer for the CPU.
      const ws = await startWorkstation({ dataDir: mkdtempSync(join(dir, 'ws-')), version: 'bench', shell: 'browser', workers: SOURCE_WORKER_URLS, logError: () => undefined, holdTextQueue: true });
      stations.push(ws);
      unwrap(await ws.dispatch('settings.update', { workstationName: person, deskCode: 'KO', centralServerUrl: server.url, uiLanguage: 'pl' }));
      unwrap(await ws.dispatch('auth.signIn', { login: PEOPLE[person].login, password: PEOPLE[person].password }));
      unwrap(await ws.dispatch('sync.now', {}));
      return ws;
    };
    const [a, b] = [await station('anna'), await station('ewa')];
    const pdf = await scannedPdf(PAGES);
    const letter = unwrap(await a.dispatch('registry.register', sampleItem({ subject: 'Operat szacunkowy, 100 stron' }))) as IncomingItem;
    const imported = unwrap(await a.dispatch('documents.import', { itemId: letter.id, fileName: 'operat.pdf', base64: Buffer.from(pdf).toString('base64') })) as ImportDocumentResult;
    if (imported.status !== 'imported') throw new Error(`import refused: ${imported.reason}`);

    const t0 = performance.now();
    unwrap(await a.dispatch('sync.now', {}));
    const t1 = performance.now();
    unwrap(await b.dispatch('sync.now', {}));
    const t2 = performance.now();
    const [arrived] = unwrap(await b.dispatch('documents.ofItem', { itemId: letter.id })) as ItemDocument[];
    if (!arrived || arrived.downloading === true) throw new Error('the document did not arrive');
    const file = unwrap(await b.dispatch('documents.file', { itemId: letter.id, documentId: arrived.id, which: 'original' })) as DocumentFile;
    const sha = createHash('sha256').update(Buffer.from(file.base64, 'base64')).digest('hex');
    if (sha !== imported.document.originalSha256) throw new Error('the bytes that arrived differ');
    const on = adminUrl ? 'postgres' : 'pglite';
    return [
      { name: `documents.transfer_${String(PAGES)}_pages_upload_ms_${on}`, unit: 'ms', value: round(t1 - t0), runs: 1 },
      { name: `documents.transfer_${String(PAGES)}_pages_download_ms_${on}`, unit: 'ms', value: round(t2 - t1), runs: 1 },
      { name: `documents.transfer_${String(PAGES)}_pages_${String(Math.round(pdf.byteLength / 1048576))}mb_total_ms_${on}`, unit: 'ms', value: round(t2 - t0), runs: 1 },
    ];
  } finally {
    for (const ws of stations) await ws.close();
    await server.stop();
    await server.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

function unwrap(result: Result<unknown>): unknown {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}
