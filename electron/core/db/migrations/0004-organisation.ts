import type { Migration } from './migration.ts';

/**
 * The organisation: units in one tree (urząd → wydziały → referaty; jednostki organizacyjne →
 * działy), people with their post and roles, and zastępstwa. Replaced as a whole on import (or,
 * with a server, from its copy); people are never deleted, only marked inactive, because the
 * metryka and the registers keep pointing at them.
 */
export const migration0004Organisation: Migration = {
  version: 4,
  name: 'organisation',
  up(db) {
    db.exec(`
      CREATE TABLE units (
        code        TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('office', 'department', 'municipal_unit', 'section')),
        parent_code TEXT REFERENCES units (code) DEFERRABLE INITIALLY DEFERRED,
        position    INTEGER NOT NULL,
        active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT;
      CREATE INDEX units_by_parent ON units (parent_code, position);

      CREATE TABLE people (
        login        TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        post         TEXT NOT NULL,
        unit_code    TEXT NOT NULL REFERENCES units (code) DEFERRABLE INITIALLY DEFERRED,
        active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT;
      CREATE INDEX people_by_unit ON people (unit_code);

      CREATE TABLE person_roles (
        login TEXT NOT NULL REFERENCES people (login) ON DELETE CASCADE,
        role  TEXT NOT NULL CHECK (role IN ('admin', 'registry_clerk', 'clerk', 'unit_head', 'supervisor')),
        PRIMARY KEY (login, role)
      ) STRICT;

      CREATE TABLE substitutions (
        absent_login     TEXT NOT NULL REFERENCES people (login),
        substitute_login TEXT NOT NULL REFERENCES people (login),
        from_date        TEXT NOT NULL,
        to_date          TEXT NOT NULL CHECK (to_date >= from_date),
        PRIMARY KEY (absent_login, from_date, substitute_login)
      ) STRICT;

      ALTER TABLE desks ADD COLUMN unit_code TEXT REFERENCES units (code);
    `);
  },
};
