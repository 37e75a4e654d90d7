import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Result } from '../../shared/result.ts';
import { sampleItem } from '../../electron/core/test-support/sample-item.ts';
import { SOURCE_WORKER_URLS } from '../../electron/core/workers/worker-urls.ts';
import { startWorkstation } from '../../electron/core/workstation.ts';
import { percentile, round, sample, type Figure } from './figures.ts';

/**
 * Registry documents along the real path: contract dispatch → entry read in the SQLite worker →
 * layout in the documents worker → base64 back. The first label pays for parsing the fonts (done
 * while the worker starts) and bwip's warm-up; the target (30 ms) is for every one after it.
 */
export async function benchDocuments(): Promise<Figure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kancelaria-bench-docs-'));
  const workstation = await startWorkstation({ dataDir, version: 'bench', shell: 'browser', workers: SOURCE_WORKER_URLS });
  const must = (result: Result<unknown>): unknown => {
    if (!result.ok) throw new Error(`bench: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  // A desk without a central server: one with a server address registers only for a signed-in person.
  must(await workstation.dispatch('settings.update', { workstationName: 'Okienko 1', deskCode: 'KO', centralServerUrl: '', uiLanguage: 'pl' }));
  const ids: string[] = [];
  for (let i = 0; i < 1000; i++) {
    const item = must(await workstation.dispatch('registry.register', sampleItem({ subject: `Wniosek o wycinkę drzewa nr ${String(i)} przy ul. Łąkowej` }))) as { id: string };
    ids.push(item.id);
  }
  const figures: Figure[] = [];
  const runs = 100;
  for (const [name, request] of [
    ['label_roll62', (id: string) => ({ kind: 'label', id, layout: 'roll62' })],
    ['label_a4sheet', (id: string) => ({ kind: 'label', id, layout: 'a4sheet', position: 5 })],
    ['receipt', (id: string) => ({ kind: 'receipt', id })],
  ] as const) {
    const first = performance.now();
    must(await workstation.dispatch('registry.document', request(ids[0] ?? '')));
    figures.push({ name: `documents.${name}_first`, unit: 'ms', value: round(performance.now() - first), runs: 1 });
    const samples = await sample(runs, async (i) => must(await workstation.dispatch('registry.document', request(ids[i % ids.length] ?? ''))));
    figures.push({ name: `documents.${name}_p95`, unit: 'ms', value: round(percentile(samples, 95)), runs, target: 30 });
  }
  const today = new Date().toISOString().slice(0, 10);
  const exportPdf = await sample(3, async () => must(await workstation.dispatch('registry.export', { from: '2026-01-01', to: today, format: 'pdf' })));
  figures.push({ name: 'documents.register_pdf_1000_entries', unit: 'ms', value: round(percentile(exportPdf, 50)), runs: 3 });
  await workstation.close();
  rmSync(dataDir, { recursive: true, force: true });
  return figures;
}
