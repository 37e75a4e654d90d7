import type { Migration } from './migration.ts';

/** A live lead route: where the letter is now (the same test as item_routes_one_live_lead). */
const LIVE_LEAD = (item: string): string =>
  `SELECT r.unit_code FROM item_routes r WHERE r.item_id = ${item} AND r.role = 'lead' AND r.state IN ('waiting', 'assigned', 'accepted')`;

/**
 * One letter's share of the intake counts, signed; `row` is new or old. A registered letter counts
 * once per day, desk, channel and scanned-or-not, city-wide and under its current lead unit, and
 * once more among the unrouted if it has none.
 */
const intakeDelta = (row: 'new' | 'old', sign: 1 | -1): string => `
  INSERT INTO intake_counts (unit_code, received_on, desk_code, channel, scanned, letters)
    SELECT coalesce(${row}.lead_unit, ''), ${row}.received_on, ${row}.desk_code, ${row}.channel, ${row}.scanned, ${String(sign)}
    WHERE ${row}.status = 'registered'
  ON CONFLICT DO UPDATE SET letters = letters + excluded.letters;
  INSERT INTO intake_counts_city (received_on, desk_code, channel, scanned, letters)
    SELECT ${row}.received_on, ${row}.desk_code, ${row}.channel, ${row}.scanned, ${String(sign)}
    WHERE ${row}.status = 'registered'
  ON CONFLICT DO UPDATE SET letters = letters + excluded.letters;
  UPDATE unrouted_letters SET letters = letters + ${String(sign)} WHERE ${row}.status = 'registered' AND ${row}.lead_unit IS NULL;`;

/**
 * One RKW entry's key in outgoing_counts and what it adds to each figure (proof channels as
 * PROOF_CHANNELS, frozen here). `row` is a row name: new, old, or the table itself.
 */
const outgoingKey = (row: string): string =>
  `${row}.sent_on, ${row}.channel, ${row}.desk_code, coalesce((SELECT c.unit_code FROM cases c WHERE c.id = ${row}.case_id), '')`;
const outgoingFigures = (row: string): readonly string[] => [
  '1',
  `coalesce(${row}.postage_grosze, 0)`,
  `(${row}.delivered_on IS NULL AND ${row}.returned_on IS NULL AND ${row}.channel IN ('registered_zpo', 'e_doreczenia', 'epuap'))`,
  `(${row}.returned_on IS NOT NULL)`,
  `(${row}.delivery_kind IS 'awizo_fiction')`,
];
const OUTGOING_INSERT = 'INSERT INTO outgoing_counts (sent_on, channel, desk_code, unit_code, sent, postage_grosze, awaiting_proof, returned, fiction)';

/** One RKW entry's share of outgoing_counts, signed. */
const outgoingDelta = (row: 'new' | 'old', sign: 1 | -1): string => `
  ${OUTGOING_INSERT}
    SELECT ${outgoingKey(row)}, ${outgoingFigures(row).map((f) => `${String(sign)} * ${f}`).join(', ')} WHERE true
  ON CONFLICT DO UPDATE SET sent = sent + excluded.sent, postage_grosze = postage_grosze + excluded.postage_grosze,
    awaiting_proof = awaiting_proof + excluded.awaiting_proof, returned = returned + excluded.returned, fiction = fiction + excluded.fiction;`;

/**
 * Intake and outgoing reports (issue "Supervisor reports", point 3) over a year of a million
 * letters: counting the letters themselves took 0.6–2 s, so the figures are kept, per day, as
 * they change.
 *
 * - Each letter carries where it is now (`lead_unit`, from its live lead route) and whether a
 *   document is attached (`scanned`); triggers on item_routes and item_documents keep both. The
 *   register's own columns are untouched.
 * - `intake_counts`: registered letters per current lead unit ('' for none), receipt day, desk,
 *   channel and scanned; `intake_counts_city` the same without the unit; `unrouted_letters` those
 *   with no lead unit. A trigger on the letter moves its counts when any of those changes (a
 *   cancellation takes it out). A report sums a few thousand rows instead of a million letters.
 * - `outgoing_counts`: RKW entries per sending day, channel, desk and their case's unit, with
 *   postage and the outcomes (a proof still awaited, returned, awizo fiction), moved when delivery
 *   or a return is recorded. A case's unit never changes, so it is read once, at insertion.
 * - Letters waiting for dekretacja: a partial index of the registered letters with no lead unit,
 *   by registration time.
 */
