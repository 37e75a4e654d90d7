import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ServerDb } from '../../server/db/database.ts';
import { PEOPLE, startCentralServer } from '../../server/test-support/central-server.ts';
import type { IncomingItem, ItemPage } from '../../shared/registry.ts';
import type { Result } from '../../shared/result.ts';
import { sampleItem } from '../../electron/core/test-support/sample-item.ts';
import { startWorkstation, type Workstation } from '../../electron/core/workstation.ts';
import { SOURCE_WORKER_URLS } from '../../electron/core/workers/worker-urls.ts';
import { percentile, round, type Figure } from './figures.ts';

/**
 * Sync from the workstation's side, against the server as a process: a fresh workstation pulling
 * a city's register (BENCH_SYNC_ITEMS, default 100,000 letters, seeded straight into the server's
 * tables), and a letter registered on one workstation until the other has it in its register.
 */
export async function benchSync(items = Number(process.env['BENCH_SYNC_ITEMS'] ?? 100_000)): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kancelaria-bench-sync-'));
  const adminUrl = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'] ?? null;
  const server = await startCentralServer(dir, { adminUrl, seed: (db) => seedRegister(db, items) });
  const stations: Workstation[] = [];
  try {
    const station = async (person: keyof typeof PEOPLE): Promise<Workstation> => {
      const ws = await startWorkstation({ dataDir: mkdtempSync(join(dir, 'ws-')), version: 'bench', shell: 'browser', workers: SOURCE_WORKER_URLS, logError: () => undefined });
      stations.push(ws);
      unwrap(await ws.dispatch('settings.update', { workstationName: person, deskCode: 'KO', centralServerUrl: server.url, uiLanguage: 'pl' }));
      unwrap(await ws.dispatch('auth.signIn', { login: PEOPLE[person].login, password: PEOPLE[person].password }));
      return ws;
    };

    const a = await station('anna');
    const started = performance.now();
    unwrap(await a.dispatch('sync.now', {}));
    const bootstrapMs = performance.now() - started;
    const page = unwrap(await a.dispatch('registry.list', { limit: 1 })) as ItemPage;
    if (page.total !== items) throw new Error(`bootstrap pulled ${String(page.total)} of ${String(items)} letters`);

    const b = await station('ewa');
    unwrap(await b.dispatch('sync.now', {}));
    const visible: number[] = [];
    for (let i = 0; i < 20; i++) {
      const registeredOnB = new Promise<number>((resolve) => {
        const stop = b.events.subscribe((name, payload) => {
          if (name !== 'registry.changed') return;
          if ((payload as { ids: string[] }).ids.includes(pending)) {
            stop();
            resolve(performance.now());
          }
        });
      });
      let pending = '';
      const t0 = performance.now();
      pending = (unwrap(await a.dispatch('registry.register', sampleItem({ subject: `Pomiar ${String(i)}` }))) as IncomingItem).id;
      visible.push((await registeredOnB) - t0);
    }
    const on = adminUrl ? 'postgres' : 'pglite';
    return [
      { name: `sync.bootstrap_${String(items / 1000)}k_items_${on}`, unit: 'ms', value: round(bootstrapMs), runs: 1, target: 30_000 },
      { name: `sync.change_visible_on_other_workstation_p50_${on}`, unit: 'ms', value: round(percentile(visible, 50)), runs: visible.length },
      { name: `sync.change_visible_on_other_workstation_p95_${on}`, unit: 'ms', value: round(percentile(visible, 95)), runs: visible.length, target: 1000 },
    ];
  } finally {
    for (const ws of stations) await ws.close();
    await server.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

function unwrap(result: Result<unknown>): unknown {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** `items` letters at desk KO, each with its change row, as if pushed one by one. */
async function seedRegister(db: ServerDb, items: number): Promise<void> {
  const [user] = await db.query<{ id: string }>("SELECT id FROM users WHERE login = 'anna'");
  await db.exec(`
    WITH numbered AS (
      SELECT n, gen_random_uuid() AS id FROM generate_series(1, ${String(items)}) AS n
    ), letters AS (
      SELECT n, id, jsonb_build_object(
        'id', id, 'rpwNumber', 'RPW/KO/' || n || '/2026', 'deskCode', 'KO', 'year', 2026, 'sequence', n,
        'receivedAt', '2026-03-02T08:00:00.000Z', 'channel', 'post', 'postedOn', null, 'correspondentId', null,
        'senderName', 'Nadawca ' || n, 'senderAddress', 'ul. Ozimska ' || (n % 200) || ', 45-057 Opole', 'senderReference', null,
        'letterDate', null, 'subject', 'Wniosek nr ' || n || ' w sprawie zajęcia pasa drogowego', 'attachmentsCount', n % 3,
        'personalDelivery', false, 'accessLevel', 'public', 'originalLocation', null, 'postalTrackingNumber', null, 'notes', null,
        'status', 'registered', 'cancelReason', null, 'registeredAt', '2026-03-02T08:00:00.000Z', 'registeredBy', 'Anna Nowak',
        'trackingCode', 'S' || lpad(n::text, 9, '0')) AS item
      FROM numbered
    ), stored AS (
      INSERT INTO incoming_items (id, rpw_number, desk_code, year, sequence, status, tracking_code, tracking_pin_hash, item, registered_by)
      SELECT id, item->>'rpwNumber', 'KO', 2026, n, 'registered', item->>'trackingCode', '', item, '${user?.id ?? ''}' FROM letters
      RETURNING id, sequence, item
    )
    INSERT INTO changes (version, entity, entity_id, op, scope_unit, data)
    SELECT sequence, 'incoming_item', id::text, 'upsert', NULL, item FROM stored;
    UPDATE sync_version SET v = ${String(items)} WHERE id = 1;
    INSERT INTO rpw_counters (desk_code, year, next_no) VALUES ('KO', 2026, ${String(items + 1)});
  `);
}
