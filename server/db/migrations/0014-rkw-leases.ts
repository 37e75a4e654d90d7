import type { ServerMigration } from './index.ts';

/**
 * RKW numbers leased like RPW numbers (DESIGN.md "Numbering"): two PCs at one desk used to number
 * their outgoing letters each from its own SQLite, and could issue the same number.
 * - `rkw_counters`, `rkw_leases`, `rkw_void`: as the RPW tables of migration 1. No foreign key to
 *   `desks`: a unit that sends its own letters numbers them under its unit code.
 * - `outgoing_letters` gets the number's parts, unique per desk and year, so the register never
 *   holds a number twice. Letters sent before this keep their text number; its parts are filled
 *   in, except for a number already there twice (the bug this closes), whose later letters keep
 *   none: nothing is lost, and the index still forbids any new repeat.
 * - Each counter starts after the highest number the server already holds, so no leased block
 *   overlaps a letter sent before leasing.
 */
export const rkwLeases: ServerMigration = {
  version: 14,
  name: 'rkw-leases',
  sql: `
    CREATE TABLE rkw_counters (
      desk_code text NOT NULL,
      year      integer NOT NULL,
      next_no   integer NOT NULL,
      PRIMARY KEY (desk_code, year)
    );

    CREATE TABLE rkw_leases (
      desk_code text NOT NULL,
      year      integer NOT NULL,
      first_no  integer NOT NULL,
      last_no   integer NOT NULL,
      client_id uuid NOT NULL,
      user_id   uuid NOT NULL REFERENCES users (id),
      leased_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (desk_code, year, first_no)
    );

    CREATE TABLE rkw_void (
      desk_code text NOT NULL,
      year      integer NOT NULL,
      sequence  integer NOT NULL,
      voided_by uuid NOT NULL REFERENCES users (id),
      voided_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (desk_code, year, sequence)
    );

    ALTER TABLE outgoing_letters ADD COLUMN desk_code text, ADD COLUMN year integer, ADD COLUMN sequence integer;

    WITH parsed AS (
      SELECT id, m[1] AS desk_code, m[3]::integer AS year, m[2]::integer AS sequence,
             row_number() OVER (PARTITION BY rkw_number ORDER BY sent_on, id) AS nth
        FROM (SELECT id, rkw_number, sent_on, regexp_match(rkw_number, '^RKW/(.+)/([1-9][0-9]{0,8})/([0-9]{4})$') AS m FROM outgoing_letters) numbers
       WHERE m IS NOT NULL
    )
    UPDATE outgoing_letters o SET desk_code = p.desk_code, year = p.year, sequence = p.sequence
      FROM parsed p WHERE p.id = o.id AND p.nth = 1;

    CREATE UNIQUE INDEX outgoing_letters_rkw ON outgoing_letters (desk_code, year, sequence);

    INSERT INTO rkw_counters (desk_code, year, next_no)
      SELECT desk_code, year, max(sequence) + 1 FROM outgoing_letters WHERE desk_code IS NOT NULL GROUP BY desk_code, year;
  `,
};
