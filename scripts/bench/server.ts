import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createTestDatabase } from '../../server/test-support/fresh-database.ts';
import { pushedItem } from '../../server/test-support/fixtures.ts';
import { runAdmin, startServerProcess } from '../../server/test-support/server-process.ts';
import { round, type Figure } from './figures.ts';

/**
 * The central server under load over real HTTP: the server as its own process (as deployed) and
 * 16 concurrent workstations in this one, pushing one command per request, then pulling. On PostgreSQL when BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a
 * server (a fresh database is created on it), else on PGlite; the figure's name says which.
 */
export async function benchServer(seconds = Number(process.env['BENCH_SERVER_SECONDS'] ?? 5)): Promise<Figure[]> {
  const adminUrl = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'] ?? null;
  const dataDir = mkdtempSync(join(tmpdir(), 'kancelaria-bench-server-'));
  const fresh = adminUrl ? await createTestDatabase(adminUrl) : null;
  const databaseUrl = fresh?.url ?? null;
  const env: Record<string, string> = { ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: join(dataDir, 'pglite') }) };
  const organisation = join(dataDir, 'organisation.json');
  writeFileSync(organisation, JSON.stringify({
    units: [{ code: 'KO', name: 'Kancelaria' }],
    desks: [{ code: 'KO', name: 'Kancelaria', unitCode: 'KO' }],
    users: [{ login: 'bench', displayName: 'Bench', role: 'registry_clerk', unitCode: 'KO', password: 'bench-password-1' }],
  }));
  const imported = await runAdmin(env, ['import-organisation', organisation]);
  if (imported.code !== 0) throw new Error(imported.out);
  const server = await startServerProcess(env);
  // node:http with keep-alive: the load generator shares the machine, so it should be cheap.
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const send = (method: 'GET' | 'POST', path: string, token: string, body?: unknown): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = request(`${server.url}${path}`, { method, agent, headers: { Authorization: `Bearer ${token}`, ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {}) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if ((res.statusCode ?? 500) >= 400) reject(new Error(`${path}: ${String(res.statusCode)} ${text}`));
          else resolve(JSON.parse(text) as unknown);
        });
      });
      req.on('error', reject);
      req.end(payload);
    });
  const post = (path: string, token: string, body: unknown): Promise<unknown> => send('POST', path, token, body);
  const signIn = await fetch(`${server.url}/v1/auth/sign-in`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login: 'bench', password: 'bench-password-1' }) });
  const { token } = (await signIn.json()) as { token: string };

  const workstations = 16;
  const clients = await Promise.all(Array.from({ length: workstations }, async () => {
    const clientId = randomUUID();
    const lease = (await post('/v1/numbering/rpw/lease', token, { clientId, deskCode: 'KO', year: 2026, size: 1000 })) as { firstNo: number; lastNo: number };
    return { clientId, next: lease.firstNo, last: lease.lastNo, seq: 0 };
  }));

  const runFor = async (work: (client: (typeof clients)[number]) => Promise<void>): Promise<number> => {
    let requests = 0;
    const until = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(clients.map(async (client) => {
      while (performance.now() < until && client.next <= client.last) {
        await work(client);
        requests += 1;
      }
    }));
    return requests / ((performance.now() - started) / 1000);
  };

  const pushRate = await runFor(async (client) => {
    client.seq += 1;
    const item = pushedItem('KO', client.next++);
    await post('/v1/sync/push', token, { clientId: client.clientId, mutations: [{ seq: client.seq, name: 'registry.register', args: { item } }] });
  });
  const pullRate = await runFor(async (client) => {
    await send('GET', `/v1/sync/pull?clientId=${client.clientId}&cursor=${String(Math.max(0, client.seq * workstations - 50))}&limit=50`, token);
  });
  // The steady state of a connected workstation: a poke or a poll, and nothing new in its scope.
  let latest = 0;
  for (let more = true; more;) {
    const page = (await send('GET', `/v1/sync/pull?clientId=${clients[0]?.clientId ?? ''}&cursor=${String(latest)}&limit=1000`, token)) as { cursor: number; hasMore: boolean };
    latest = page.cursor;
    more = page.hasMore;
  }
  const quiet = (await send('GET', `/v1/sync/pull?clientId=${clients[0]?.clientId ?? ''}&cursor=${String(latest)}&limit=1`, token)) as { changes: unknown[] };
  if (quiet.changes.length !== 0) throw new Error('quiet pull returned changes');
  const quietRate = await runFor(async (client) => {
    await send('GET', `/v1/sync/pull?clientId=${client.clientId}&cursor=${String(latest)}&limit=500`, token);
  });
  agent.destroy();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
  await fresh?.drop();
  const on = databaseUrl ? 'postgres' : 'pglite';
  // The target (1,000/s) is set for PostgreSQL; PGlite is one WASM connection, for bare machines.
  const target = databaseUrl ? 1000 : undefined;
  return [
    { name: `server.push_requests_per_second_${on}`, unit: 'req/s', value: round(pushRate), runs: workstations, ...(target ? { target, higherIsBetter: true } : {}) },
    { name: `server.pull_requests_per_second_${on}`, unit: 'req/s', value: round(pullRate), runs: workstations, ...(target ? { target, higherIsBetter: true } : {}) },
    { name: `server.pull_nothing_new_requests_per_second_${on}`, unit: 'req/s', value: round(quietRate), runs: workstations, ...(target ? { target, higherIsBetter: true } : {}) },
  ];
}
