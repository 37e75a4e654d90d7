import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Result } from '../../shared/result.ts';
import { officeToday } from '../../shared/dates.ts';
import type { LetterTemplate } from '../../shared/replies/templates.ts';
import { sampleItem } from '../../electron/core/test-support/sample-item.ts';
import { SOURCE_WORKER_URLS } from '../../electron/core/workers/worker-urls.ts';
import { startWorkstation } from '../../electron/core/workstation.ts';
import { percentile, round, sample, type Figure } from './figures.ts';

/**
 * A one-page reply along the real path: contract → the reply, its template version and the case's
 * values from the SQLite worker → layout in the documents worker → base64 back. The first one pays
 * for the fonts; the target (30 ms) is for every one after it.
 */
export async function benchReplies(): Promise<Figure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kancelaria-bench-replies-'));
  const workstation = await startWorkstation({ dataDir, version: 'bench', shell: 'browser', workers: SOURCE_WORKER_URLS, demo: true });
  const must = (result: Result<unknown>): unknown => {
    if (!result.ok) throw new Error(`bench: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  must(await workstation.dispatch('settings.update', { workstationName: 'Okienko 1', deskCode: 'KO', centralServerUrl: '', uiLanguage: 'pl' }));
  const letter = must(await workstation.dispatch('registry.register', sampleItem({ subject: 'Wniosek o podział działki 12/3' }))) as { id: string };
  must(await workstation.dispatch('auth.actAs', { login: 'iadamczyk2' }));
  const opened = must(await workstation.dispatch('cases.open', { itemIds: [letter.id], unitCode: 'GN-I', jrwaSymbol: '6831', title: 'Podział działki 12/3', matterType: 'kpa_general', startedOn: officeToday(), handlerLogin: 'iadamczyk2' })) as { id: string };
  const [template] = (must(await workstation.dispatch('templates.list', { unitCode: 'GN-I' })) as LetterTemplate[]).filter((t) => t.name === 'Odpowiedź na pismo');
  const reply = must(await workstation.dispatch('replies.draft', { caseId: opened.id, templateId: template?.id ?? '' })) as { id: string };

  const first = performance.now();
  must(await workstation.dispatch('replies.file', { id: reply.id }));
  const figures: Figure[] = [{ name: 'replies.one_page_pdf_first', unit: 'ms', value: round(performance.now() - first), runs: 1 }];
  const runs = 100;
  const samples = await sample(runs, async () => must(await workstation.dispatch('replies.file', { id: reply.id })));
  figures.push({ name: 'replies.one_page_pdf_p95', unit: 'ms', value: round(percentile(samples, 95)), runs, target: 30 });
  figures.push({ name: 'replies.one_page_pdf_median', unit: 'ms', value: round(percentile(samples, 50)), runs });
  await workstation.close();
  rmSync(dataDir, { recursive: true, force: true });
  return figures;
}
