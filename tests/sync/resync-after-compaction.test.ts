import { describe, expect, it } from 'vitest';
import type { IncomingItem, ItemPage } from '../../shared/registry.ts';
import type { SyncStatus } from '../../shared/sync/status.ts';
import { sampleItem } from '../../electron/core/test-support/sample-item.ts';
import { startWorkstation, type Workstation } from '../../electron/core/workstation.ts';
import { SOURCE_WORKER_URLS } from '../../electron/core/workers/worker-urls.ts';
import type { RunningServer } from '../../server/main.ts';
import { compactChanges } from '../../server/sync/pull.ts';
import { useTempDirs } from '../support/temp-dirs.ts';
import { inProcessServer, ok, useRunning } from './in-process.ts';

const tempDir = useTempDirs();
const keep = useRunning();

async function server(): Promise<RunningServer> {
  const started = await inProcessServer({
    units: [{ code: 'KO', name: 'Kancelaria Ogólna' }],
    desks: [{ code: 'KO', name: 'Kancelaria ogólna', unitCode: 'KO' }],
    users: [
      { login: 'anna', displayName: 'Anna Nowak', role: 'registry_clerk', unitCode: 'KO', password: 'Kancelaria-2026' },
      { login: 'ewa', displayName: 'Ewa Zielińska', role: 'registry_clerk', unitCode: 'KO', password: 'Okienko-drugie-2' },
    ],
  });
  keep(started);
  return started;
}

async function workstation(server: RunningServer, login: string, password: string, dataDir = tempDir()): Promise<Workstation> {
  const ws = await startWorkstation({ dataDir, version: 'test', shell: 'browser', workers: SOURCE_WORKER_URLS, logError: () => undefined });
  keep(ws);
  ok(await ws.dispatch('settings.update', { workstationName: login, deskCode: 'KO', centralServerUrl: server.url, uiLanguage: 'pl' }));
  ok(await ws.dispatch('auth.signIn', { login, password }));
  return ws;
}

const view = async (ws: Workstation) =>
  (ok(await ws.dispatch('registry.list', { limit: 100 })) as ItemPage).rows.map((r) => `${r.rpwNumber} ${r.status}`).sort();

describe('a workstation whose cursor fell behind the compacted change log', { timeout: 60_000 }, () => {
  it('gets 410, pulls everything again from 0, and ends with the same register as the others', async () => {
    const central = await server();
    const a = await workstation(central, 'anna', 'Kancelaria-2026');
    const bFolder = tempDir();
    const b = await workstation(central, 'ewa', 'Okienko-drugie-2', bFolder);
    const first = ok(await a.dispatch('registry.register', sampleItem({ subject: 'Pierwsze' }))) as IncomingItem;
    ok(await a.dispatch('registry.register', sampleItem({ subject: 'Drugie' })));
    ok(await a.dispatch('sync.now', {}));
    ok(await b.dispatch('sync.now', {}));
    expect(await view(b)).toEqual(await view(a));

    // B is switched off; meanwhile A cancels one letter and registers another, and the server
    // compacts its log past B's cursor.
    await b.close();
    ok(await a.dispatch('registry.cancel', { id: first.id, reason: 'Zarejestrowane dwukrotnie' }));
    ok(await a.dispatch('registry.register', sampleItem({ subject: 'Trzecie' })));
    ok(await a.dispatch('sync.now', {}));
    const [{ v } = { v: 0 }] = await central.db.query<{ v: number }>('SELECT v FROM sync_version');
    await compactChanges(central.db, v + 1);

    const restarted = await workstation(central, 'ewa', 'Okienko-drugie-2', bFolder);
    expect(ok(await restarted.dispatch('sync.now', {})) as SyncStatus).toMatchObject({ state: 'online', pending: 0 });
    expect(await view(restarted)).toEqual(await view(a));
    expect(await view(restarted)).toContain('RPW/KO/1/2026 cancelled');
  });
});
