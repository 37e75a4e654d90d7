import type { Migration } from './migration.ts';

/**
 * Replies drafted in a case (domain.md §3.6): a draft from a template version, edited by the
 * clerk, sent for akceptacja, returned with remarks or accepted. Accepted means czystopis: the
 * final PDF is in the content store under `final_sha256` and the row is frozen for good.
 */
export const migration0015Replies: Migration = {
  version: 15,
  name: 'replies',
  up(db) {
    db.exec(`
      CREATE TABLE replies (
        reply_no         INTEGER PRIMARY KEY,
        id               TEXT NOT NULL UNIQUE,
        case_id          TEXT NOT NULL REFERENCES cases (id),
        template_id      TEXT NOT NULL,
        template_version INTEGER NOT NULL,
        addressee        TEXT NOT NULL,
        body             TEXT NOT NULL,
        state            TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'accepted')),
        remarks          TEXT,
        drafted_by       TEXT NOT NULL,
        drafted_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        decided_by       TEXT,
        decided_at       TEXT,
        final_sha256     TEXT CHECK (final_sha256 IS NULL OR length(final_sha256) = 64),
        final_sign       TEXT,
        FOREIGN KEY (template_id, template_version) REFERENCES letter_templates (id, version),
        CHECK ((state = 'accepted') = (final_sha256 IS NOT NULL AND final_sign IS NOT NULL))
      ) STRICT;
      CREATE INDEX replies_by_case ON replies (case_id, reply_no);
      CREATE INDEX replies_by_state ON replies (state, case_id);
      CREATE TRIGGER replies_final_frozen BEFORE UPDATE ON replies WHEN OLD.state = 'accepted' BEGIN
        SELECT RAISE(ABORT, 'an accepted reply is final');
      END;
      CREATE TRIGGER replies_never_deleted BEFORE DELETE ON replies BEGIN
        SELECT RAISE(ABORT, 'replies are kept');
      END;
    `);
  },
};
