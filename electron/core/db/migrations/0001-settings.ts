import type { Migration } from './migration.ts';

/**
 * Workstation settings as key/value rows. A row per key (rather than one JSON blob) lets a later
 * migration add a setting without rewriting the others, and shows when each was last changed.
 */
export const migration0001Settings: Migration = {
  version: 1,
  name: 'settings',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key        TEXT PRIMARY KEY,
        value      TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
