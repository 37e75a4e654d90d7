import type { ServerMigration } from './index.ts';

/**
 * Organisation, users and sessions, the sync machinery (version counter, client sequence,
 * stored results, change log), and the incoming register with leased RPW number blocks.
 */
export const initial: ServerMigration = {
  version: 1,
  name: 'initial',
  sql: `
    CREATE TABLE units (
      code        text PRIMARY KEY,
      name        text NOT NULL,
      parent_code text REFERENCES units (code)
    );

    CREATE TABLE desks (
      code      text PRIMARY KEY,
      name      text NOT NULL,
      unit_code text REFERENCES units (code)
    );

    CREATE TABLE users (
      id            uuid PRIMARY KEY,
      login         text NOT NULL UNIQUE,
      display_name  text NOT NULL,
      password_hash text NOT NULL,
      role          text NOT NULL CHECK (role IN ('admin', 'registry_clerk', 'clerk', 'unit_head', 'supervisor')),
      unit_code     text REFERENCES units (code),
      failed_logins integer NOT NULL DEFAULT 0,
      locked_until  timestamptz,
      created_at    timestamptz NOT NULL DEFAULT now()
    );

    -- Only a hash of each token is stored: a stolen database dump signs nobody in.
    CREATE TABLE sessions (
      token_hash   text PRIMARY KEY,
      user_id      uuid NOT NULL REFERENCES users (id),
      client_label text NOT NULL DEFAULT '',
      created_at   timestamptz NOT NULL DEFAULT now(),
      expires_at   timestamptz NOT NULL
    );
    CREATE INDEX sessions_by_user ON sessions (user_id);

    -- One row: every committing write takes the next value under this row's lock, so version
    -- order is commit order and a pull cursor never skips a late committer.
    CREATE TABLE sync_version (
      id integer PRIMARY KEY CHECK (id = 1),
      v  bigint NOT NULL
    );
    INSERT INTO sync_version (id, v) VALUES (1, 0);

    -- Changes older than this version were compacted away: older cursors must re-bootstrap.
    CREATE TABLE sync_horizon (
      id     integer PRIMARY KEY CHECK (id = 1),
      oldest bigint NOT NULL
    );
    INSERT INTO sync_horizon (id, oldest) VALUES (1, 0);

    CREATE TABLE sync_clients (
      client_id  uuid PRIMARY KEY,
      user_id    uuid NOT NULL REFERENCES users (id),
      last_seq   bigint NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE mutation_results (
      client_id uuid NOT NULL REFERENCES sync_clients (client_id),
      seq       bigint NOT NULL,
      name      text NOT NULL,
      status    text NOT NULL CHECK (status IN ('applied', 'rejected', 'conflict')),
      error     jsonb,
      value     jsonb,
      PRIMARY KEY (client_id, seq)
    );

    -- The change log pulled by workstations. scope_unit null: every signed-in user may see it;
    -- otherwise only that unit (and roles that see everything).
    CREATE TABLE changes (
      version    bigint NOT NULL,
      entity     text NOT NULL,
      entity_id  text NOT NULL,
      op         text NOT NULL CHECK (op IN ('upsert', 'delete')),
      scope_unit text,
      data       jsonb,
      PRIMARY KEY (version, entity, entity_id)
    );

    CREATE TABLE rpw_counters (
      desk_code text NOT NULL REFERENCES desks (code),
      year      integer NOT NULL,
      next_no   integer NOT NULL,
      PRIMARY KEY (desk_code, year)
    );

    CREATE TABLE rpw_leases (
      desk_code text NOT NULL,
      year      integer NOT NULL,
      first_no  integer NOT NULL,
      last_no   integer NOT NULL,
      client_id uuid NOT NULL,
      user_id   uuid NOT NULL REFERENCES users (id),
      leased_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (desk_code, year, first_no)
    );

    -- Numbers of a leased block that ended unused: recorded, never silently skipped.
    CREATE TABLE rpw_void (
      desk_code text NOT NULL,
      year      integer NOT NULL,
      sequence  integer NOT NULL,
      voided_by uuid NOT NULL REFERENCES users (id),
      voided_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (desk_code, year, sequence)
    );

    -- Server-side secrets made on first start (e.g. the key that hashes tracking PINs).
    CREATE TABLE server_secrets (
      name  text PRIMARY KEY,
      value text NOT NULL
    );

    CREATE TABLE incoming_items (
      id            uuid PRIMARY KEY,
      rpw_number    text NOT NULL UNIQUE,
      desk_code     text NOT NULL,
      year          integer NOT NULL,
      sequence      integer NOT NULL,
      status        text NOT NULL CHECK (status IN ('registered', 'cancelled')),
      tracking_code text UNIQUE,
      tracking_pin_hash text,
      item          jsonb NOT NULL,
      registered_by uuid NOT NULL REFERENCES users (id),
      server_received_at timestamptz NOT NULL DEFAULT now(),
      cancelled_at  timestamptz,
      UNIQUE (desk_code, year, sequence)
    );
  `,
};
