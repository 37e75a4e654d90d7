import type { Migration } from './migration.ts';

/**
 * A pull cursor per person: the server hands each person only what their scope allows, so a
 * cursor advanced by a clerk of one unit would make the next person on the same PC (a registry
 * clerk who sees everything) skip rows. The old shared cursor is left unused; each person's
 * first pull starts from 0, which only re-applies what is here already.
 */
export const migration0008CursorPerPerson: Migration = {
  version: 8,
  name: 'cursor-per-person',
  up(db) {
    db.exec(`
      CREATE TABLE sync_cursors (
        login  TEXT PRIMARY KEY,
        cursor INTEGER NOT NULL DEFAULT 0 CHECK (cursor >= 0)
      ) STRICT;
    `);
  },
};
