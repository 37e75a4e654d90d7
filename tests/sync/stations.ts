import { afterEach, expect } from 'vitest';
import type { IncomingItem, ItemPage } from '../../shared/registry.ts';
import type { AuthStatus, SyncStatus } from '../../shared/sync/status.ts';
import { PEOPLE, startCentralServer, type CentralServer } from '../../server/test-support/central-server.ts';
import { useTempDirs } from '../support/temp-dirs.ts';
import { startLossyProxy, type LossyProxy } from './lossy-proxy.ts';
import { startWorkstationProcess, type WorkstationProcess } from './workstation-process.ts';

/** A workstation process with its own network link to the central server. */
export interface Station {
  readonly ws: WorkstationProcess;
  readonly net: LossyProxy;
}

export type Person = keyof typeof PEOPLE;

/**
 * The central server and registry desks at KO as real processes, each desk with its own SQLite
 * file and its own misbehaving network link; all stopped after each test.
 */
export function useStations(): {
  central: () => Promise<CentralServer>;
  station: (server: CentralServer, person: Person, name: string) => Promise<Station>;
} {
  const tempDir = useTempDirs();
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });
  return {
    central: async () => {
      const server = await startCentralServer(tempDir());
      cleanup.push(() => server.dispose());
      return server;
    },
    station: async (server, person, name) => {
      const net = await startLossyProxy(server.url);
      const ws = await startWorkstationProcess(tempDir());
      cleanup.push(() => net.close(), () => ws.stop());
      await ws.rpc('settings.update', { workstationName: name, deskCode: 'KO', centralServerUrl: net.url, uiLanguage: 'pl' });
      expect((await ws.tryRpc('registry.list', {})).error?.code).toBe('unauthenticated');
      const station = { ws, net };
      expect(await signIn(station, person)).toMatchObject({ mode: 'signedIn', offline: false, user: { displayName: PEOPLE[person].displayName } });
      await ws.rpc('sync.now');
      return station;
    },
  };
}

export const signIn = (s: Station, person: Person) =>
  s.ws.rpc<AuthStatus>('auth.signIn', { login: PEOPLE[person].login, password: PEOPLE[person].password });

export function letter(subject: string) {
  return {
    receivedAt: '2026-11-20T09:15:00+01:00', channel: 'post', postedOn: null,
    sender: { name: 'Jan Kowalski', address: 'ul. Długa 1, 45-001 Opole' },
    senderReference: null, letterDate: null, subject, attachmentsCount: 0,
  };
}

export const register = (s: Station, subject: string) => s.ws.rpc<IncomingItem>('registry.register', letter(subject));
export const list = async (s: Station) => (await s.ws.rpc<ItemPage>('registry.list', { limit: 500 })).rows;
export const status = (s: Station) => s.ws.rpc<SyncStatus>('sync.status');

/** Syncs until nothing of the signed-in person's waits (a lost answer costs a cycle), failing after `rounds`. */
export async function settle(s: Station, rounds = 10): Promise<SyncStatus> {
  for (let i = 0; i < rounds; i++) {
    const now = await s.ws.rpc<SyncStatus>('sync.now');
    if (now.state === 'online' && now.pending === 0) return now;
  }
  throw new Error(`still not settled: ${JSON.stringify(await status(s))}`);
}

export async function waitFor<T>(probe: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** What registers must agree on: every entry's number, subject and status. */
export async function registerView(s: Station): Promise<string[]> {
  return (await list(s)).map((r) => `${r.rpwNumber} ${r.status} ${r.subject ?? ''}`).sort();
}
