import type { Database } from 'better-sqlite3';
import { ItemDocument } from '../../../../shared/document-import.ts';
import { queueBlobDownload } from './blob-transfers.ts';

/**
 * Merges a pulled `item_document` change (a document attached at another desk): the row is
 * inserted once (the same id, or this very file already on the entry, changes nothing) and both
 * its files are queued for download in the same transaction. Its text is read once they are here
 * (the text queue skips documents whose files are still coming). Returns the entry's id if added.
 */
export function applyRemoteDocument(db: Database, data: unknown, at: string): string | null {
  const parsed = ItemDocument.safeParse(data);
  if (!parsed.success) return null;
  const d = parsed.data;
  // A letter this desk does not have (it clashed with a local number): nothing to hang it on.
  if (db.prepare('SELECT 1 FROM incoming_items WHERE id = ?').get(d.itemId) === undefined) return null;
  const inserted = db.prepare(
    `INSERT OR IGNORE INTO item_documents (id, item_id, original_name, original_format, original_media_type, original_sha256, original_size,
       pdf_sha256, pdf_size, page_count, imported_at, imported_by_login, imported_by_name)
     VALUES (@id, @itemId, @originalName, @originalFormat, @originalMediaType, @originalSha256, @originalSize,
       @pdfSha256, @pdfSize, @pageCount, @importedAt, @importedByLogin, @importedByName)`,
  ).run(d).changes;
  if (inserted === 0) return null;
  // Queued even when the store may already hold the bytes (another entry's copy): the download
  // pass looks in the store first and fetches nothing then.
  queueBlobDownload(db, d.originalSha256, at);
  if (d.pdfSha256 !== d.originalSha256) queueBlobDownload(db, d.pdfSha256, at);
  return d.itemId;
}
