import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { IncomingItem } from '../../shared/registry.ts';
import type { SyncStatus } from '../../shared/sync/status.ts';
import { sampleItem } from '../../electron/core/test-support/sample-item.ts';
import { DATABASE_FILE_NAME, startWorkstation, type Workstation } from '../../electron/core/workstation.ts';
import { SOURCE_WORKER_URLS } from '../../electron/core/workers/worker-urls.ts';
import { useTempDirs } from '../support/temp-dirs.ts';
import { inProcessServer, ok, useRunning } from './in-process.ts';
import { startLossyProxy } from './lossy-proxy.ts';

const tempDir = useTempDirs();
const keep = useRunning();
const PASSWORDS = { anna: 'Kancelaria-2026', ewa: 'Okienko-drugie-2' } as const;

async function pc(serverUrl: string, dataDir: string): Promise<Workstation> {
  const ws = await startWorkstation({ dataDir, version: 'test', shell: 'browser', workers: SOURCE_WORKER_URLS, logError: () => undefined });
  keep(ws);
  ok(await ws.dispatch('settings.update', { workstationName: 'Okienko 1', deskCode: 'KO', centralServerUrl: serverUrl, uiLanguage: 'pl' }));
  return ws;
}

const signIn = async (ws: Workstation, login: keyof typeof PASSWORDS) => ok(await ws.dispatch('auth.signIn', { login, password: PASSWORDS[login] }));
const register = async (ws: Workstation, subject: string) => ok(await ws.dispatch('registry.register', sampleItem({ subject }))) as IncomingItem;
const syncNow = async (ws: Workstation) => ok(await ws.dispatch('sync.now', {})) as SyncStatus;

/**
 * A PC upgraded from one queue per installation, where several people had signed in: the
 * migration cannot know whose the waiting queue is (the first to push with its client id), so the
 * sync engine lets the server say.
 */
describe('the queue begun before outboxes were per person', { timeout: 60_000 }, () => {
  it('is left alone by someone the server refuses, and sent and taken over by its owner', async () => {
    const central = await inProcessServer({
      units: [{ code: 'KO', name: 'Kancelaria Ogólna' }],
      desks: [{ code: 'KO', name: 'Kancelaria ogólna', unitCode: 'KO' }],
      users: [
        { login: 'anna', displayName: 'Anna Nowak', role: 'registry_clerk', unitCode: 'KO', password: PASSWORDS.anna },
        { login: 'ewa', displayName: 'Ewa Zielińska', role: 'registry_clerk', unitCode: 'KO', password: PASSWORDS.ewa },
      ],
    });
    keep(central);
    const net = await startLossyProxy(central.url);
    keep(net);
    const folder = tempDir();

    // Anna's queue: one letter the server has (so her client id is hers there), two waiting.
    const before = await pc(net.url, folder);
    await signIn(before, 'anna');
    await syncNow(before); // leases her numbers
    await register(before, 'Anna wysłane');
    expect(await syncNow(before)).toMatchObject({ state: 'online', pending: 0 });
    net.setDown(true);
    await register(before, 'Anna czeka 1');
    await register(before, 'Anna czeka 2');
    ok(await before.dispatch('auth.signOut', {}));
    await before.close();
    // What migration 0010 leaves when it cannot tell the owner: the queue and its numbers unclaimed.
    const file = new Database(join(folder, DATABASE_FILE_NAME));
    file.exec("UPDATE sync_clients SET login = NULL WHERE login = 'anna'; UPDATE outbox SET login = NULL;");
    file.close();
    net.setDown(false);

    // Ewa: the server refuses her that queue; her own changes go with her own client id.
    const after = await pc(net.url, folder);
    await signIn(after, 'ewa');
    expect(await syncNow(after)).toMatchObject({ state: 'online', pending: 0, othersPending: 2, lastError: null });
    await register(after, 'Ewa');
    expect(await syncNow(after)).toMatchObject({ state: 'online', pending: 0, othersPending: 2, issues: 0 });
    ok(await after.dispatch('auth.signOut', {}));

    // Anna: the server accepts her, so the queue is sent and becomes hers, numbers and all.
    await signIn(after, 'anna');
    expect(await syncNow(after)).toMatchObject({ state: 'online', pending: 0, othersPending: 0, issues: 0 });
    const next = await register(after, 'Anna po aktualizacji');
    expect(next.sequence).toBe(4); // the rest of the block she leased before the upgrade
    expect(await syncNow(after)).toMatchObject({ pending: 0, issues: 0 });
    const rows = await central.db.query<{ subject: string }>("SELECT item->>'subject' AS subject FROM incoming_items ORDER BY sequence");
    expect(rows.map((r) => r.subject)).toEqual(['Anna wysłane', 'Anna czeka 1', 'Anna czeka 2', 'Anna po aktualizacji', 'Ewa']);
  });
});
