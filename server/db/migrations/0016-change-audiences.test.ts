import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useOneCaseDb } from '../../test-support/one-case-db.ts';

describe('server migration 0016 change-audiences', { timeout: 60_000 }, () => {
  const oneCase = useOneCaseDb();

  it('logs the extra units a change reaches, and none when a command names none', async () => {
    const { db } = oneCase();
    const clientId = randomUUID();
    const [user] = await db.query<{ id: string }>('SELECT id FROM users LIMIT 1');
    await db.query('INSERT INTO sync_clients (client_id, user_id, last_seq) VALUES ($1, $2, 2)', [clientId, user?.id]);
    const changes = [
      { entity: 'incoming_item', entity_id: 'a', op: 'upsert', scope_unit: 'KO', also_units: ['MOPR', 'MZD'], data: {} },
      { entity: 'incoming_item', entity_id: 'b', op: 'upsert', scope_unit: 'KO', data: {} },
    ];
    await db.query("SELECT sync_record($1, 1, 'routing.route', 'applied', NULL, 'null', $2)", [clientId, JSON.stringify(changes)]);
    const rows = await db.query<{ entity_id: string; also_units: string[] | null }>("SELECT entity_id, also_units FROM changes WHERE entity = 'incoming_item' ORDER BY entity_id");
    expect(rows).toEqual([{ entity_id: 'a', also_units: ['MOPR', 'MZD'] }, { entity_id: 'b', also_units: null }]);
  });
});
