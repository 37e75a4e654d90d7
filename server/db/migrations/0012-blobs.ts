import type { ServerMigration } from './index.ts';

/**
 * Files that travel between workstations (issue 4): every blob once, under its SHA-256, as bytea
 * in the database itself (PGlite and PostgreSQL alike; one backup holds the register and its
 * scans). A row here means the bytes were checked against the hash on the way in.
 *
 * `item_documents` are the documents attached to register entries as the server knows them:
 * append-only like the workstations' table, naming their two files by hash. The server's own
 * `added_at` is the document's legal time; the workstation's `imported_at` is kept as it said.
 */
export const blobs: ServerMigration = {
  version: 12,
  name: 'blobs',
  sql: `
    CREATE TABLE blobs (
      sha256      text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      size        bigint NOT NULL CHECK (size >= 0 AND size = octet_length(bytes)),
      bytes       bytea NOT NULL,
      uploaded_by uuid NOT NULL REFERENCES users (id),
      uploaded_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE item_documents (
      id                  uuid PRIMARY KEY,
      item_id             uuid NOT NULL REFERENCES incoming_items (id),
      original_name       text NOT NULL,
      original_format     text NOT NULL CHECK (original_format IN ('pdf', 'tiff', 'jpeg', 'png')),
      original_media_type text NOT NULL,
      original_sha256     text NOT NULL REFERENCES blobs (sha256),
      original_size       bigint NOT NULL CHECK (original_size > 0),
      pdf_sha256          text NOT NULL REFERENCES blobs (sha256),
      pdf_size            bigint NOT NULL CHECK (pdf_size > 0),
      page_count          integer NOT NULL CHECK (page_count >= 1),
      imported_at         timestamptz NOT NULL,
      imported_by_login   text NOT NULL,
      imported_by_name    text NOT NULL,
      added_by            uuid NOT NULL REFERENCES users (id),
      added_at            timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX item_documents_by_item ON item_documents (item_id);
    CREATE INDEX item_documents_by_original ON item_documents (original_sha256);
    CREATE INDEX item_documents_by_pdf ON item_documents (pdf_sha256);
  `,
};
