import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../tests/support/temp-dirs.ts';
import { pushedItem } from './test-support/fixtures.ts';
import { runAdmin, startServerProcess, type ServerProcess } from './test-support/server-process.ts';

const tempDir = useTempDirs();
let server: ServerProcess | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

/** A fresh PGlite data folder with an organisation and two people, imported by the admin command. */
async function preparedEnv(): Promise<Record<string, string>> {
  const env = { DATA_DIR: join(tempDir(), 'server-data'), TRACKING_PER_MINUTE: '3', MAX_FAILED_LOGINS: '3' };
  const file = join(tempDir(), 'organisation.json');
  writeFileSync(file, JSON.stringify({
    units: [{ code: 'KO', name: 'Kancelaria Ogólna' }, { code: 'MZD-DI', name: 'Dział Inwestycji', parentCode: 'MZD' }, { code: 'MZD', name: 'Miejski Zarząd Dróg' }],
    desks: [{ code: 'KO', name: 'Kancelaria ogólna', unitCode: 'KO' }],
    users: [
      { login: 'anna', displayName: 'Anna Nowak', role: 'registry_clerk', unitCode: 'KO', password: 'Kancelaria-2026' },
      { login: 'piotr', displayName: 'Piotr Wiśniewski', role: 'clerk', unitCode: 'MZD-DI', password: 'Drogi-i-mosty-1' },
    ],
  }));
  const imported = await runAdmin(env, ['import-organisation', file]);
  expect(imported).toEqual({ code: 0, out: 'Zaimportowano: jednostki 3, punkty kancelaryjne 1, nowi użytkownicy 2.\n' });
  return env;
}

async function call(path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${server?.url ?? ''}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}), 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function tokenOf(login: string, password: string): Promise<string> {
  const { status, json } = await call('/v1/auth/sign-in', { body: { login, password } });
  expect(status).toBe(200);
  return String(json['token']);
}

