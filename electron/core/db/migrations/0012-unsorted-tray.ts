import type { Migration } from './migration.ts';

/**
 * Scanned batches and the "do rozdzielenia" tray (issue 6, point 5). A batch is one scanned file
 * of many letters; its original stays in the content store, named here by SHA-256. Each part the
 * batch was split into is a row of scan_batch_parts with its own PDF: a part attached to a
 * register entry names the item_documents row it became; a part without one is in the tray, with
 * the reason (an i18n key) until a clerk assigns it. Nothing here is ever deleted, and a part's
 * only change is that single assignment — pages are never lost.
 */
export const migration0012UnsortedTray: Migration = {
  version: 12,
  name: 'unsorted-tray',
  up(db) {
    db.exec(`
      CREATE TABLE scan_batches (
        batch_no            INTEGER PRIMARY KEY,
        id                  TEXT NOT NULL UNIQUE,
        source_name         TEXT NOT NULL,
        source              TEXT NOT NULL CHECK (source IN ('picker', 'hotFolder', 'scanner')),
        original_format     TEXT NOT NULL CHECK (original_format IN ('pdf', 'tiff', 'jpeg', 'png')),
        original_sha256     TEXT NOT NULL UNIQUE CHECK (length(original_sha256) = 64),
        original_size       INTEGER NOT NULL CHECK (original_size > 0),
        page_count          INTEGER NOT NULL CHECK (page_count >= 1),
        separators_dropped  INTEGER NOT NULL CHECK (separators_dropped >= 0),
        imported_at         TEXT NOT NULL,
        imported_by_login   TEXT NOT NULL,
        imported_by_name    TEXT NOT NULL
      ) STRICT;

      CREATE TABLE scan_batch_parts (
        part_no             INTEGER PRIMARY KEY,
        id                  TEXT NOT NULL UNIQUE,
        batch_id            TEXT NOT NULL REFERENCES scan_batches (id),
        -- 1-based page numbers of the batch, as a JSON array, in order.
        pages               TEXT NOT NULL CHECK (json_valid(pages) AND json_array_length(pages) >= 1),
        page_count          INTEGER NOT NULL CHECK (page_count >= 1),
        pdf_sha256          TEXT NOT NULL CHECK (length(pdf_sha256) = 64),
        pdf_size            INTEGER NOT NULL CHECK (pdf_size > 0),
        -- What the label read, if there was one.
        label               TEXT,
        -- Why the part went to the tray; NULL when it was attached on import.
        tray_reason         TEXT CHECK (tray_reason IN ('tray.reason.noLabel', 'tray.reason.unknownEntry', 'tray.reason.cancelledEntry', 'tray.reason.unreadableLabel')),
        document_id         TEXT REFERENCES item_documents (id),
        created_at          TEXT NOT NULL,
        assigned_at         TEXT,
        assigned_by_login   TEXT,
        assigned_by_name    TEXT,
        CHECK (tray_reason IS NOT NULL OR document_id IS NOT NULL),
        CHECK ((assigned_at IS NULL) = (assigned_by_login IS NULL))
      ) STRICT;
      CREATE INDEX scan_batch_parts_by_batch ON scan_batch_parts (batch_id);
      CREATE INDEX scan_batch_parts_in_tray ON scan_batch_parts (part_no) WHERE document_id IS NULL;
      CREATE INDEX scan_batch_parts_by_pdf ON scan_batch_parts (pdf_sha256);

      CREATE TRIGGER scan_batches_no_update BEFORE UPDATE ON scan_batches
      BEGIN SELECT RAISE(ABORT, 'scan batches are append-only'); END;
      CREATE TRIGGER scan_batches_no_delete BEFORE DELETE ON scan_batches
      BEGIN SELECT RAISE(ABORT, 'scan batches are append-only'); END;
      CREATE TRIGGER scan_batch_parts_no_delete BEFORE DELETE ON scan_batch_parts
      BEGIN SELECT RAISE(ABORT, 'pages of a scanned batch are never deleted'); END;
      -- The one change a part may see: a tray part assigned to an entry by a clerk.
      CREATE TRIGGER scan_batch_parts_assign_only BEFORE UPDATE ON scan_batch_parts
      WHEN old.document_id IS NOT NULL OR new.document_id IS NULL
        OR new.id IS NOT old.id OR new.batch_id IS NOT old.batch_id OR new.pages IS NOT old.pages
        OR new.page_count IS NOT old.page_count OR new.pdf_sha256 IS NOT old.pdf_sha256 OR new.pdf_size IS NOT old.pdf_size
        OR new.label IS NOT old.label OR new.tray_reason IS NOT old.tray_reason OR new.created_at IS NOT old.created_at
        OR new.assigned_at IS NULL
      BEGIN SELECT RAISE(ABORT, 'a tray part can only be assigned, once'); END;
    `);
  },
};
