import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../config.ts';
import { createLogger } from '../log.ts';
import { startServer, type RunningServer } from '../main.ts';
import { importOrganisation, OrganisationFile } from '../organisation.ts';
import { createTestDatabase } from '../test-support/fresh-database.ts';

/**
 * Files travelling through the central server (issue 4), over real HTTP against the server in
 * this process, on in-memory PGlite or (TEST_DATABASE_URL) a fresh PostgreSQL database: upload with a hash check and a size limit, the
 * `documents.attach` command, and who may download what.
 */

const MAX_BLOB_BYTES = 64 * 1024;
const PASSWORD = 'Tajne-hasło-2026';
const PEOPLE = {
  desk: { login: 'rejestr', role: 'registry_clerk', unitCode: 'KO' },
  geodesy: { login: 'geodeta', role: 'clerk', unitCode: 'GN' },
  welfare: { login: 'mopr', role: 'clerk', unitCode: 'MOPR' },
} as const;
type Person = keyof typeof PEOPLE;

let server: RunningServer;
let dropDatabase: (() => Promise<void>) | null = null;
const tokens = new Map<Person, string>();

beforeAll(async () => {
  const adminUrl = process.env['TEST_DATABASE_URL'];
  const fresh = adminUrl ? await createTestDatabase(adminUrl) : null;
  dropDatabase = fresh?.drop ?? null;
  server = await startServer({ ...configFromEnv({}), port: 0, dataDir: null, databaseUrl: fresh?.url ?? null, maxBlobBytes: MAX_BLOB_BYTES }, createLogger('error', () => undefined), 'test');
  await importOrganisation(server.db, OrganisationFile.parse({
    units: [{ code: 'KO', name: 'Kancelaria' }, { code: 'GN', name: 'Geodezja' }, { code: 'MOPR', name: 'MOPR' }],
    desks: [{ code: 'KO', name: 'Kancelaria ogólna', unitCode: 'KO' }, { code: 'MOPR', name: 'Kancelaria MOPR', unitCode: 'MOPR' }],
    users: Object.values(PEOPLE).map((p) => ({ ...p, displayName: p.login, password: PASSWORD })),
  }));
  for (const [key, person] of Object.entries(PEOPLE) as [Person, (typeof PEOPLE)[Person]][]) {
    const response = await fetch(`${server.url}/v1/auth/sign-in`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login: person.login, password: PASSWORD, clientLabel: 'test' }) });
    tokens.set(key, ((await response.json()) as { token: string }).token);
  }
}, 60_000);

afterAll(async () => {
  await server.close();
  await dropDatabase?.();
});

const auth = (who: Person) => ({ Authorization: `Bearer ${tokens.get(who) ?? ''}` });
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function put(who: Person, hash: string, bytes: Uint8Array): Promise<Response> {
  return fetch(`${server.url}/v1/blobs/${hash}`, { method: 'PUT', headers: { ...auth(who), 'Content-Type': 'application/octet-stream' }, body: bytes });
}

async function letter(deskCode: string, accessLevel: 'public' | 'restricted'): Promise<string> {
  const id = randomUUID();
  const sequence = Math.floor(Math.random() * 1_000_000);
  await server.db.query(
    `INSERT INTO incoming_items (id, rpw_number, desk_code, year, sequence, status, item, registered_by)
     VALUES ($1, $2, $3, 2026, $4, 'registered', $5, (SELECT id FROM users WHERE login = 'rejestr'))`,
    [id, `RPW/${deskCode}/${String(sequence)}/2026`, deskCode, sequence, JSON.stringify({ id, accessLevel })],
  );
  return id;
}

const clients = new Map<Person, { id: string; seq: number }>();
async function attach(who: Person, document: Record<string, unknown>): Promise<{ status: string; error: { code: string } | null; value: unknown }> {
  const client = clients.get(who) ?? { id: randomUUID(), seq: 0 };
  clients.set(who, client);
  client.seq += 1;
  const response = await fetch(`${server.url}/v1/sync/push`, {
    method: 'POST', headers: { ...auth(who), 'Content-Type': 'application/json' },
    body: JSON.stringify({ clientId: client.id, mutations: [{ seq: client.seq, name: 'documents.attach', args: { document } }] }),
  });
  const body = (await response.json()) as { results: { status: string; error: { code: string } | null; value: unknown }[] };
  const [result] = body.results;
  if (!result) throw new Error(`no result: ${JSON.stringify(body)}`);
  return result;
}

function documentOf(itemId: string, original: Uint8Array, pdf: Uint8Array) {
  return {
    id: randomUUID(), itemId, originalName: 'skan.tif', originalFormat: 'tiff', originalMediaType: 'image/tiff',
    originalSha256: sha(original), originalSize: original.byteLength, pdfSha256: sha(pdf), pdfSize: pdf.byteLength, pageCount: 2,
    importedAt: '2026-11-20T09:00:00.000Z',
  };
}

async function pulled(who: Person): Promise<{ entity: string; id: string; data: Record<string, unknown> }[]> {
  const response = await fetch(`${server.url}/v1/sync/pull?clientId=${randomUUID()}&cursor=0&limit=1000`, { headers: auth(who) });
  return ((await response.json()) as { changes: { entity: string; id: string; data: Record<string, unknown> }[] }).changes.filter((c) => c.entity === 'item_document');
}

