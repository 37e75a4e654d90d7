import type { Migration } from './migration.ts';

/**
 * Akceptacja in steps (domain.md §3.6: one or more approval levels). A unit may have its own chain
 * of steps — its head, its parent unit's head, a named person — in `acceptance_chains` and
 * `acceptance_steps`; a unit without one keeps the default single step, its head.
 *
 * A reply sent for akceptacja takes a copy of its unit's chain then (`chain`, JSON), so a chain
 * edited meanwhile does not move the ground under a reply half way through it, and an accepted
 * reply keeps the chain it passed. `step` is where it waits, 1-based, and only while submitted.
 * Replies already waiting when this runs wait at the first step of the default chain, as before.
 */
export const migration0020AcceptanceChains: Migration = {
  version: 20,
  name: 'acceptance-chains',
  up(db) {
    db.exec(`
      CREATE TABLE acceptance_chains (
        unit_code TEXT PRIMARY KEY REFERENCES units (code),
        saved_at  TEXT NOT NULL,
        saved_by  TEXT NOT NULL
      ) STRICT;
      CREATE TABLE acceptance_steps (
        unit_code TEXT NOT NULL REFERENCES acceptance_chains (unit_code) ON DELETE CASCADE,
        position  INTEGER NOT NULL CHECK (position >= 1),
        approver  TEXT NOT NULL CHECK (approver IN ('unit_head', 'parent_head', 'person')),
        login     TEXT REFERENCES people (login),
        PRIMARY KEY (unit_code, position),
        CHECK ((approver = 'person') = (login IS NOT NULL))
      ) STRICT;

      ALTER TABLE replies ADD COLUMN chain TEXT CHECK (chain IS NULL OR (json_valid(chain) AND json_array_length(chain) >= 1));
      ALTER TABLE replies ADD COLUMN step INTEGER CHECK (step IS NULL OR step >= 1);
      UPDATE replies SET chain = '[{"approver":"unit_head"}]', step = 1 WHERE state = 'submitted';

      -- A column added later cannot carry a check across columns; these triggers hold it instead.
      CREATE TRIGGER replies_step_insert BEFORE INSERT ON replies
      WHEN (NEW.state = 'submitted') <> (NEW.step IS NOT NULL)
        OR (NEW.step IS NOT NULL AND (NEW.chain IS NULL OR NEW.step > json_array_length(NEW.chain))) BEGIN
        SELECT RAISE(ABORT, 'a reply waits at a step of its chain exactly while submitted');
      END;
      CREATE TRIGGER replies_step_update BEFORE UPDATE ON replies
      WHEN (NEW.state = 'submitted') <> (NEW.step IS NOT NULL)
        OR (NEW.step IS NOT NULL AND (NEW.chain IS NULL OR NEW.step > json_array_length(NEW.chain))) BEGIN
        SELECT RAISE(ABORT, 'a reply waits at a step of its chain exactly while submitted');
      END;
    `);
  },
};
