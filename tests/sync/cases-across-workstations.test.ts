import { describe, expect, it } from 'vitest';
import type { CaseEvent, CaseWithDeadline } from '../../shared/cases.ts';
import { startWorkstation, type Workstation } from '../../electron/core/workstation.ts';
import { SOURCE_WORKER_URLS } from '../../electron/core/workers/worker-urls.ts';
import type { RunningServer } from '../../server/main.ts';
import { useTempDirs } from '../support/temp-dirs.ts';
import { inProcessServer, ok, useRunning } from './in-process.ts';

const tempDir = useTempDirs();
const keep = useRunning();

// The demo organisation's Referat GN-I: its head and a clerk, each at their own PC.
const CLERK = { login: 'iadamczyk2', password: 'Referat-GN-2026', displayName: 'Irena Adamczyk' };
const HEAD = { login: 'jkozlowski2', password: 'Naczelnik-GN-2026', displayName: 'Jan Kozłowski' };

async function server(): Promise<RunningServer> {
  const started = await inProcessServer({
    units: [{ code: 'UM', name: 'Urząd Miasta' }, { code: 'GN', name: 'Wydział Geodezji', parentCode: 'UM' }, { code: 'GN-I', name: 'Referat', parentCode: 'GN' }],
    users: [
      { ...CLERK, role: 'clerk', unitCode: 'GN-I' },
      { ...HEAD, role: 'unit_head', unitCode: 'GN-I' },
    ],
  });
  keep(started);
  return started;
}

async function desk(at: RunningServer, person: { login: string; password: string }): Promise<Workstation> {
  const ws = await startWorkstation({ dataDir: tempDir(), version: 'test', shell: 'browser', workers: SOURCE_WORKER_URLS, logError: () => undefined, demo: true, checkOutput: true });
  keep(ws);
  ok(await ws.dispatch('settings.update', { workstationName: person.login, deskCode: '', centralServerUrl: at.url, uiLanguage: 'pl' }));
  ok(await ws.dispatch('auth.signIn', person));
  return ws;
}

const sync = async (ws: Workstation) => ok(await ws.dispatch('sync.now', {})) as { pending: number; issues: number };
const detail = async (ws: Workstation, id: string) => ok(await ws.dispatch('cases.get', { id })) as { case: CaseWithDeadline; events: CaseEvent[] };
const kinds = (events: CaseEvent[]) => events.map((e) => [e.kind, e.actorName]);

describe('a case worked on at two desks through the central server', { timeout: 90_000 }, () => {
  it('reaches the unit head\'s desk with its sign and handler; pauses, notes and the closure travel both ways, each once', async () => {
    const central = await server();
    const clerk = await desk(central, CLERK);
    const head = await desk(central, HEAD);

    const opened = ok(await clerk.dispatch('cases.open', {
      unitCode: 'GN-I', jrwaSymbol: '6831', title: 'Podział działki 12/3', matterType: 'kpa_general', startedOn: '2026-11-20', handlerLogin: CLERK.login,
    })) as CaseWithDeadline;
    expect(await sync(clerk)).toMatchObject({ pending: 0, issues: 0 });
    await sync(head);

    // The head sees the case among the unit's, numbered by the server, handled by the clerk.
    const unitCases = ok(await head.dispatch('cases.list', { scope: 'myUnits' })) as CaseWithDeadline[];
    expect(unitCases).toMatchObject([{ id: opened.id, sign: 'GN-I.6831.1.2026', provisional: false, handlerLogin: CLERK.login, deadline: { originalDueDate: '2026-12-21' } }]);
    expect(kinds((await detail(head, opened.id)).events)).toEqual([['opened', CLERK.displayName]]);

    // The head pauses it for a missing map and notes why; the clerk's desk gets both.
    ok(await head.dispatch('cases.pause', { id: opened.id, from: '2026-11-24', reason: 'Wezwanie do uzupełnienia mapy' }));
    ok(await head.dispatch('cases.addNote', { id: opened.id, text: 'Proszę pilnować terminu na uzupełnienie' }));
    expect(await sync(head)).toMatchObject({ pending: 0, issues: 0 });
    await sync(clerk);
    const paused = await detail(clerk, opened.id);
    expect(paused.case.deadline?.state).toBe('paused');
    expect(paused.events.filter((e) => e.kind === 'note')).toMatchObject([{ actorName: HEAD.displayName, details: { text: 'Proszę pilnować terminu na uzupełnienie' } }]);
    // The metryka names who stopped the clock, not the server that passed it on.
    expect(paused.events.filter((e) => e.kind === 'paused')).toMatchObject([{ actorName: HEAD.displayName, details: { from: '2026-11-24' } }]);

    // The clerk resumes it, notes the reply and closes it; syncing twice shows nothing twice.
    ok(await clerk.dispatch('cases.resume', { id: opened.id, to: '2026-11-27' }));
    ok(await clerk.dispatch('cases.addNote', { id: opened.id, text: 'Mapa uzupełniona' }));
    ok(await clerk.dispatch('cases.close', { id: opened.id, settlement: 'Decyzja zatwierdzająca podział' }));
    await sync(clerk);
    await sync(clerk);
    const clerkEvents = (await detail(clerk, opened.id)).events;
    expect(clerkEvents.filter((e) => e.kind === 'note')).toHaveLength(2);
    expect(clerkEvents.filter((e) => e.kind === 'paused')).toHaveLength(1);

    await sync(head);
    const closed = await detail(head, opened.id);
    expect(closed.case).toMatchObject({ status: 'closed', settlement: 'Decyzja zatwierdzająca podział', deadline: { state: 'closed' } });
    expect(kinds(closed.events)).toEqual([
      ['opened', CLERK.displayName], ['paused', HEAD.displayName], ['note', HEAD.displayName], ['resumed', CLERK.displayName], ['note', CLERK.displayName], ['closed', CLERK.displayName],
    ]);
    expect(closed.events.at(-1)).toMatchObject({ actorName: CLERK.displayName });
    // Closed cases are read-only on every desk, and the head's list of open cases no longer has it.
    expect(await head.dispatch('cases.addNote', { id: opened.id, text: 'Za późno' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(ok(await head.dispatch('cases.list', { scope: 'myUnits' }))).toEqual([]);
  });
});