describe('PUT /v1/blobs/:sha256 and GET /v1/blobs/:sha256', { timeout: 60_000 }, () => {
  it('stores bytes under their hash once, refuses a wrong hash, an oversized body and a stranger', async () => {
    const bytes = Buffer.from(`scan ${randomUUID()}`);
    const first = await put('desk', sha(bytes), bytes);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ sha256: sha(bytes), size: bytes.byteLength, created: true });
    expect(await (await put('desk', sha(bytes), bytes)).json()).toMatchObject({ created: false });

    const wrong = await put('desk', sha(Buffer.from('other')), bytes);
    expect(wrong.status).toBe(422);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('hash_mismatch');
    const big = Buffer.alloc(MAX_BLOB_BYTES + 1, 7);
    expect((await put('desk', sha(big), big)).status).toBe(413);
    expect((await fetch(`${server.url}/v1/blobs/not-a-hash`, { method: 'PUT', headers: auth('desk'), body: bytes })).status).toBe(400);
    expect((await fetch(`${server.url}/v1/blobs/${sha(bytes)}`, { method: 'PUT', body: bytes })).status).toBe(401);
    // Nothing names it yet: nobody may read it back, not even who sent it.
    expect((await fetch(`${server.url}/v1/blobs/${sha(bytes)}`, { headers: auth('desk') })).status).toBe(404);
    expect(await server.db.query('SELECT count(*)::int AS n FROM blobs WHERE sha256 = $1', [sha(bytes)])).toEqual([{ n: 1 }]);
  });

  it('is described in OpenAPI with its raw body', async () => {
    const doc = (await (await fetch(`${server.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> }; responses: Record<string, { content?: Record<string, unknown> }> }>> };
    const blobs = doc.paths['/v1/blobs/{sha256}'];
    expect(Object.keys(blobs?.['put']?.requestBody?.content ?? {})).toEqual(['application/octet-stream']);
    expect(Object.keys(blobs?.['get']?.responses['200']?.content ?? {})).toEqual(['application/octet-stream']);
  });
});

describe('documents.attach', { timeout: 60_000 }, () => {
  it('is refused until both files are uploaded, then applied once, and pulled with the letter\'s scope', async () => {
    const itemId = await letter('KO', 'public');
    const original = Buffer.from(`original ${randomUUID()}`);
    const pdf = Buffer.from(`%PDF ${randomUUID()}`);
    const document = documentOf(itemId, original, pdf);
    await put('desk', sha(original), original);
    expect(await attach('desk', document)).toMatchObject({ status: 'rejected', error: { code: 'blob_missing' } });
    await put('desk', sha(pdf), pdf);
    const again = { ...document, id: randomUUID() };
    expect(await attach('desk', again)).toMatchObject({ status: 'applied', value: { documentId: again.id } });
    // The same command pushed again under a new seq (a restored queue), and the same file from another desk: one document.
    expect(await attach('desk', again)).toMatchObject({ status: 'applied', value: { documentId: again.id } });
    expect(await attach('desk', { ...again, id: randomUUID() })).toMatchObject({ status: 'applied', value: { documentId: again.id } });
    expect(await server.db.query('SELECT count(*)::int AS n FROM item_documents WHERE item_id = $1', [itemId])).toEqual([{ n: 1 }]);
    const change = (await pulled('welfare')).find((c) => c.id === again.id);
    expect(change?.data).toMatchObject({ itemId, originalSha256: sha(original), pdfSha256: sha(pdf), pageCount: 2, importedByLogin: 'rejestr' });
    // The server's clock, not the workstation's.
    expect(change?.data['importedAt']).not.toBe(document.importedAt);
    // A public letter's files: anyone signed in may download them, byte for byte.
    const download = await fetch(`${server.url}/v1/blobs/${sha(pdf)}`, { headers: auth('welfare') });
    expect(download.status).toBe(200);
    expect(sha(new Uint8Array(await download.arrayBuffer()))).toBe(sha(pdf));
  });

  it('keeps a restricted letter\'s documents and files to its unit: another unit neither pulls nor downloads them', async () => {
    const itemId = await letter('MOPR', 'restricted');
    const original = Buffer.from(`zasiłek ${randomUUID()}`);
    for (const who of ['welfare'] as const) await put(who, sha(original), original);
    const document = { ...documentOf(itemId, original, original), originalFormat: 'pdf', originalMediaType: 'application/pdf' };
    expect(await attach('welfare', document)).toMatchObject({ status: 'applied' });

    expect((await pulled('welfare')).map((c) => c.id)).toContain(document.id);
    expect((await pulled('desk')).map((c) => c.id)).toContain(document.id);
    expect((await pulled('geodesy')).map((c) => c.id)).not.toContain(document.id);
    expect((await fetch(`${server.url}/v1/blobs/${sha(original)}`, { headers: auth('welfare') })).status).toBe(200);
    expect((await fetch(`${server.url}/v1/blobs/${sha(original)}`, { headers: auth('geodesy') })).status).toBe(404);
    // Nor may another unit's clerk add to it.
    expect(await attach('geodesy', { ...document, id: randomUUID(), originalSha256: sha(Buffer.from('x')) })).toMatchObject({ status: 'rejected', error: { code: 'unknown_item' } });
  });

  it('lets a unit clerk attach to a public letter only once it was routed to their unit', async () => {
    const itemId = await letter('KO', 'public');
    const original = Buffer.from(`mapa ${randomUUID()}`);
    await put('geodesy', sha(original), original);
    const document = { ...documentOf(itemId, original, original), originalFormat: 'pdf', originalMediaType: 'application/pdf' };
    expect(await attach('geodesy', document)).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
    await server.db.query("INSERT INTO item_routes (id, item_id, unit_code, role, state, routed_by) VALUES ($1, $2, 'GN', 'lead', 'waiting', 'rejestr')", [randomUUID(), itemId]);
    expect(await attach('geodesy', document)).toMatchObject({ status: 'applied' });
  });
});
