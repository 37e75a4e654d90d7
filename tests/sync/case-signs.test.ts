import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../shared/cases.ts';
import { startWorkstation, type Workstation } from '../../electron/core/workstation.ts';
import { SOURCE_WORKER_URLS } from '../../electron/core/workers/worker-urls.ts';
import type { RunningServer } from '../../server/main.ts';
import { useTempDirs } from '../support/temp-dirs.ts';
import { inProcessServer, ok, useRunning } from './in-process.ts';

const tempDir = useTempDirs();
const keep = useRunning();

async function server(): Promise<RunningServer> {
  const started = await inProcessServer({
    units: [{ code: 'UM', name: 'Urząd Miasta' }, { code: 'GN', name: 'Wydział Geodezji', parentCode: 'UM' }, { code: 'GN-I', name: 'Referat', parentCode: 'GN' }, { code: 'AB', name: 'Wydział Architektury i Budownictwa', parentCode: 'UM' }],
    users: [
      { login: 'akowalska', displayName: 'Anna Kowalska', role: 'clerk', unitCode: 'GN', password: 'Geodezja-2026' },
      { login: 'pnowak', displayName: 'Piotr Nowak', role: 'clerk', unitCode: 'GN', password: 'Geodezja-2027' },
    ],
  });
  keep(started);
  return started;
}

async function clerk(at: RunningServer, login: string, password: string): Promise<Workstation> {
  const ws = await startWorkstation({ dataDir: tempDir(), version: 'test', shell: 'browser', workers: SOURCE_WORKER_URLS, logError: () => undefined, demo: true, checkOutput: true });
  keep(ws);
  ok(await ws.dispatch('settings.update', { workstationName: login, deskCode: '', centralServerUrl: at.url, uiLanguage: 'pl' }));
  ok(await ws.dispatch('auth.signIn', { login, password }));
  return ws;
}

const open = async (ws: Workstation, title: string, unitCode = 'GN-I') =>
  ok(await ws.dispatch('cases.open', { unitCode, jrwaSymbol: '6831', title, matterType: 'kpa_general', startedOn: '2026-11-20' })) as CaseRecord;
const signOf = async (ws: Workstation, id: string) => ((ok(await ws.dispatch('cases.get', { id })) as { case: CaseRecord }).case);

describe('case signs numbered by the central server', { timeout: 60_000 }, () => {
  it('keeps a new case provisional until the server numbers it, and never gives two workstations one sign', async () => {
    const central = await server();
    const a = await clerk(central, 'akowalska', 'Geodezja-2026');
    const b = await clerk(central, 'pnowak', 'Geodezja-2027');
    const opened = await Promise.all([
      open(a, 'Podział działki 1'), open(b, 'Podział działki 2'), open(a, 'Podział działki 3'), open(b, 'Podział działki 4'),
    ]);
    for (const c of opened) expect(c).toMatchObject({ provisional: true, sign: null, displaySign: 'GN-I.6831.…/2026 (tymczasowy)' });
    ok(await a.dispatch('sync.now', {}));
    ok(await b.dispatch('sync.now', {}));
    const final = await Promise.all(opened.map((c, i) => signOf(i % 2 === 0 ? a : b, c.id)));
    expect(final.map((c) => c.provisional)).toEqual([false, false, false, false]);
    expect(final.map((c) => c.sign).sort()).toEqual(['GN-I.6831.1.2026', 'GN-I.6831.2.2026', 'GN-I.6831.3.2026', 'GN-I.6831.4.2026']);
    const detail = ok(await a.dispatch('cases.get', { id: opened[0].id })) as { events: { kind: string; actorName: string }[] };
    expect(detail.events.map((e) => [e.kind, e.actorName])).toEqual([['opened', 'Anna Kowalska'], ['sign_assigned', 'Serwer centralny']]);
  });

  it('refuses a case for a unit the clerk does not belong to, and leaves it provisional with the reason', async () => {
    const central = await server();
    const a = await clerk(central, 'akowalska', 'Geodezja-2026');
    const foreign = await open(a, 'Sprawa innego wydziału', 'AB');
    const status = ok(await a.dispatch('sync.now', {})) as { issues: number };
    expect(status.issues).toBe(1);
    expect(await signOf(a, foreign.id)).toMatchObject({ provisional: true });
    expect(ok(await a.dispatch('sync.issues', {}))).toMatchObject([{ command: 'cases.open', messageKey: 'errors.forbidden' }]);
  });
});
