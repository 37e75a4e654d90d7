import type { Database } from 'better-sqlite3';
import { ItemDocument } from '../../../../shared/document-import.ts';
import { finishBlobTransfer, queueBlobDownload } from './blob-transfers.ts';

/**
 * Merges a pulled `item_document` change (a document attached at another desk): the row is
 * inserted once (the same id, or this very file already on the entry, changes nothing) and both
 * its files are queued for download in the same transaction. Its text is queued only once they
 * are here (`finishDownload`): the text queue never meets a document with nothing to read.
 * Returns the entry's id if added.
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
  // Inserting queued its text (migration 0013's trigger); that waits for the files.
  db.prepare('DELETE FROM document_text_jobs WHERE document_no = (SELECT document_no FROM item_documents WHERE id = ?)').run(d.id);
  // Queued even when the store may already hold the bytes (another entry's copy): the download
  // pass looks in the store first and fetches nothing then.
  queueBlobDownload(db, d.originalSha256, at);
  if (d.pdfSha256 !== d.originalSha256) queueBlobDownload(db, d.pdfSha256, at);
  return d.itemId;
}

/**
 * A downloaded file is in the content store: it leaves the queue, and every document that now has
 * all its files here gets its text queued, as a local import would. Returns their entries' ids
 * (their document lists change from "downloading" to viewable), and the cases whose reply's
 * czystopis this file is (the reply can now be opened and dispatched). Records of other kinds
 * that name downloaded files add their own step here.
 */
export function finishDownload(db: Database, sha256: string, at: string): { itemIds: string[]; caseIds: string[] } {
  return db.transaction(() => {
    finishBlobTransfer(db, sha256, 'download');
    const complete = db
      .prepare<[string, string], { document_no: number; item_id: string }>(
        `SELECT d.document_no, d.item_id FROM item_documents d
          WHERE (d.original_sha256 = ? OR d.pdf_sha256 = ?)
            AND NOT EXISTS (SELECT 1 FROM blob_transfers t WHERE t.direction = 'download' AND t.sha256 IN (d.original_sha256, d.pdf_sha256))`,
      )
      .all(sha256, sha256);
    const queueText = db.prepare("INSERT OR IGNORE INTO document_text_jobs (document_no, state, queued_at) VALUES (?, 'queued', ?)");
    for (const document of complete) queueText.run(document.document_no, at);
    const caseIds = db.prepare<[string], string>('SELECT DISTINCT case_id FROM replies WHERE final_sha256 = ?').pluck().all(sha256);
    return { itemIds: [...new Set(complete.map((d) => d.item_id))], caseIds };
  })();
}
