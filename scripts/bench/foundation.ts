import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startDevServer } from '../electron/devserver/server.ts';
import { startWorkstation } from '../electron/core/workstation.ts';

/**
 * `npm run bench`: speed figures as JSON, one object per measurement. Benchmarks (not timed
 * tests) hold the speed targets. Foundation figures: workstation start-up (worker + migrations),
 * and a contract round trip through the SQLite worker, directly and over the devserver's HTTP.
 */
interface Figure {
  name: string;
  unit: string;
  value: number;
  runs: number;
}

const figures: Figure[] = [];
const dataDir = mkdtempSync(join(tmpdir(), 'kancelaria-bench-'));
const dbWorkerUrl = new URL('../electron/core/db/worker.ts', import.meta.url);

async function timeAverage(runs: number, action: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < runs; i++) await action();
  return (performance.now() - start) / runs;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}

const startRuns = 5;
const startMs = await timeAverage(startRuns, async () => {
  const workstation = await startWorkstation({ dataDir: mkdtempSync(join(dataDir, 'start-')), version: 'bench', shell: 'browser', dbWorkerUrl });
  await workstation.close();
});
figures.push({ name: 'workstation.start_fresh_data_folder', unit: 'ms', value: round(startMs), runs: startRuns });

const workstation = await startWorkstation({ dataDir, version: 'bench', shell: 'browser', dbWorkerUrl });
const saveInput = { workstationName: 'Okienko 1', deskCode: 'KO', centralServerUrl: '', uiLanguage: 'pl' };

const rpcRuns = 2000;
const getMs = await timeAverage(rpcRuns, () => workstation.dispatch('settings.get', {}));
figures.push({ name: 'dispatch.settings_get_via_worker', unit: 'ms', value: round(getMs), runs: rpcRuns });
const saveMs = await timeAverage(500, () => workstation.dispatch('settings.update', saveInput));
figures.push({ name: 'dispatch.settings_update_via_worker', unit: 'ms', value: round(saveMs), runs: 500 });

const server = await startDevServer({ workstation, rendererDir: join(import.meta.dirname, '../out/renderer') });
const httpSamples: number[] = [];
for (let i = 0; i < 1000; i++) {
  const t0 = performance.now();
  const response = await fetch(`${server.origin}/rpc/settings.get`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body: '{}',
  });
  await response.json();
  httpSamples.push(performance.now() - t0);
}
httpSamples.sort((a, b) => a - b);
figures.push({ name: 'devserver.http_settings_get_p50', unit: 'ms', value: round(percentile(httpSamples, 50)), runs: httpSamples.length });
figures.push({ name: 'devserver.http_settings_get_p99', unit: 'ms', value: round(percentile(httpSamples, 99)), runs: httpSamples.length });

await server.close();
await workstation.close();
rmSync(dataDir, { recursive: true, force: true });
console.log(JSON.stringify({ node: process.version, platform: `${process.platform}-${process.arch}`, figures }, null, 2));

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
