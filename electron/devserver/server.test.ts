import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy.ts';
import { MAX_IMPORT_BASE64_CHARS } from '../../shared/document-import.ts';
import { sampleItem } from '../core/test-support/sample-item.ts';
import { useTempDirs } from '../core/test-support/temp-dir.ts';
import { startWorkstation, type Workstation } from '../core/workstation.ts';
import { bodyLimitFor, startDevServer, type DevServer } from './server.ts';
import { SOURCE_WORKER_URLS } from '../core/workers/worker-urls.ts';

const tempDir = useTempDirs();
const running: { server: DevServer; workstation: Workstation }[] = [];
afterEach(async () => {
  for (const { server, workstation } of running.splice(0)) {
    await server.close();
    await workstation.close();
  }
});

async function start(): Promise<DevServer> {
  const rendererDir = tempDir();
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>K</title>');
  const workstation = await startWorkstation({
    dataDir: tempDir(),
    version: '1.0.0',
    shell: 'browser',
    workers: SOURCE_WORKER_URLS,
  });
  const server = await startDevServer({ workstation, rendererDir });
  running.push({ server, workstation });
  return server;
}

function rpc(server: DevServer, method: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.origin}/rpc/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/**
 * The status of a POST that announces `length` bytes and sends none: the server must answer from
 * the header alone, before reading (or waiting for) a body of that size.
 */
function statusForAnnouncedLength(server: DevServer, method: string, length: number, token = server.token): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.origin}/rpc/${method}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Content-Length': String(length) },
    }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? undefined : reject(error)));
    req.flushHeaders();
  });
}

/** fetch() will not send a forged Host header, so this goes through node:http. */
function statusWithHost(server: DevServer, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.origin}/`, { headers: { Host: host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('devserver', () => {
  it('listens on loopback only, on a random port, with a token in the URL fragment', async () => {
    const server = await start();
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).toBe(`${server.origin}/#token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(40);
  });

  it('serves the renderer with the strict CSP', async () => {
    const server = await start();
    const response = await fetch(`${server.origin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect((await fetch(`${server.origin}/../../etc/passwd`)).status).toBe(404);
  });

  it('answers the contract with the token, and refuses without it', async () => {
    const server = await start();
    const ok = await rpc(server, 'settings.get', {});
    expect(await ok.json()).toMatchObject({ ok: true, value: { uiLanguage: 'pl', updatedAt: null } });
    expect((await rpc(server, 'settings.get', {}, { Authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await rpc(server, 'settings.get', {}, { Authorization: '' })).status).toBe(401);
  });

  it('rejects other Host headers (DNS rebinding)', async () => {
    const server = await start();
    expect(await statusWithHost(server, 'evil.example:80')).toBe(421);
    expect(await statusWithHost(server, new URL(server.origin).host)).toBe(200);
  });

  it('turns bad requests into clear errors, never a crash', async () => {
    const server = await start();
    expect((await rpc(server, 'settings.get', '{not json')).status).toBe(400);
    expect((await rpc(server, 'settings.get', '{}', { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await rpc(server, 'settings.get', 'x'.repeat(2 * 1024 * 1024))).status).toBe(413);
    expect(await (await rpc(server, 'no.such', {})).json()).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    // Still alive afterwards.
    expect((await rpc(server, 'app.info', {})).status).toBe(200);
  });

  // The TIFF is checked and converted for real: seconds on a busy machine.
  it('takes a whole scan for documents.import and keeps the ordinary limit for everything else', { timeout: 30_000 }, async () => {
    expect(bodyLimitFor('documents.import')).toBeGreaterThan(MAX_IMPORT_BASE64_CHARS);
    expect(bodyLimitFor('documents.import')).toBeLessThan(MAX_IMPORT_BASE64_CHARS + 1024 * 1024);
    // A scanned batch of many letters is one whole scan too.
    expect(bodyLimitFor('documents.importBatch')).toBe(bodyLimitFor('documents.import'));
    for (const other of ['settings.get', 'registry.register', 'documents.ofItem', 'no.such', 'toString', '__proto__']) expect(bodyLimitFor(other), other).toBe(1024 * 1024);

    const server = await start();
    await rpc(server, 'settings.update', { workstationName: 'Okienko 1', deskCode: 'KO', centralServerUrl: '', uiLanguage: 'pl' });
    const item = (await (await rpc(server, 'registry.register', sampleItem())).json()) as { value: { id: string } };
    // 2 MB of TIFF, 2.7 MB as base64: twice what any other call may send.
    const tiff = readFileSync(resolve(import.meta.dirname, '../../../shared/corpus/paperless-ngx/patch-code-t-middle.tiff'));
    const imported = await rpc(server, 'documents.import', { itemId: item.value.id, fileName: 'skan.tiff', base64: tiff.toString('base64') });
    expect(imported.status).toBe(200);
    expect(await imported.json()).toMatchObject({ ok: true, value: { status: 'imported', document: { pageCount: 3 } } });
    // The same size is still too much for any other method.
    expect((await rpc(server, 'settings.get', JSON.stringify({ padding: tiff.toString('base64') }))).status).toBe(413);

    // Beyond the contract's own cap: refused from the announced length, before a byte is read.
    expect(await statusForAnnouncedLength(server, 'documents.import', bodyLimitFor('documents.import') + 1)).toBe(413);
    // The token is checked before the size: a stranger learns nothing and uploads nothing.
    expect(await statusForAnnouncedLength(server, 'documents.import', 100 * 1024 * 1024, 'wrong')).toBe(401);
    expect((await rpc(server, 'app.info', {})).status).toBe(200);
  });

  it('streams core events over SSE to an authorised client', async () => {
    const server = await start();
    expect((await fetch(`${server.origin}/events`)).status).toBe(401);
    const stream = await fetch(`${server.origin}/events`, { headers: { Authorization: `Bearer ${server.token}` } });
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    if (!stream.body) throw new Error('no event stream body');
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes(': connected')) text += decoder.decode((await reader.read()).value);

    await rpc(server, 'settings.update', { workstationName: 'Okienko 3', deskCode: '', centralServerUrl: '', uiLanguage: 'pl' });
    const frameStart = (): number => text.indexOf('event: settings.changed');
    while (frameStart() === -1 || !text.slice(frameStart()).includes('\n\n')) text += decoder.decode((await reader.read()).value);
    const frame = text.slice(frameStart()).split('\n\n')[0] ?? '';
    expect(JSON.parse(frame.split('data: ')[1] ?? '')).toMatchObject({ workstationName: 'Okienko 3' });
    await reader.cancel();
  });
});
