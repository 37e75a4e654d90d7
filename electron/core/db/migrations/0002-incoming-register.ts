import type { Migration } from './migration.ts';

/**
 * The incoming register (RPW) and its address book.
 *
 * - Register entries are never deleted and their numbers never change (triggers refuse it): the
 *   law treats the register as permanent; a mistaken entry is cancelled, not removed.
 * - `entry_no` (the rowid) is the local order of registration, which is the register's own order;
 *   the FTS tables share it as their rowid so search results come back newest first cheaply.
 * - Numbers come from `rpw_blocks`: today an open-ended local block per desk and year; with the
 *   central server, closed blocks leased per desk and year (issue "Central case server and sync").
 * - FTS text is folded ł→l on the way in, because unicode61's remove_diacritics does not fold ł.
 */
export const migration0002IncomingRegister: Migration = {
  version: 2,
  name: 'incoming-register',
  up(db) {
    db.exec(`
      CREATE TABLE desks (
        code       TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE rpw_blocks (
        id        INTEGER PRIMARY KEY,
        desk_code TEXT NOT NULL REFERENCES desks (code),
        year      INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2999),
        first_no  INTEGER NOT NULL CHECK (first_no >= 1),
        last_no   INTEGER CHECK (last_no IS NULL OR last_no >= first_no),
        next_no   INTEGER NOT NULL CHECK (next_no >= first_no),
        origin    TEXT NOT NULL CHECK (origin IN ('local', 'leased'))
      ) STRICT;
      CREATE INDEX rpw_blocks_by_desk_year ON rpw_blocks (desk_code, year, first_no);

      CREATE TABLE correspondents (
        correspondent_no INTEGER PRIMARY KEY,
        id          TEXT NOT NULL UNIQUE,
        kind        TEXT NOT NULL CHECK (kind IN ('person', 'institution')),
        name        TEXT NOT NULL,
        pesel       TEXT,
        nip         TEXT,
        regon       TEXT,
        krs         TEXT,
        street      TEXT,
        postal_code TEXT,
        city        TEXT,
        country     TEXT NOT NULL DEFAULT 'PL',
        email       TEXT,
        ade         TEXT,
        epuap       TEXT,
        phone       TEXT,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;

      CREATE VIRTUAL TABLE correspondents_fts USING fts5(
        name, city, ids,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER correspondents_fts_insert AFTER INSERT ON correspondents BEGIN
        INSERT INTO correspondents_fts (rowid, name, city, ids) VALUES (
          new.correspondent_no,
          replace(replace(new.name, 'ł', 'l'), 'Ł', 'L'),
          replace(replace(coalesce(new.city, ''), 'ł', 'l'), 'Ł', 'L'),
          concat_ws(' ', new.pesel, new.nip, new.regon, new.krs)
        );
      END;
      CREATE TRIGGER correspondents_fts_update AFTER UPDATE ON correspondents BEGIN
        DELETE FROM correspondents_fts WHERE rowid = old.correspondent_no;
        INSERT INTO correspondents_fts (rowid, name, city, ids) VALUES (
          new.correspondent_no,
          replace(replace(new.name, 'ł', 'l'), 'Ł', 'L'),
          replace(replace(coalesce(new.city, ''), 'ł', 'l'), 'Ł', 'L'),
          concat_ws(' ', new.pesel, new.nip, new.regon, new.krs)
        );
      END;

      CREATE TABLE incoming_items (
        entry_no          INTEGER PRIMARY KEY,
        id                TEXT NOT NULL UNIQUE,
        rpw_number        TEXT NOT NULL UNIQUE,
        desk_code         TEXT NOT NULL REFERENCES desks (code),
        year              INTEGER NOT NULL,
        sequence          INTEGER NOT NULL CHECK (sequence >= 1),
        received_at       TEXT NOT NULL,
        received_on       TEXT NOT NULL,
        channel           TEXT NOT NULL CHECK (channel IN ('post', 'in_person', 'courier', 'email', 'epuap', 'e_delivery', 'fax')),
        posted_on         TEXT,
        correspondent_id  TEXT REFERENCES correspondents (id),
        sender_name       TEXT,
        sender_address    TEXT,
        sender_reference  TEXT,
        letter_date       TEXT,
        subject           TEXT,
        attachments_count INTEGER NOT NULL CHECK (attachments_count >= 0),
        personal_delivery INTEGER NOT NULL CHECK (personal_delivery IN (0, 1)),
        access_level      TEXT NOT NULL CHECK (access_level IN ('public', 'restricted')),
        original_location TEXT,
        postal_tracking_number TEXT,
        notes             TEXT,
        status            TEXT NOT NULL CHECK (status IN ('registered', 'cancelled')),
        cancel_reason     TEXT,
        registered_at     TEXT NOT NULL,
        registered_by     TEXT NOT NULL,
        tracking_code     TEXT NOT NULL UNIQUE,
        tracking_pin      TEXT NOT NULL,
        UNIQUE (desk_code, year, sequence)
      ) STRICT;
      CREATE INDEX incoming_items_by_received_on ON incoming_items (received_on);
      CREATE INDEX incoming_items_by_correspondent ON incoming_items (correspondent_id);

      CREATE TRIGGER incoming_items_never_deleted BEFORE DELETE ON incoming_items BEGIN
        SELECT RAISE(ABORT, 'register entries are never deleted; cancel them instead');
      END;
      CREATE TRIGGER incoming_items_number_fixed
        BEFORE UPDATE OF id, rpw_number, desk_code, year, sequence, entry_no ON incoming_items BEGIN
        SELECT RAISE(ABORT, 'a register entry keeps its number');
      END;

      CREATE VIRTUAL TABLE incoming_fts USING fts5(
        rpw_number, sender, subject, reference, notes,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER incoming_fts_insert AFTER INSERT ON incoming_items BEGIN
        INSERT INTO incoming_fts (rowid, rpw_number, sender, subject, reference, notes) VALUES (
          new.entry_no,
          new.rpw_number,
          replace(replace(coalesce(new.sender_name, '') || ' ' || coalesce(new.sender_address, ''), 'ł', 'l'), 'Ł', 'L'),
          replace(replace(coalesce(new.subject, ''), 'ł', 'l'), 'Ł', 'L'),
          coalesce(new.sender_reference, '') || ' ' || coalesce(new.postal_tracking_number, ''),
          replace(replace(coalesce(new.notes, ''), 'ł', 'l'), 'Ł', 'L')
        );
      END;

      -- Metryka: who did what, when. Append-only.
      CREATE TABLE item_events (
        event_no INTEGER PRIMARY KEY,
        item_id  TEXT NOT NULL REFERENCES incoming_items (id),
        at       TEXT NOT NULL,
        actor    TEXT NOT NULL,
        kind     TEXT NOT NULL,
        details  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))
      ) STRICT;
      CREATE INDEX item_events_by_item ON item_events (item_id, event_no);
      CREATE TRIGGER item_events_append_only_update BEFORE UPDATE ON item_events BEGIN
        SELECT RAISE(ABORT, 'metryka is append-only');
      END;
      CREATE TRIGGER item_events_append_only_delete BEFORE DELETE ON item_events BEGIN
        SELECT RAISE(ABORT, 'metryka is append-only');
      END;
    `);
  },
};
