import type { Migration } from './migration.ts';

/**
 * Letter templates per unit, versioned: saving adds a version and never changes an old one, so a
 * reply always shows which text it was drafted from. Their text was checked when saved.
 */
export const migration0014LetterTemplates: Migration = {
  version: 14,
  name: 'letter-templates',
  up(db) {
    db.exec(`
      CREATE TABLE letter_templates (
        template_no INTEGER PRIMARY KEY,
        id          TEXT NOT NULL,
        version     INTEGER NOT NULL CHECK (version >= 1),
        unit_code   TEXT NOT NULL REFERENCES units (code),
        name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
        place       TEXT NOT NULL CHECK (length(trim(place)) > 0),
        letterhead  TEXT NOT NULL,
        body        TEXT NOT NULL CHECK (length(trim(body)) > 0),
        signature   TEXT NOT NULL,
        saved_at    TEXT NOT NULL,
        saved_by    TEXT NOT NULL,
        UNIQUE (id, version)
      ) STRICT;
      CREATE INDEX letter_templates_by_unit ON letter_templates (unit_code, id, version);
      CREATE TRIGGER letter_templates_versions_kept_update BEFORE UPDATE ON letter_templates BEGIN
        SELECT RAISE(ABORT, 'template versions are kept as saved');
      END;
      CREATE TRIGGER letter_templates_versions_kept_delete BEFORE DELETE ON letter_templates BEGIN
        SELECT RAISE(ABORT, 'template versions are kept as saved');
      END;
    `);
  },
};
