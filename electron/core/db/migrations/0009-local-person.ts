import type { Migration } from './migration.ts';

/**
 * Who works at a workstation that has no central server (local mode): nobody signs in there, so
 * the clerk says who they are ("Pracuję jako") and that person is remembered across restarts.
 * One row at most; with a server the signed-in person is the actor and this row is ignored.
 */
export const migration0009LocalPerson: Migration = {
  version: 9,
  name: 'local-person',
  up(db) {
    db.exec(`
      CREATE TABLE local_person (
        id        INTEGER PRIMARY KEY CHECK (id = 1),
        login     TEXT NOT NULL,
        chosen_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
