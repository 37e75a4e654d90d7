import type { ServerMigration } from './index.ts';

/**
 * Dekretacja on the server: routes of letters to units and people, so the unit head's and the
 * clerk's workstations see what the registry desk routed, and public tracking shows the path.
 */
export const routes: ServerMigration = {
  version: 4,
  name: 'routes',
  sql: `
    CREATE TABLE item_routes (
      id              uuid PRIMARY KEY,
      item_id         uuid NOT NULL REFERENCES incoming_items (id),
      unit_code       text NOT NULL REFERENCES units (code),
      role            text NOT NULL CHECK (role IN ('lead', 'info')),
      instruction     text,
      due_date        date,
      state           text NOT NULL CHECK (state IN ('waiting', 'assigned', 'accepted', 'returned', 'rerouted')),
      assignee_login  text,
      returned_reason text,
      replaces_id     uuid REFERENCES item_routes (id),
      routed_by       text NOT NULL,
      routed_at       timestamptz NOT NULL DEFAULT now(),
      accepted_at     timestamptz,
      updated_at      timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX item_routes_by_item ON item_routes (item_id);
    CREATE UNIQUE INDEX item_routes_one_live_lead ON item_routes (item_id) WHERE role = 'lead' AND state IN ('waiting', 'assigned', 'accepted');
  `,
};
