import type { ServerMigration } from './index.ts';

/**
 * A change may reach more units than its `scope_unit`: `also_units`. A restricted letter was seen
 * only by its desk's unit, so when the registry desk routed it to MOPR, MOPR's desks got the route
 * but never the letter (nor its scans). Now the letter and its documents are logged again when it
 * is routed, reaching the desk's unit and every unit it was routed to; the compacted log keeps
 * that latest change, so a desk bootstrapping later gets it too. `sync_record` takes the new
 * field (absent: nobody more).
 */
export const changeAudiences: ServerMigration = {
  version: 16,
  name: 'change-audiences',
  sql: `
    ALTER TABLE changes ADD COLUMN also_units text[];

    CREATE OR REPLACE FUNCTION sync_record(p_client uuid, p_seq bigint, p_name text, p_status text, p_error jsonb, p_value jsonb, p_changes jsonb)
    RETURNS bigint
    LANGUAGE plpgsql AS $$
    DECLARE
      v_version bigint;
    BEGIN
      INSERT INTO mutation_results (client_id, seq, name, status, error, value) VALUES (p_client, p_seq, p_name, p_status, p_error, p_value);
      IF jsonb_array_length(p_changes) = 0 THEN
        RETURN NULL;
      END IF;
      UPDATE sync_version SET v = v + 1 WHERE id = 1 RETURNING v INTO v_version;
      INSERT INTO changes (version, entity, entity_id, op, scope_unit, also_units, data)
        SELECT v_version, c.entity, c.entity_id, c.op, c.scope_unit, c.also_units, c.data
        FROM jsonb_to_recordset(p_changes) AS c (entity text, entity_id text, op text, scope_unit text, also_units text[], data jsonb)
        ON CONFLICT (version, entity, entity_id) DO UPDATE SET op = excluded.op, data = excluded.data, scope_unit = excluded.scope_unit, also_units = excluded.also_units;
      RETURN v_version;
    END $$;
  `,
};
