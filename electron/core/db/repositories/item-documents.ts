import type { Database } from 'better-sqlite3';
import type { ImportFormat, ItemDocument } from '../../../../shared/document-import.ts';
import { queueBlobUpload } from './blob-transfers.ts';
import { enqueueCommand } from './outbox.ts';
import { Refusal } from './refusal.ts';

/** The documents attached to register entries; the files themselves are in the content store. */

interface Row {
  id: string;
  item_id: string;
  original_name: string;
  original_format: ImportFormat;
  original_media_type: string;
  original_sha256: string;
  original_size: number;
  pdf_sha256: string;
  pdf_size: number;
  page_count: number;
  imported_at: string;
  imported_by_login: string;
  imported_by_name: string;
}

const COLUMNS = `id, item_id, original_name, original_format, original_media_type, original_sha256, original_size,
  pdf_sha256, pdf_size, page_count, imported_at, imported_by_login, imported_by_name`;

export function itemExists(db: Database, itemId: string): boolean {
  return db.prepare<[string], number>('SELECT 1 FROM incoming_items WHERE id = ?').pluck().get(itemId) !== undefined;
}

/** The document this very file already makes on the entry, if it was imported there before. */
export function itemDocumentByOriginal(db: Database, itemId: string, originalSha256: string): ItemDocument | null {
  const row = db.prepare<[string, string], Row>(`SELECT ${COLUMNS} FROM item_documents WHERE item_id = ? AND original_sha256 = ?`).get(itemId, originalSha256);
  return row ? toDocument(row) : null;
}

/**
 * Records an import whose files are already in the store. A second import of the same file onto
 * the same entry (two clerks, a double drop) returns the first one instead of a second row.
 * `outbox`: with a central server, the signed-in login; the document then travels to the other
 * desks (issue 4): both files are queued for upload and `documents.attach` enters that person's
 * outbox, in this same transaction.
 */
export function addItemDocument(db: Database, document: ItemDocument, outbox: string | null = null): { document: ItemDocument; duplicate: boolean } {
  return db.transaction(() => {
    if (!itemExists(db, document.itemId)) throw new Refusal('errors.not_found');
    const earlier = itemDocumentByOriginal(db, document.itemId, document.originalSha256);
    if (earlier) return { document: earlier, duplicate: true };
    db.prepare(`INSERT INTO item_documents (${COLUMNS}) VALUES (
      @id, @itemId, @originalName, @originalFormat, @originalMediaType, @originalSha256, @originalSize,
      @pdfSha256, @pdfSize, @pageCount, @importedAt, @importedByLogin, @importedByName)`).run(document);
    if (outbox !== null) shareDocument(db, document, outbox);
    return { document, duplicate: false };
  })();
}

/** Queues a document's files for upload and its `documents.attach` for the server (inside the document's transaction). */
function shareDocument(db: Database, d: ItemDocument, login: string): void {
  queueBlobUpload(db, d.originalSha256, d.importedAt);
  queueBlobUpload(db, d.pdfSha256, d.importedAt);
  enqueueCommand(db, login, 'documents.attach', {
    document: {
      id: d.id, itemId: d.itemId, originalName: d.originalName, originalFormat: d.originalFormat, originalMediaType: d.originalMediaType,
      originalSha256: d.originalSha256, originalSize: d.originalSize, pdfSha256: d.pdfSha256, pdfSize: d.pdfSize, pageCount: d.pageCount,
      importedAt: d.importedAt,
    },
  }, d.importedAt);
}

/** An entry's documents in the order they were imported. */
export function itemDocuments(db: Database, itemId: string): ItemDocument[] {
  return db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM item_documents WHERE item_id = ? ORDER BY document_no`).all(itemId).map(toDocument);
}

/** Whether any document names this file, as its original or its PDF (the store keeps those). */
export function storedFileInUse(db: Database, sha256: string): boolean {
  return db.prepare<[string, string], number>('SELECT 1 FROM item_documents WHERE original_sha256 = ? OR pdf_sha256 = ? LIMIT 1').pluck().get(sha256, sha256) !== undefined;
}

function toDocument(row: Row): ItemDocument {
  return {
    id: row.id,
    itemId: row.item_id,
    originalName: row.original_name,
    originalFormat: row.original_format,
    originalMediaType: row.original_media_type,
    originalSha256: row.original_sha256,
    originalSize: row.original_size,
    pdfSha256: row.pdf_sha256,
    pdfSize: row.pdf_size,
    pageCount: row.page_count,
    importedAt: row.imported_at,
    importedByLogin: row.imported_by_login,
    importedByName: row.imported_by_name,
  };
}
