import type { Migration } from './migration.ts';

/**
 * RKW numbers from blocks, like RPW numbers (DESIGN.md "Numbering"): with a central server, two
 * PCs at one desk used to number their outgoing letters each from its own register and could
 * issue the same number; now each draws from blocks the server leased it.
 * - `rkw_blocks`: as `rpw_blocks` (migrations 2 and 10), with no foreign key to `desks`: a unit
 *   without a desk numbers the letters it sends under its unit code.
 * - `rkw_void_numbers`: RKW numbers of a leased block that ended unused, recorded, not skipped.
 * - The register written so far keeps every entry; each desk and year gets a local block that
 *   continues after its highest number, as numbering did before.
 */
export const migration0023RkwBlocks: Migration = {
  version: 23,
  name: 'rkw-blocks',
  up(db) {
    db.exec(`
      CREATE TABLE rkw_blocks (
        id        INTEGER PRIMARY KEY,
        desk_code TEXT NOT NULL CHECK (desk_code <> ''),
        year      INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2999),
        first_no  INTEGER NOT NULL CHECK (first_no >= 1),
        last_no   INTEGER CHECK (last_no IS NULL OR last_no >= first_no),
        next_no   INTEGER NOT NULL CHECK (next_no >= first_no),
        origin    TEXT NOT NULL CHECK (origin IN ('local', 'leased')),
        client_id TEXT REFERENCES sync_clients (client_id) ON DELETE SET NULL
      ) STRICT;
      CREATE INDEX rkw_blocks_by_desk_year ON rkw_blocks (desk_code, year, first_no);

      CREATE TABLE rkw_void_numbers (
        desk_code TEXT NOT NULL,
        year      INTEGER NOT NULL,
        sequence  INTEGER NOT NULL,
        voided_at TEXT NOT NULL,
        PRIMARY KEY (desk_code, year, sequence)
      ) STRICT;

      INSERT INTO rkw_blocks (desk_code, year, first_no, last_no, next_no, origin)
        SELECT desk_code, year, min(sequence), NULL, max(sequence) + 1, 'local' FROM outgoing_letters GROUP BY desk_code, year;
    `);
  },
};
