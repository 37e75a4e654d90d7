import type { Migration } from './migration.ts';

/**
 * JRWA per organisation (the urząd, each municipal unit), versioned: a new list takes effect on
 * a date and the old one stays, because cases opened under it keep their class. Local additions
 * (art. 6 ust. 2d of the regulation) are classes marked as such in the version in force.
 */
export const migration0005Jrwa: Migration = {
  version: 5,
  name: 'jrwa',
  up(db) {
    db.exec(`
      CREATE TABLE jrwa_versions (
        version_id  INTEGER PRIMARY KEY,
        owner_code  TEXT NOT NULL REFERENCES units (code),
        name        TEXT NOT NULL,
        valid_from  TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        UNIQUE (owner_code, valid_from)
      ) STRICT;

      CREATE TABLE jrwa_classes (
        version_id     INTEGER NOT NULL REFERENCES jrwa_versions (version_id),
        symbol         TEXT NOT NULL CHECK (length(symbol) BETWEEN 1 AND 4),
        heading        TEXT NOT NULL,
        category       TEXT,
        category_other TEXT,
        notes          TEXT,
        local_addition INTEGER NOT NULL DEFAULT 0 CHECK (local_addition IN (0, 1)),
        PRIMARY KEY (version_id, symbol)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
