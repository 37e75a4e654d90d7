import type { ServerMigration } from './index.ts';

/**
 * The exactly-once bookkeeping of a push as database functions, so a command costs one round
 * trip where it can (at hundreds of pushes a second, round trips were most of the cost):
 * - `sync_claim` locks (or creates) the client's row and says whether `seq` is done, past a gap,
 *   or next (and then advances the sequence); `sync_record` stores the result and logs the
 *   changes under the next version as the last write of the transaction, so the counter row's
 *   lock (which makes version order commit order) is held only until COMMIT;
 * - `sync_refuse` records a refusal decided without the database (unknown command, bad args,
 *   missing role) in one call;
 * - `sync_push_register` applies `registry.register` with all of the above in one call.
 * Every function answers a `sync_push_outcome`. Error codes and messages below are the same
 * i18n keys the workstation shows for the TypeScript commands.
 */
export const pushFunctions: ServerMigration = {
  version: 7,
  name: 'push-functions',
  sql: `
    -- kind: foreign (another user's client id), locked (no seq asked), done (stored result),
    -- gap (an earlier seq is missing), next (apply it now), recorded (applied and stored now).
    CREATE TYPE sync_push_outcome AS (kind text, last_seq bigint, status text, error jsonb, value jsonb, version bigint);

    -- 'next' has already advanced the client's last_seq to p_seq (the transaction commits the
    -- command and its result, or neither), so recording the result writes the row no second time.
    CREATE FUNCTION sync_claim(p_client uuid, p_user uuid, p_seq bigint) RETURNS sync_push_outcome
    LANGUAGE plpgsql AS $$
    DECLARE
      o sync_push_outcome;
      v_owner uuid;
    BEGIN
      -- The usual case, one write: the next seq of a known client. The update locks the row, so
      -- a concurrent push of the same seq waits, then finds last_seq moved on and takes the path below.
      UPDATE sync_clients c SET last_seq = p_seq WHERE c.client_id = p_client AND c.user_id = p_user AND c.last_seq = p_seq - 1;
      IF FOUND THEN
        RETURN ROW('next', p_seq - 1, NULL, NULL, NULL, NULL)::sync_push_outcome;
      END IF;
      -- Creates the row or locks the existing one (the no-op update takes the row lock).
      INSERT INTO sync_clients AS c (client_id, user_id) VALUES (p_client, p_user)
        ON CONFLICT (client_id) DO UPDATE SET last_seq = c.last_seq
        RETURNING c.last_seq, c.user_id INTO o.last_seq, v_owner;
      IF v_owner <> p_user THEN
        o.kind := 'foreign';
      ELSIF p_seq IS NULL THEN
        o.kind := 'locked';
      ELSIF p_seq <= o.last_seq THEN
        o.kind := 'done';
        SELECT r.status, r.error, r.value INTO o.status, o.error, o.value
          FROM mutation_results r WHERE r.client_id = p_client AND r.seq = p_seq;
      ELSIF p_seq > o.last_seq + 1 THEN
        o.kind := 'gap';
      ELSE
        o.kind := 'next';
        UPDATE sync_clients c SET last_seq = p_seq WHERE c.client_id = p_client;
      END IF;
      RETURN o;
    END $$;

    -- After a 'next' claim: stores the result and logs p_changes ([{entity, entity_id, op,
    -- scope_unit, data}]) under the next version; returns it, or null when there are none.
    CREATE FUNCTION sync_record(p_client uuid, p_seq bigint, p_name text, p_status text, p_error jsonb, p_value jsonb, p_changes jsonb)
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
      INSERT INTO changes (version, entity, entity_id, op, scope_unit, data)
        SELECT v_version, c.entity, c.entity_id, c.op, c.scope_unit, c.data
        FROM jsonb_to_recordset(p_changes) AS c (entity text, entity_id text, op text, scope_unit text, data jsonb)
        ON CONFLICT (version, entity, entity_id) DO UPDATE SET op = excluded.op, data = excluded.data, scope_unit = excluded.scope_unit;
      RETURN v_version;
    END $$;

    CREATE FUNCTION sync_refuse(p_client uuid, p_user uuid, p_seq bigint, p_name text, p_status text, p_error jsonb, p_value jsonb)
    RETURNS sync_push_outcome
    LANGUAGE plpgsql AS $$
    DECLARE
      o sync_push_outcome;
    BEGIN
      o := sync_claim(p_client, p_user, p_seq);
      IF o.kind <> 'next' THEN
        RETURN o;
      END IF;
      PERFORM sync_record(p_client, p_seq, p_name, p_status, p_error, p_value, '[]');
      RETURN ROW('recorded', p_seq, p_status, p_error, p_value, NULL)::sync_push_outcome;
    END $$;

    -- p_item: the letter as other workstations pull it (no PIN); p_pin_hash: its PIN's HMAC.
    -- The number must come from a block leased to this client and be unused.
    CREATE FUNCTION sync_push_register(p_client uuid, p_user uuid, p_seq bigint, p_name text, p_item jsonb, p_pin_hash text)
    RETURNS sync_push_outcome
    LANGUAGE plpgsql AS $$
    DECLARE
      o sync_push_outcome;
      v_id uuid := (p_item->>'id')::uuid;
      v_desk text := p_item->>'deskCode';
      v_year integer := (p_item->>'year')::integer;
      v_no integer := (p_item->>'sequence')::integer;
      v_scope text;
      v_changes jsonb := '[]';
    BEGIN
      o := sync_claim(p_client, p_user, p_seq);
      IF o.kind <> 'next' THEN
        RETURN o;
      END IF;
      IF NOT EXISTS (SELECT 1 FROM rpw_leases l WHERE l.desk_code = v_desk AND l.year = v_year
                       AND l.first_no <= v_no AND l.last_no >= v_no AND l.client_id = p_client) THEN
        o.status := 'rejected';
        o.error := '{"code": "number_not_leased", "message": "sync.rejections.numberNotLeased"}';
        o.value := 'null';
      ELSE
        INSERT INTO incoming_items (id, rpw_number, desk_code, year, sequence, status, tracking_code, tracking_pin_hash, item, registered_by)
          VALUES (v_id, p_item->>'rpwNumber', v_desk, v_year, v_no, p_item->>'status', p_item->>'trackingCode', p_pin_hash, p_item, p_user)
          ON CONFLICT DO NOTHING;
        IF FOUND THEN
          o.status := 'applied';
          o.error := NULL;
          o.value := jsonb_build_object('rpwNumber', p_item->>'rpwNumber');
          -- A restricted letter is seen by its desk's unit; at a desk with no unit, only by the
          -- roles that see everything.
          IF p_item->>'accessLevel' IS DISTINCT FROM 'public' THEN
            SELECT d.unit_code INTO v_scope FROM desks d WHERE d.code = v_desk;
            v_scope := coalesce(v_scope, '__restricted__');
          END IF;
          v_changes := jsonb_build_array(jsonb_build_object(
            'entity', 'incoming_item', 'entity_id', p_item->>'id', 'op', 'upsert', 'scope_unit', v_scope, 'data', p_item));
        ELSE
          -- The clerk sees the letter that already holds the number beside their own.
          o.status := 'conflict';
          o.error := '{"code": "number_taken", "message": "sync.rejections.numberTaken"}';
          o.value := coalesce((SELECT i.item FROM incoming_items i
                                WHERE i.id = v_id OR (i.desk_code = v_desk AND i.year = v_year AND i.sequence = v_no) LIMIT 1), 'null');
        END IF;
      END IF;
      o.version := sync_record(p_client, p_seq, p_name, o.status, o.error, o.value, v_changes);
      o.kind := 'recorded';
      o.last_seq := p_seq;
      RETURN o;
    END $$;
  `,
};
