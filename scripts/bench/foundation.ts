import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevServer } from '../../electron/devserver/server.ts';
import { startWorkstation } from '../../electron/core/workstation.ts';
import { percentile, round, sample, type Figure } from './figures.ts';
import { SOURCE_WORKER_URLS } from '../../electron/core/workers/worker-urls.ts';

/**
 * Foundation figures: workstation start-up (worker + migrations), and a contract round trip
 * through the SQLite worker, directly and over the devserver's HTTP.
 */
export async function benchFoundation(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'kancelaria-bench-'));

  const mean = (samples: number[]): number => samples.reduce((a, b) => a + b, 0) / samples.length;
  const timeAverage = async (runs: number, action: () => Promise<unknown>): Promise<number> => mean(await sample(runs, action));

  const startRuns = 5;
  const startMs = await timeAverage(startRuns, async () => {
    const workstation = await startWorkstation({ dataDir: mkdtempSync(join(dataDir, 'start-')), version: 'bench', shell: 'browser', workers: SOURCE_WORKER_URLS });
    await workstation.close();
  });
  figures.push({ name: 'workstation.start_fresh_data_folder', unit: 'ms', value: round(startMs), runs: startRuns });

  const workstation = await startWorkstation({ dataDir, version: 'bench', shell: 'browser', workers: SOURCE_WORKER_URLS });
  const saveInput = { workstationName: 'Okienko 1', deskCode: 'KO', centralServerUrl: '', uiLanguage: 'pl' };

  const rpcRuns = 2000;
  const getMs = await timeAverage(rpcRuns, () => workstation.dispatch('settings.get', {}));
  figures.push({ name: 'dispatch.settings_get_via_worker', unit: 'ms', value: round(getMs), runs: rpcRuns });
  const saveMs = await timeAverage(500, () => workstation.dispatch('settings.update', saveInput));
  figures.push({ name: 'dispatch.settings_update_via_worker', unit: 'ms', value: round(saveMs), runs: 500 });

  const server = await startDevServer({ workstation, rendererDir: join(import.meta.dirname, '../../out/renderer') });
  const httpSamples = await sample(1000, async () => {
    const response = await fetch(`${server.origin}/rpc/settings.get`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    await response.json();
  });
  figures.push({ name: 'devserver.http_settings_get_p50', unit: 'ms', value: round(percentile(httpSamples, 50)), runs: httpSamples.length });
  figures.push({ name: 'devserver.http_settings_get_p99', unit: 'ms', value: round(percentile(httpSamples, 99)), runs: httpSamples.length });

  await server.close();
  await workstation.close();
  rmSync(dataDir, { recursive: true, force: true });
  return figures;
}
