import type { Migration } from './migration.ts';

/**
 * Dekretacja: an item routed to a lead unit (and others "do wiadomości"), assigned by the unit
 * head to a clerk, accepted or returned with a reason. Re-routing adds a route that points at the
 * one it replaces, so the whole path stays. The item's metryka also records each actor's post.
 */
export const migration0007Routing: Migration = {
  version: 7,
  name: 'routing',
  up(db) {
    db.exec(`
      CREATE TABLE item_routes (
        route_no        INTEGER PRIMARY KEY,
        id              TEXT NOT NULL UNIQUE,
        item_id         TEXT NOT NULL REFERENCES incoming_items (id),
        unit_code       TEXT NOT NULL REFERENCES units (code),
        role            TEXT NOT NULL CHECK (role IN ('lead', 'info')),
        instruction     TEXT,
        due_date        TEXT,
        state           TEXT NOT NULL CHECK (state IN ('waiting', 'assigned', 'accepted', 'returned', 'rerouted')),
        assignee_login  TEXT REFERENCES people (login),
        returned_reason TEXT,
        replaces_no     INTEGER REFERENCES item_routes (route_no),
        routed_at       TEXT NOT NULL,
        routed_by       TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX item_routes_by_item ON item_routes (item_id, route_no);
      CREATE INDEX item_routes_by_unit_state ON item_routes (unit_code, state);
      CREATE INDEX item_routes_by_assignee_state ON item_routes (assignee_login, state);
      CREATE INDEX item_routes_by_router ON item_routes (routed_by, state);
      -- One lead route in progress per item: the letter has one owner at a time.
      CREATE UNIQUE INDEX item_routes_one_live_lead ON item_routes (item_id) WHERE role = 'lead' AND state IN ('waiting', 'assigned', 'accepted');

      ALTER TABLE item_events ADD COLUMN actor_post TEXT;
    `);
  },
};
