import { startWorkstation, type Workstation } from '../../electron/core/workstation.ts';
import { SOURCE_WORKER_URLS } from '../../electron/core/workers/worker-urls.ts';
import type { RunningServer } from '../../server/main.ts';
import { inProcessServer, ok } from './in-process.ts';

/**
 * A small city for sync tests with in-process workstations: the office, its registry bureau (desk
 * KO) and one wydział, with a registry clerk, the wydział's head and a clerk of it.
 */
export const UNITS = [
  { code: 'UM', name: 'Urząd Miasta', kind: 'office' as const },
  { code: 'BOM', name: 'Biuro Obsługi Mieszkańców', kind: 'department' as const, parentCode: 'UM' },
  { code: 'GN', name: 'Wydział Geodezji i Gospodarki Nieruchomościami', kind: 'department' as const, parentCode: 'UM' },
];
export const REGISTRY = { login: 'anowak', displayName: 'Anna Nowak', post: 'Referent', unitCode: 'BOM', role: 'registry_clerk', password: 'Kancelaria-2026' } as const;
export const HEAD = { login: 'jzielinski', displayName: 'Jan Zieliński', post: 'Naczelnik Wydziału', unitCode: 'GN', role: 'unit_head', password: 'Naczelnik-2026' } as const;
export const CLERK = { login: 'ewisniewska', displayName: 'Ewa Wiśniewska', post: 'Inspektor', unitCode: 'GN', role: 'clerk', password: 'Inspektor-2026' } as const;
export const PEOPLE = [REGISTRY, HEAD, CLERK];
export type Person = (typeof PEOPLE)[number];

/** The central server in this process, with the city's units, desk KO and people; handed to `keep` to be closed after the test. */
export async function cityServer(keep: (server: RunningServer) => void): Promise<RunningServer> {
  const server = await inProcessServer({
    units: UNITS.map(({ code, name, parentCode }) => ({ code, name, parentCode: parentCode ?? null })),
    desks: [{ code: 'KO', name: 'Kancelaria ogólna', unitCode: 'BOM' }],
    users: PEOPLE.map(({ login, displayName, role, unitCode, password }) => ({ login, displayName, role, unitCode, password })),
  });
  keep(server);
  return server;
}

/**
 * A workstation in `dataDir` that knows the organisation (imported before it joined the server),
 * prepared further by `before` (e.g. a JRWA or a template an admin adds first), then signed in as
 * `person` and synced once.
 */
export async function cityDesk(server: RunningServer, person: Person, options: { dataDir: string; deskCode?: string; before?: (ws: Workstation) => Promise<void> }): Promise<Workstation> {
  const ws = await startWorkstation({ dataDir: options.dataDir, version: 'test', shell: 'browser', workers: SOURCE_WORKER_URLS, logError: () => undefined, checkOutput: true });
  try {
    ok(await ws.dispatch('organisation.import', { units: UNITS, people: PEOPLE.map(({ login, displayName, post, unitCode, role }) => ({ login, displayName, post, unitCode, roles: [role] })) }));
    await options.before?.(ws);
    ok(await ws.dispatch('settings.update', { workstationName: person.displayName, deskCode: options.deskCode ?? '', centralServerUrl: server.url, uiLanguage: 'pl' }));
    ok(await ws.dispatch('auth.signIn', { login: person.login, password: person.password }));
    ok(await ws.dispatch('sync.now', {}));
    return ws;
  } catch (error) {
    await ws.close();
    throw error;
  }
}
