import type { Migration } from './migration.ts';

/**
 * The outgoing register (RKW, domain.md §3.2): one row per letter sent, numbered per desk and
 * year without gaps. What was sent, to whom, how and when never changes once written; delivery
 * (date and kind) or the letter coming back is recorded once, later, and then stays.
 */
export const migration0016OutgoingRegister: Migration = {
  version: 16,
  name: 'outgoing-register',
  up(db) {
    db.exec(`
      CREATE TABLE outgoing_letters (
        letter_no       INTEGER PRIMARY KEY,
        id              TEXT NOT NULL UNIQUE,
        desk_code       TEXT NOT NULL CHECK (desk_code <> ''),
        year            INTEGER NOT NULL,
        sequence        INTEGER NOT NULL CHECK (sequence > 0),
        case_id         TEXT REFERENCES cases (id),
        reply_id        TEXT REFERENCES replies (id),
        subject         TEXT NOT NULL,
        addressee_name  TEXT NOT NULL CHECK (addressee_name <> ''),
        address_lines   TEXT NOT NULL,
        channel         TEXT NOT NULL CHECK (channel IN ('registered_zpo', 'registered', 'ordinary', 'e_doreczenia', 'epuap', 'in_person', 'email')),
        postage_grosze  INTEGER CHECK (postage_grosze IS NULL OR postage_grosze >= 0),
        mass_grams      INTEGER CHECK (mass_grams IS NULL OR mass_grams > 0),
        tracking_number TEXT,
        sent_on         TEXT NOT NULL,
        registered_by   TEXT NOT NULL,
        registered_at   TEXT NOT NULL,
        delivered_on    TEXT,
        delivery_kind   TEXT CHECK (delivery_kind IN ('signed', 'awizo_fiction', 'electronic_proof')),
        returned_on     TEXT,
        return_reason   TEXT,
        outcome_by      TEXT,
        outcome_at      TEXT,
        UNIQUE (desk_code, year, sequence),
        CHECK ((delivered_on IS NULL) = (delivery_kind IS NULL)),
        CHECK ((returned_on IS NULL) = (return_reason IS NULL)),
        CHECK (delivered_on IS NULL OR returned_on IS NULL),
        CHECK (delivered_on IS NULL OR delivered_on >= sent_on),
        CHECK (returned_on IS NULL OR returned_on >= sent_on)
      ) STRICT;
      CREATE INDEX outgoing_by_day ON outgoing_letters (sent_on, desk_code);
      CREATE INDEX outgoing_by_case ON outgoing_letters (case_id) WHERE case_id IS NOT NULL;
      CREATE INDEX outgoing_by_reply ON outgoing_letters (reply_id) WHERE reply_id IS NOT NULL;
      -- The register entry itself is fixed; only the tracking number (often known after posting)
      -- may be added, and delivery or return recorded once.
      CREATE TRIGGER outgoing_entry_fixed BEFORE UPDATE OF id, desk_code, year, sequence, case_id, reply_id, subject,
          addressee_name, address_lines, channel, postage_grosze, mass_grams, sent_on, registered_by, registered_at ON outgoing_letters BEGIN
        SELECT RAISE(ABORT, 'an outgoing register entry is fixed');
      END;
      CREATE TRIGGER outgoing_outcome_once BEFORE UPDATE OF delivered_on, delivery_kind, returned_on, return_reason ON outgoing_letters
        WHEN OLD.delivered_on IS NOT NULL OR OLD.returned_on IS NOT NULL BEGIN
        SELECT RAISE(ABORT, 'delivery is recorded once');
      END;
      CREATE TRIGGER outgoing_never_deleted BEFORE DELETE ON outgoing_letters BEGIN
        SELECT RAISE(ABORT, 'the outgoing register is kept');
      END;
    `);
  },
};
