import type { ServerMigration } from './index.ts';

/**
 * Case signs numbered by the server per (unit, JRWA class, year), so two workstations that open
 * cases offline never give the same znak sprawy: theirs stay provisional until this numbers them.
 */
export const cases: ServerMigration = {
  version: 3,
  name: 'cases',
  sql: `
    CREATE TABLE case_sign_counters (
      unit_code   text NOT NULL REFERENCES units (code),
      jrwa_symbol text NOT NULL,
      year        integer NOT NULL,
      last_no     integer NOT NULL,
      PRIMARY KEY (unit_code, jrwa_symbol, year)
    );

    CREATE TABLE cases (
      id          uuid PRIMARY KEY,
      unit_code   text NOT NULL REFERENCES units (code),
      jrwa_symbol text NOT NULL,
      year        integer NOT NULL,
      number      integer NOT NULL,
      sign        text NOT NULL UNIQUE,
      title       text NOT NULL,
      matter_type text NOT NULL,
      started_on  date NOT NULL,
      status      text NOT NULL CHECK (status IN ('open', 'closed')),
      opened_by   uuid NOT NULL REFERENCES users (id),
      opened_at   timestamptz NOT NULL DEFAULT now(),
      UNIQUE (unit_code, jrwa_symbol, year, number)
    );
  `,
};
