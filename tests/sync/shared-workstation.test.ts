import { describe, expect, it } from 'vitest';
import type { AuthStatus } from '../../shared/sync/status.ts';
import { list, register, registerView, settle, signIn, status, useStations, waitFor, type Station } from './stations.ts';

const { central, station } = useStations();

const subjects = async (s: Station) => (await list(s)).map((r) => r.subject ?? '').sort();

describe('two people on one workstation, with real processes', { timeout: 240_000 }, () => {
  it('sends each person’s changes with their own queue: the second person’s go at once, the first person’s when she is back', async () => {
    const server = await central();
    // Both clerks have signed in at the shared PC online before (each leased her own numbers there).
    const pc = await station(server, 'ewa', 'Okienko 1');
    await pc.ws.rpc('auth.signOut');
    await signIn(pc, 'anna');
    await settle(pc);
    // Another desk shows what has reached the server.
    const observer = await station(server, 'anna', 'Okienko 2');

    // Anna works through a network outage, then signs out with her letters still waiting.
    pc.net.setDown(true);
    const annas = [];
    for (let i = 1; i <= 3; i++) annas.push(await register(pc, `Anna bez sieci ${String(i)}`));
    expect(await pc.ws.rpc('sync.now')).toMatchObject({ state: 'offline', pending: 3, othersPending: 0 });
    await pc.ws.rpc('auth.signOut');

    // Ewa unlocks the same PC offline: Anna's waiting letters are not hers to count or send.
    expect(await signIn(pc, 'ewa')).toMatchObject<Partial<AuthStatus>>({ mode: 'signedIn', offline: true });
    expect(await status(pc)).toMatchObject({ pending: 0, othersPending: 3 });
    const ewas = [];
    for (let i = 1; i <= 2; i++) ewas.push(await register(pc, `Ewa po zmianie ${String(i)}`));
    expect(await status(pc)).toMatchObject({ pending: 2, othersPending: 3 });

    // The network is back; the offline unlock carried no token, so Ewa signs in online. Her
    // letters go at once (the sign-in starts a sync) and the other desk is poked; Anna's wait.
    pc.net.setDown(false);
    await signIn(pc, 'ewa');
    await waitFor(async () => ((await subjects(observer)).filter((s) => s.startsWith('Ewa')).length === 2 ? true : null), 10_000);
    expect(await settle(pc)).toMatchObject({ state: 'online', pending: 0, othersPending: 3, issues: 0, lastError: null });
    await settle(observer);
    expect((await subjects(observer)).some((s) => s.startsWith('Anna bez sieci'))).toBe(false);

    // Anna signs in again: hers go, with her own client id and from her own leased numbers.
    await pc.ws.rpc('auth.signOut');
    await signIn(pc, 'anna');
    expect(await settle(pc)).toMatchObject({ state: 'online', pending: 0, othersPending: 0, issues: 0 });
    await waitFor(async () => ((await list(observer)).length === 5 ? true : null), 10_000);

    // Nothing lost, nothing twice, no issue anywhere, and both registers agree.
    const view = await registerView(pc);
    expect(view).toHaveLength(5);
    expect(new Set([...annas, ...ewas].map((i) => i.rpwNumber)).size).toBe(5);
    for (const item of [...annas, ...ewas]) expect(view).toContain(`${item.rpwNumber} registered ${item.subject ?? ''}`);
    await settle(observer);
    expect(await registerView(observer)).toEqual(view);
    expect(await status(observer)).toMatchObject({ pending: 0, othersPending: 0, issues: 0 });
    expect(await pc.ws.rpc('sync.issues', { limit: 10 })).toEqual([]);
  });
});
