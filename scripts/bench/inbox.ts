import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDbWorker } from '../../electron/core/db/db-client.ts';
import { openDatabase } from '../../electron/core/db/open.ts';
import { listPeople } from '../../electron/core/db/repositories/organisation.ts';
import { uuidv7 } from '../../electron/core/ids.ts';
import { withDemoCity } from '../../electron/core/test-support/case-fixtures.ts';
import { SOURCE_WORKER_URLS } from '../../electron/core/workers/worker-urls.ts';
import { percentile, round, sample, type Figure } from './figures.ts';
import { seedRegister } from './seed-register.ts';

/**
 * A clerk's inbox with OPEN open items (default 10,000, the size) in a register of four
 * times as many letters, opened through the SQLite worker as the app does: the first page of each
 * list and the overdue count.
 */
export async function benchInbox(open = Number(process.env['BENCH_INBOX_ITEMS'] ?? 10_000)): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kancelaria-bench-inbox-'));
  const file = join(dir, 'k.sqlite');
  const db = openDatabase(file);
  withDemoCity(db);
  seedRegister(db, open * 4);
  const clerk = listPeople(db, { unitCode: 'GN', role: 'clerk' }).find((p) => !p.roles.includes('unit_head'));
  if (!clerk) throw new Error('the demo city has no clerk in GN');
  // Routes straight into the table: the bench measures reading the inbox, not routing.
  const items = db.prepare<[number], string>('SELECT id FROM incoming_items ORDER BY entry_no LIMIT ?').pluck().all(open * 2);
  const insert = db.prepare(
    `INSERT INTO item_routes (id, item_id, unit_code, role, instruction, due_date, state, assignee_login, routed_at, routed_by, updated_at)
     VALUES (?, ?, 'GN', 'lead', NULL, ?, ?, ?, '2026-11-01T08:00:00.000Z', 'kancelaria', '2026-11-01T08:00:00.000Z')`,
  );
  db.transaction(() => {
    items.forEach((itemId, i) => {
      // Half are this clerk's open items (accepted or waiting for acceptance), the rest the unit's.
      const mine = i < open;
      insert.run(uuidv7(), itemId, `2026-${String(11 + (i % 2)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        mine ? (i % 3 === 0 ? 'assigned' : 'accepted') : 'waiting', mine ? clerk.login : null);
    });
  })();
  db.close();

  const worker = await startDbWorker(SOURCE_WORKER_URLS.db, file);
  const samples = await sample(30, () => worker.call('routing.inbox', { login: clerk.login, today: '2026-11-25', limit: 200 }));
  await worker.close();
  rmSync(dir, { recursive: true, force: true });
  return [
    { name: `dekretacja.inbox_${String(open / 1000)}k_open_items_p50`, unit: 'ms', value: round(percentile(samples, 50)), runs: samples.length },
    { name: `dekretacja.inbox_${String(open / 1000)}k_open_items_p95`, unit: 'ms', value: round(percentile(samples, 95)), runs: samples.length, target: 200 },
  ];
}