export const migration0019FlowCounters: Migration = {
  version: 19,
  name: 'flow-counters',
  up(db) {
    db.exec(`
      ALTER TABLE incoming_items ADD COLUMN lead_unit TEXT;
      ALTER TABLE incoming_items ADD COLUMN scanned INTEGER NOT NULL DEFAULT 0 CHECK (scanned IN (0, 1));
      UPDATE incoming_items SET lead_unit = (${LIVE_LEAD('incoming_items.id')})
        WHERE id IN (SELECT item_id FROM item_routes WHERE role = 'lead' AND state IN ('waiting', 'assigned', 'accepted'));
      UPDATE incoming_items SET scanned = 1 WHERE id IN (SELECT item_id FROM item_documents);

      -- Unit first: a unit head's report reads only their units' rows.
      CREATE TABLE intake_counts (
        unit_code   TEXT NOT NULL,
        received_on TEXT NOT NULL,
        desk_code   TEXT NOT NULL,
        channel     TEXT NOT NULL,
        scanned     INTEGER NOT NULL,
        letters     INTEGER NOT NULL,
        PRIMARY KEY (unit_code, received_on, desk_code, channel, scanned)
      ) STRICT, WITHOUT ROWID;
      -- The same without units, for the city-wide report: a year is a few thousand rows, not 70 times that.
      CREATE TABLE intake_counts_city (
        received_on TEXT NOT NULL,
        desk_code   TEXT NOT NULL,
        channel     TEXT NOT NULL,
        scanned     INTEGER NOT NULL,
        letters     INTEGER NOT NULL,
        PRIMARY KEY (received_on, desk_code, channel, scanned)
      ) STRICT, WITHOUT ROWID;
      -- Registered letters with no lead unit, whenever registered: those waiting longer than N
      -- hours are this less the few registered in the last N hours (an index range, not the register).
      CREATE TABLE unrouted_letters (letters INTEGER NOT NULL) STRICT;
      INSERT INTO intake_counts (unit_code, received_on, desk_code, channel, scanned, letters)
        SELECT coalesce(lead_unit, ''), received_on, desk_code, channel, scanned, count(*)
        FROM incoming_items WHERE status = 'registered' GROUP BY 1, 2, 3, 4, 5;
      INSERT INTO intake_counts_city (received_on, desk_code, channel, scanned, letters)
        SELECT received_on, desk_code, channel, scanned, letters FROM intake_counts WHERE true
        ON CONFLICT DO UPDATE SET letters = letters + excluded.letters;
      INSERT INTO unrouted_letters (letters) SELECT count(*) FROM incoming_items WHERE status = 'registered' AND lead_unit IS NULL;

      CREATE TRIGGER intake_counts_on_insert AFTER INSERT ON incoming_items BEGIN ${intakeDelta('new', 1)} END;
      CREATE TRIGGER intake_counts_on_update AFTER UPDATE OF status, received_on, channel, lead_unit, scanned ON incoming_items BEGIN
        ${intakeDelta('old', -1)}
        ${intakeDelta('new', 1)}
      END;
      CREATE TRIGGER lead_unit_on_route_insert AFTER INSERT ON item_routes WHEN new.role = 'lead' BEGIN
        UPDATE incoming_items SET lead_unit = (${LIVE_LEAD('new.item_id')}) WHERE id = new.item_id AND lead_unit IS NOT (${LIVE_LEAD('new.item_id')});
      END;
      CREATE TRIGGER lead_unit_on_route_update AFTER UPDATE OF state, role, unit_code, item_id ON item_routes BEGIN
        UPDATE incoming_items SET lead_unit = (${LIVE_LEAD('incoming_items.id')})
          WHERE id IN (old.item_id, new.item_id) AND lead_unit IS NOT (${LIVE_LEAD('incoming_items.id')});
      END;
      CREATE TRIGGER lead_unit_on_route_delete AFTER DELETE ON item_routes BEGIN
        UPDATE incoming_items SET lead_unit = (${LIVE_LEAD('old.item_id')}) WHERE id = old.item_id AND lead_unit IS NOT (${LIVE_LEAD('old.item_id')});
      END;
      -- Documents are never removed or moved (0011), so a letter once scanned stays scanned.
      CREATE TRIGGER scanned_on_document AFTER INSERT ON item_documents BEGIN
        UPDATE incoming_items SET scanned = 1 WHERE id = new.item_id AND scanned = 0;
      END;

      CREATE TABLE outgoing_counts (
        sent_on        TEXT NOT NULL,
        channel        TEXT NOT NULL,
        desk_code      TEXT NOT NULL,
        unit_code      TEXT NOT NULL,
        sent           INTEGER NOT NULL,
        postage_grosze INTEGER NOT NULL,
        awaiting_proof INTEGER NOT NULL,
        returned       INTEGER NOT NULL,
        fiction        INTEGER NOT NULL,
        PRIMARY KEY (sent_on, channel, desk_code, unit_code)
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER outgoing_counts_on_insert AFTER INSERT ON outgoing_letters BEGIN ${outgoingDelta('new', 1)} END;
      CREATE TRIGGER outgoing_counts_on_update AFTER UPDATE ON outgoing_letters BEGIN
        ${outgoingDelta('old', -1)}
        ${outgoingDelta('new', 1)}
      END;

      -- Replaced: the intake report reads intake_counts; the drill-down and the waiting list these.
      DROP INDEX incoming_items_by_day_desk_channel;
      DROP INDEX incoming_items_registered_live;
      CREATE INDEX incoming_items_intake ON incoming_items (received_on, desk_code, channel, scanned, lead_unit) WHERE status = 'registered';
      -- status and lead_unit in the key too: SQLite reads a partial index alone only if it holds every column the query names.
      CREATE INDEX incoming_items_awaiting_routing ON incoming_items (registered_at, status, lead_unit) WHERE status = 'registered' AND lead_unit IS NULL;
    `);
    // Entries already there, counted once; from now on the triggers keep the counts.
    db.exec(`${OUTGOING_INSERT}
      SELECT ${outgoingKey('outgoing_letters')}, ${outgoingFigures('outgoing_letters').map((f) => `sum(${f})`).join(', ')}
      FROM outgoing_letters GROUP BY 1, 2, 3, 4`);
  },
};