// Each test starts PGlite in fresh processes (admin import, then the server): seconds, not millis.
describe('the central server as a process (npm run server, PGlite)', { timeout: 90_000 }, () => {
  it('reports health, describes every endpoint in OpenAPI, and answers errors as JSON', async () => {
    server = await startServerProcess(await preparedEnv());
    expect(await call('/healthz')).toMatchObject({ status: 200, json: { status: 'ok', database: 'pglite' } });
    const { json: openapi } = await call('/openapi.json');
    expect(Object.keys(openapi['paths'] as object).sort()).toEqual([
      '/healthz', '/openapi.json', '/v1/auth/me', '/v1/auth/sign-in', '/v1/auth/sign-out', '/v1/blobs/{sha256}', '/v1/numbering/rkw/lease', '/v1/numbering/rpw/lease', '/v1/sync/events', '/v1/sync/pull', '/v1/sync/push', '/v1/track/{code}',
    ]);
    expect(await call('/v1/sync/pull?clientId=x')).toMatchObject({ status: 401, json: { error: { code: 'unauthorized' } } });
    expect(await call('/v1/auth/sign-in', { body: '{"login":' })).toMatchObject({ status: 400, json: { error: { code: 'invalid_json' } } });
    expect(await call('/v1/auth/sign-in', { body: { login: 'anna' } })).toMatchObject({ status: 400, json: { error: { code: 'invalid_input' } } });
    expect(await call('/v1/nie-ma')).toMatchObject({ status: 404 });
    expect(await call('/healthz', { method: 'POST', body: {} })).toMatchObject({ status: 405 });
  });

  it('signs in, locks after wrong passwords, leases numbers, applies a push once, pulls it, pokes over SSE, tracks it publicly', async () => {
    server = await startServerProcess(await preparedEnv());
    expect(await call('/v1/auth/sign-in', { body: { login: 'piotr', password: 'złe' } })).toMatchObject({ status: 401, json: { error: { code: 'bad_credentials' } } });
    const anna = await tokenOf('anna', 'Kancelaria-2026');
    expect(await call('/v1/auth/me', { token: anna })).toMatchObject({ status: 200, json: { login: 'anna', role: 'registry_clerk', unitCode: 'KO' } });

    const events = await fetch(`${server.url}/v1/sync/events`, { headers: { Authorization: `Bearer ${anna}` } });
    expect(events.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = events.body?.getReader();
    const received: string[] = [];
    const reading = (async () => {
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) return;
        received.push(new TextDecoder().decode(chunk.value as Uint8Array));
      }
    })();

    const clientId = randomUUID();
    const lease = await call('/v1/numbering/rpw/lease', { token: anna, body: { clientId, deskCode: 'KO', year: 2026, size: 20 } });
    expect(lease).toEqual({ status: 200, json: { deskCode: 'KO', year: 2026, firstNo: 1, lastNo: 20 } });
    const item = pushedItem('KO', 1, { trackingCode: 'ABCDE-23456', trackingPin: '482915' });
    const body = { clientId, mutations: [{ seq: 1, name: 'registry.register', args: { item } }] };
    const pushed = await call('/v1/sync/push', { token: anna, body });
    expect(pushed).toMatchObject({ status: 200, json: { lastSeq: 1, results: [{ seq: 1, status: 'applied' }] } });
    expect(await call('/v1/sync/push', { token: anna, body })).toEqual(pushed);

    const piotr = await tokenOf('piotr', 'Drogi-i-mosty-1');
    expect(await call('/v1/numbering/rpw/lease', { token: piotr, body: { clientId: randomUUID(), deskCode: 'KO', year: 2026 } })).toMatchObject({ status: 403 });
    const pulled = await call(`/v1/sync/pull?clientId=${randomUUID()}&cursor=0`, { token: piotr });
    expect(pulled).toMatchObject({ status: 200, json: { cursor: 1, hasMore: false, changes: [{ entity: 'incoming_item', id: item.id, op: 'upsert' }] } });
    await expect.poll(() => received.join('')).toContain('event: poke\ndata: {"version":1}');
    await reader?.cancel();
    await reading;

    expect(await call('/v1/track/abcde-23456?pin=482915')).toMatchObject({ status: 200, json: { trackingCode: 'ABCDE-23456', path: [{ step: 'received' }], dueDate: null } });
    const tracked = JSON.stringify((await call('/v1/track/ABCDE-23456?pin=482915')).json);
    for (const secret of ['Jan Kowalski', 'Długa', 'zaświadczenia', '482915']) expect(tracked).not.toContain(secret);
    expect(await call('/v1/track/ABCDE-23456?pin=000000')).toMatchObject({ status: 404 });
    expect(await call('/v1/track/ABCDE-23456?pin=482915')).toMatchObject({ status: 429, json: { error: { code: 'rate_limited' } } });

    for (let i = 0; i < 3; i++) await call('/v1/auth/sign-in', { body: { login: 'anna', password: 'zgadywanie' } });
    expect(await call('/v1/auth/sign-in', { body: { login: 'anna', password: 'Kancelaria-2026' } })).toMatchObject({ status: 423, json: { error: { code: 'locked' } } });
  });

  it('shuts down cleanly on SIGTERM with an event stream open, and keeps its data for the next start', async () => {
    const env = await preparedEnv();
    server = await startServerProcess(env);
    const anna = await tokenOf('anna', 'Kancelaria-2026');
    const stream = await fetch(`${server.url}/v1/sync/events`, { headers: { Authorization: `Bearer ${anna}` } });
    expect(stream.status).toBe(200);
    expect(await server.stop()).toBe(0);
    expect(server.logs.map((l) => l['msg'])).toEqual(expect.arrayContaining(['server shutting down', 'server stopped']));
    server = await startServerProcess(env);
    expect(await call('/v1/auth/me', { token: anna })).toMatchObject({ status: 200, json: { login: 'anna' } });
  });
});
