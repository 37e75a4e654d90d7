import type { Migration } from './migration.ts';

/**
 * Documents attached to a register entry (issue 6): each import keeps the original file and the
 * one PDF of its pages in the content-addressed store; this table holds only their SHA-256, never
 * the bytes. Rows are append-only (an original is never rewritten, so neither is its record), and
 * one file is attached to one entry once: dropping it again returns the first import.
 */
export const migration0011ItemDocuments: Migration = {
  version: 11,
  name: 'item-documents',
  up(db) {
    db.exec(`
      CREATE TABLE item_documents (
        document_no          INTEGER PRIMARY KEY,
        id                   TEXT NOT NULL UNIQUE,
        item_id              TEXT NOT NULL REFERENCES incoming_items (id),
        original_name        TEXT NOT NULL,
        original_format      TEXT NOT NULL CHECK (original_format IN ('pdf', 'tiff', 'jpeg', 'png')),
        original_media_type  TEXT NOT NULL,
        original_sha256      TEXT NOT NULL CHECK (length(original_sha256) = 64),
        original_size        INTEGER NOT NULL CHECK (original_size > 0),
        pdf_sha256           TEXT NOT NULL CHECK (length(pdf_sha256) = 64),
        pdf_size             INTEGER NOT NULL CHECK (pdf_size > 0),
        page_count           INTEGER NOT NULL CHECK (page_count >= 1),
        imported_at          TEXT NOT NULL,
        imported_by_login    TEXT NOT NULL,
        imported_by_name     TEXT NOT NULL,
        UNIQUE (item_id, original_sha256)
      ) STRICT;
      CREATE INDEX item_documents_by_pdf ON item_documents (pdf_sha256);
      CREATE INDEX item_documents_by_original ON item_documents (original_sha256);

      CREATE TRIGGER item_documents_no_update BEFORE UPDATE ON item_documents
      BEGIN SELECT RAISE(ABORT, 'item documents are append-only'); END;
      CREATE TRIGGER item_documents_no_delete BEFORE DELETE ON item_documents
      BEGIN SELECT RAISE(ABORT, 'item documents are append-only'); END;
    `);
  },
};
