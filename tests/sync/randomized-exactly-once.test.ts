import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { PullQuery, PushRequest, type SessionUser } from '../../shared/sync/protocol.ts';
import { openDatabase } from '../../electron/core/db/open.ts';
import { cancelItem, registerItem } from '../../electron/core/db/repositories/incoming-items.ts';
import { applyPushResults, clientOf, outboxBatch, syncCounts } from '../../electron/core/db/repositories/outbox.ts';
import { addLeasedBlock, leasedNumbersLeft } from '../../electron/core/db/repositories/numbering.ts';
import { applyPulledChanges, cursorOf, listSyncIssues, syncStateFor } from '../../electron/core/db/repositories/sync.ts';
import { sampleRegisterArgs } from '../../electron/core/test-support/sample-item.ts';
import { makeUser, seedOrganisation } from '../../server/test-support/fixtures.ts';
import { useServerDb } from '../../server/test-support/test-db.ts';
import { leaseRpwBlock } from '../../server/sync/leases.ts';
import { pull } from '../../server/sync/pull.ts';
import { push } from '../../server/sync/push.ts';
import { useTempDirs } from '../support/temp-dirs.ts';

const serverDb = useServerDb();
const tempDir = useTempDirs();
const secrets = { trackingPinKey: 'test-key' };
const SERVER = 'https://kancelaria.test';
const AT = '2026-11-20T10:00:00.000Z';

/** mulberry32: a seeded generator, so a failing run can be replayed from the seed it prints. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Client {
  readonly name: string;
  readonly db: Database;
  readonly user: SessionUser;
  readonly clientId: string;
}

/**
 * Several workstations (real SQLite files, the real repositories) and the real server logic on
 * PGlite or PostgreSQL, driven by random work and random faults: answers lost after commit,
 * batches sent twice at once, partial batches, random pull page sizes. Afterwards every register
 * must equal the server's, and every command must have been applied exactly once.
 */
describe('randomized sync: thousands of commands from several clients', { timeout: 180_000 }, () => {
  it('converges, and applies every command exactly once', async () => {
    const seed = Number(process.env['SYNC_SEED'] ?? Date.now() % 1_000_000);
    const random = prng(seed);
    const pick = <T>(values: readonly T[]): T | undefined => values[Math.floor(random() * values.length)];
    console.log(`randomized sync seed ${String(seed)} (SYNC_SEED=${String(seed)} replays it)`);

    const server = serverDb();
    await seedOrganisation(server);
    const people = [await makeUser(server, 'anna', 'registry_clerk', 'KO'), await makeUser(server, 'ewa', 'registry_clerk', 'KO')];
    const clients: Client[] = ['A', 'B', 'C', 'D'].map((name, i) => {
      const db = openDatabase(join(tempDir(), `${name}.sqlite`));
      const user = people[i % 2] as SessionUser;
      syncStateFor(db, SERVER, AT);
      return { name, db, user, clientId: clientOf(db, user.login, AT) };
    });

    let commands = 0;
    let registrations = 0;
    const sync = async (client: Client, faults: boolean): Promise<void> => {
      if (leasedNumbersLeft(client.db, 'rpw', 'KO', 2026, client.clientId) < 5) {
        addLeasedBlock(client.db, 'rpw', await leaseRpwBlock(server, client.user, client.clientId, { deskCode: 'KO', year: 2026, size: 20 }), client.clientId, AT);
      }
      for (;;) {
        const batch = outboxBatch(client.db, client.clientId, faults ? 1 + Math.floor(random() * 15) : 200);
        if (batch.length === 0) break;
        const request = PushRequest.parse({ clientId: client.clientId, mutations: batch });
        const fault = faults ? random() : 1;
        if (fault < 0.15) {
          await push(server, client.user, request, secrets, () => undefined); // committed, answer lost
          break;
        }
        const answers = fault < 0.3
          ? await Promise.all([push(server, client.user, request, secrets, () => undefined), push(server, client.user, request, secrets, () => undefined)])
          : [await push(server, client.user, request, secrets, () => undefined)];
        for (const answer of answers) expect(answer.expectedSeq).toBeNull();
        applyPushResults(client.db, client.clientId, answers.at(-1)?.results ?? [], AT);
        if (faults && random() < 0.3) break;
      }
      let cursor = cursorOf(client.db, client.user.login);
      for (;;) {
        const page = await pull(server, client.user, PullQuery.parse({ clientId: client.clientId, cursor, limit: faults ? 1 + Math.floor(random() * 50) : 1000 }));
        if (faults && random() < 0.1) break; // the page was lost on the way
        applyPulledChanges(client.db, page.changes, page.cursor, AT, client.user.login);
        cursor = page.cursor;
        if (!page.hasMore) break;
      }
    };

    for (const client of clients) await sync(client, false);
    for (let step = 0; step < 2400; step++) {
      const client = pick(clients);
      if (!client) continue;
      const roll = random();
      if (roll < 0.75) {
        if (leasedNumbersLeft(client.db, 'rpw', 'KO', 2026, client.clientId) === 0) await sync(client, false);
        registerItem(client.db, sampleRegisterArgs({ numbering: 'leased-only', outbox: client.user.login, item: { ...sampleRegisterArgs().item, subject: `${client.name} ${String(step)}` } }));
        registrations += 1;
        commands += 1;
      } else if (roll < 0.85) {
        const id = client.db.prepare<[], string>("SELECT id FROM incoming_items WHERE status = 'registered' ORDER BY random() LIMIT 1").pluck().get();
        if (id && cancelItem(client.db, { id, reason: `anulowane na ${client.name}`, at: AT, actor: client.name, outbox: client.user.login })) commands += 1;
      } else {
        await sync(client, true);
      }
    }
    for (let round = 0; round < 2; round++) for (const client of clients) await sync(client, false);

    const [serverItems] = await server.query<{ n: number }>('SELECT count(*)::int AS n FROM incoming_items');
    const [results] = await server.query<{ n: number }>('SELECT count(*)::int AS n FROM mutation_results');
    expect(serverItems?.n).toBe(registrations);
    expect(results?.n).toBe(commands);
    const serverView = (await server.query<{ rpw_number: string; status: string }>('SELECT rpw_number, status FROM incoming_items'))
      .map((r) => `${r.rpw_number} ${r.status}`).sort();
    for (const client of clients) {
      expect(syncCounts(client.db, client.user.login).pending, client.name).toBe(0);
      const local = client.db.prepare<[], { rpw_number: string; status: string }>('SELECT rpw_number, status FROM incoming_items').all()
        .map((r) => `${r.rpw_number} ${r.status}`).sort();
      expect(local, client.name).toEqual(serverView);
      // The only refusals a fault-free protocol allows: two desks cancelling the same letter.
      for (const issue of listSyncIssues(client.db, 10_000)) expect(issue.errorCode, client.name).toBe('already_cancelled');
    }
  });
});
