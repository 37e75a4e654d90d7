import type { Migration } from './migration.ts';

/**
 * The words of attached documents (issue 6), for full-text search:
 * - document_text_jobs: one row per document, its place in the text queue (oldest document_no
 *   first) and how reading it ended. Importing a document queues it in the same transaction (a
 *   trigger), so no document is ever left unread by a crash between the two; documents imported
 *   before this version are queued here too. A 'running' row found at start was cut short by a
 *   restart and is taken up again, keeping the pages already read.
 * - document_pages: a page's text and where it came from (the PDF's text layer or OCR).
 * - document_pages_fts: the search index. unicode61 with remove_diacritics folds ą ć ę ń ó ś ź ż
 *   but not ł, so ł→l is folded on the way in (as for the register, migration 0002); the fold
 *   keeps every character in place, which lets search show snippets of the unfolded text.
 *   Prefix indexes serve the "word*" queries every search term becomes.
 */
export const migration0013DocumentText: Migration = {
  version: 13,
  name: 'document-text',
  up(db) {
    db.exec(`
      CREATE TABLE document_text_jobs (
        document_no  INTEGER PRIMARY KEY REFERENCES item_documents (document_no),
        state        TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
        reason       TEXT,
        queued_at    TEXT NOT NULL,
        started_at   TEXT,
        finished_at  TEXT,
        CHECK ((state = 'failed') = (reason IS NOT NULL))
      ) STRICT;
      CREATE INDEX document_text_jobs_waiting ON document_text_jobs (state, document_no);

      CREATE TABLE document_pages (
        page_no      INTEGER PRIMARY KEY,
        document_no  INTEGER NOT NULL REFERENCES item_documents (document_no),
        page         INTEGER NOT NULL CHECK (page >= 1),
        source       TEXT NOT NULL CHECK (source IN ('text_layer', 'ocr')),
        text         TEXT NOT NULL,
        UNIQUE (document_no, page)
      ) STRICT;

      CREATE VIRTUAL TABLE document_pages_fts USING fts5(
        text,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );
      CREATE TRIGGER document_pages_fts_insert AFTER INSERT ON document_pages BEGIN
        INSERT INTO document_pages_fts (rowid, text) VALUES (new.page_no, replace(replace(new.text, 'ł', 'l'), 'Ł', 'L'));
      END;
      CREATE TRIGGER document_pages_fts_delete AFTER DELETE ON document_pages BEGIN
        DELETE FROM document_pages_fts WHERE rowid = old.page_no;
      END;
      CREATE TRIGGER document_pages_text_fixed BEFORE UPDATE ON document_pages BEGIN
        SELECT RAISE(ABORT, 'a page''s text is replaced by deleting and inserting it');
      END;

      CREATE TRIGGER item_documents_queue_text AFTER INSERT ON item_documents BEGIN
        INSERT INTO document_text_jobs (document_no, state, queued_at) VALUES (new.document_no, 'queued', new.imported_at);
      END;
      INSERT INTO document_text_jobs (document_no, state, queued_at)
        SELECT document_no, 'queued', imported_at FROM item_documents ORDER BY document_no;
    `);
  },
};
