import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerDb } from '../database.ts';
import { migrate } from '../migrate.ts';
import { openPglite } from '../pglite-db.ts';

interface Outcome {
  kind: string;
  last_seq: number;
  status: string | null;
  error: unknown;
  value: unknown;
  version: number | null;
}

// PGlite takes seconds to start on a loaded machine.
describe('server migration 0007 push-functions', { timeout: 60_000 }, () => {
  let db: ServerDb;
  const anna = randomUUID();
  const ewa = randomUUID();

  beforeAll(async () => {
    db = await openPglite(null);
    await migrate(db);
    await db.query("INSERT INTO users (id, login, display_name, password_hash, role) VALUES ($1, 'anna', 'Anna', '-', 'registry_clerk'), ($2, 'ewa', 'Ewa', '-', 'clerk')", [anna, ewa]);
  }, 60_000);
  afterAll(() => db.close());

  const claim = async (client: string, user: string, seq: number | null): Promise<Outcome> => {
    const [row] = await db.query<Outcome>('SELECT * FROM sync_claim($1, $2, $3)', [client, user, seq]);
    if (!row) throw new Error('no outcome');
    return row;
  };
  const refuse = async (client: string, seq: number): Promise<Outcome> => {
    const [row] = await db.query<Outcome>("SELECT * FROM sync_refuse($1, $2, $3, 'x.y', 'rejected', $4, 'null')", [client, anna, seq, JSON.stringify({ code: 'c', message: 'm' })]);
    if (!row) throw new Error('no outcome');
    return row;
  };

  it('claims a new client\'s first seq, advances it, and says done, gap, locked or foreign after', async () => {
    const client = randomUUID();
    expect(await claim(client, anna, null)).toMatchObject({ kind: 'locked', last_seq: 0 });
    expect(await claim(client, anna, 2)).toMatchObject({ kind: 'gap', last_seq: 0 });
    expect(await refuse(client, 1)).toMatchObject({ kind: 'recorded', last_seq: 1, status: 'rejected', error: { code: 'c', message: 'm' }, value: null, version: null });
    expect(await refuse(client, 1)).toMatchObject({ kind: 'done', last_seq: 1, status: 'rejected', error: { code: 'c', message: 'm' } });
    expect(await refuse(client, 3)).toMatchObject({ kind: 'gap', last_seq: 1 });
    expect(await claim(client, ewa, 2)).toMatchObject({ kind: 'foreign' });
    expect(await claim(client, anna, null)).toMatchObject({ kind: 'locked', last_seq: 1 });
    expect(await db.query('SELECT seq, name, status FROM mutation_results WHERE client_id = $1', [client])).toEqual([{ seq: 1, name: 'x.y', status: 'rejected' }]);
  });

  it('logs changes under the next version only when there are some', async () => {
    const client = randomUUID();
    await db.transaction(async (tx) => {
      expect(await tx.query('SELECT kind FROM sync_claim($1, $2, 1)', [client, anna])).toEqual([{ kind: 'next' }]);
      expect(await tx.query("SELECT sync_record($1, 1, 'a', 'applied', NULL, 'null', '[]') AS v", [client])).toEqual([{ v: null }]);
    });
    const [before] = await db.query<{ v: number }>('SELECT v FROM sync_version');
    const changes = [
      { entity: 'e', entity_id: '1', op: 'upsert', scope_unit: 'KO', data: { n: 1 } },
      { entity: 'e', entity_id: '2', op: 'delete', scope_unit: null, data: null },
    ];
    const version = await db.transaction(async (tx) => {
      await tx.query('SELECT sync_claim($1, $2, 2)', [client, anna]);
      const [row] = await tx.query<{ v: number }>("SELECT sync_record($1, 2, 'a', 'applied', NULL, 'null', $2) AS v", [client, JSON.stringify(changes)]);
      return row?.v;
    });
    expect(version).toBe((before?.v ?? 0) + 1);
    expect(await db.query('SELECT entity_id, op, scope_unit, data FROM changes WHERE version = $1 ORDER BY entity_id', [version])).toEqual([
      { entity_id: '1', op: 'upsert', scope_unit: 'KO', data: { n: 1 } },
      { entity_id: '2', op: 'delete', scope_unit: null, data: null },
    ]);
    expect(await claim(client, anna, null)).toMatchObject({ last_seq: 2 });
  });
});
