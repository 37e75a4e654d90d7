import type { Database } from 'better-sqlite3';
import type { ImportFormat } from '../../../../shared/document-import.ts';
import type { DocumentSearchHit, DocumentTextStatus, PageTextSource, SnippetPart, TextQueueProgress, TextState } from '../../../../shared/document-text.ts';
import { foldForSearch, toFtsQuery } from '../fts-query.ts';

/** The text queue and the words of attached documents (migration 0013). */

/** What the text worker needs to read one document; `pagesDone` were read before a restart. */
export interface TextJob {
  readonly documentId: string;
  readonly itemId: string;
  readonly originalFormat: ImportFormat;
  readonly originalSha256: string;
  readonly pdfSha256: string;
  readonly pageCount: number;
  readonly pagesDone: readonly number[];
}

/** A restart cut short whatever was being read: it goes back to the queue in its old place. */
export function resumeTextJobs(db: Database): number {
  return db.prepare("UPDATE document_text_jobs SET state = 'queued', started_at = NULL WHERE state = 'running'").run().changes;
}

/** Takes the oldest waiting document off the queue and marks it running. */
export function takeTextJob(db: Database, at: string): TextJob | null {
  return db.transaction(() => {
    const row = db.prepare<[], { document_no: number; id: string; item_id: string; original_format: ImportFormat; original_sha256: string; pdf_sha256: string; page_count: number }>(
      `SELECT d.document_no, d.id, d.item_id, d.original_format, d.original_sha256, d.pdf_sha256, d.page_count
         FROM document_text_jobs j JOIN item_documents d ON d.document_no = j.document_no
        WHERE j.state = 'queued' ORDER BY j.document_no LIMIT 1`,
    ).get();
    if (!row) return null;
    db.prepare("UPDATE document_text_jobs SET state = 'running', started_at = ? WHERE document_no = ?").run(at, row.document_no);
    const pagesDone = db.prepare<[number], number>('SELECT page FROM document_pages WHERE document_no = ? ORDER BY page').pluck().all(row.document_no);
    return {
      documentId: row.id, itemId: row.item_id, originalFormat: row.original_format, originalSha256: row.original_sha256,
      pdfSha256: row.pdf_sha256, pageCount: row.page_count, pagesDone,
    };
  })();
}

/** Stores one page's words (replacing what an earlier reading of the page left). */
export function savePageText(db: Database, documentId: string, page: number, source: PageTextSource, text: string): void {
  db.transaction(() => {
    const documentNo = documentNoOf(db, documentId);
    db.prepare('DELETE FROM document_pages WHERE document_no = ? AND page = ?').run(documentNo, page);
    db.prepare('INSERT INTO document_pages (document_no, page, source, text) VALUES (?, ?, ?, ?)').run(documentNo, page, source, cleanPageText(text));
  })();
}

/** Ends a document's reading: done, or failed with the reason (pages read so far stay searchable). */
export function finishTextJob(db: Database, documentId: string, at: string, failure: string | null): void {
  const state: TextState = failure === null ? 'done' : 'failed';
  db.prepare('UPDATE document_text_jobs SET state = ?, reason = ?, finished_at = ? WHERE document_no = ?').run(state, failure, at, documentNoOf(db, documentId));
}

/** Documents waiting or being read, and how many of their pages have text already. */
export function textQueueProgress(db: Database): Omit<TextQueueProgress, 'currentDocumentId' | 'currentPagePercent'> {
  const row = db.prepare<[], { documents: number; total: number | null; done: number | null }>(
    `SELECT count(*) AS documents, sum(d.page_count) AS total,
            sum((SELECT count(*) FROM document_pages p WHERE p.document_no = j.document_no)) AS done
       FROM document_text_jobs j JOIN item_documents d ON d.document_no = j.document_no
      WHERE j.state IN ('queued', 'running')`,
  ).get();
  return { documentsWaiting: row?.documents ?? 0, pagesTotal: row?.total ?? 0, pagesDone: row?.done ?? 0 };
}

/** Reading state of one entry's documents, or (no entry given) of every unfinished or failed one. */
export function documentTextStatus(db: Database, itemId: string | null): DocumentTextStatus[] {
  const filter = itemId === null ? "j.state <> 'done'" : 'd.item_id = ?';
  const rows = db.prepare<string[], { id: string; state: TextState; reason: string | null; done: number; page_count: number }>(
    `SELECT d.id, j.state, j.reason, d.page_count,
            (SELECT count(*) FROM document_pages p WHERE p.document_no = j.document_no) AS done
       FROM document_text_jobs j JOIN item_documents d ON d.document_no = j.document_no
      WHERE ${filter} ORDER BY j.document_no LIMIT 500`,
  ).all(...(itemId === null ? [] : [itemId]));
  return rows.map((r) => ({ documentId: r.id, state: r.state, reason: r.reason, pagesDone: r.done, pageCount: r.page_count }));
}

// Private-use characters cannot occur in page text we store (see cleanPageText): they mark the
// match and the cut-off ends in FTS5's snippet() so the snippet can be mapped back.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const CUT = '\uE002';
const SNIPPET_TOKENS = 16;

/**
 * Pages whose words match what the clerk typed (every word as a prefix, diacritics optional),
 * best match first, each with its register entry and a snippet around the match.
 */
export function searchDocumentText(db: Database, args: { text: string; limit: number }): DocumentSearchHit[] {
  const match = toFtsQuery(args.text);
  if (match === null) return [];
  const rows = db.prepare<[string, number], {
    item_id: string; rpw_number: string; subject: string | null; document_id: string; original_name: string;
    page: number; source: PageTextSource; text: string; snippet: string;
  }>(
    `SELECT i.id AS item_id, i.rpw_number, i.subject, d.id AS document_id, d.original_name, p.page, p.source, p.text,
            snippet(document_pages_fts, 0, '${OPEN}', '${CLOSE}', '${CUT}', ${SNIPPET_TOKENS}) AS snippet
       FROM document_pages_fts f
       CROSS JOIN document_pages p ON p.page_no = f.rowid
       JOIN item_documents d ON d.document_no = p.document_no
       JOIN incoming_items i ON i.id = d.item_id
      WHERE document_pages_fts MATCH ? ORDER BY f.rank LIMIT ?`,
  ).all(match, args.limit);
  return rows.map((r) => ({
    itemId: r.item_id, rpwNumber: r.rpw_number, subject: r.subject, documentId: r.document_id, documentName: r.original_name,
    page: r.page, source: r.source, snippet: unfoldSnippet(r.snippet, r.text),
  }));
}

/**
 * FTS5 cuts its snippet from the indexed (ł→l folded) text. The fold keeps every character in
 * place, so the snippet is found in the folded page and its characters are taken from the page
 * as stored: the clerk reads "łódź", not "lódź".
 */
export function unfoldSnippet(snippet: string, original: string): SnippetPart[] {
  const plain = snippet.replaceAll(OPEN, '').replaceAll(CLOSE, '').replaceAll(CUT, '');
  const at = foldForSearch(original).indexOf(plain);
  const source = at < 0 ? plain : original.slice(at, at + plain.length);
  const parts: SnippetPart[] = [];
  let current = '';
  let match = false;
  let index = 0;
  const flush = (): void => {
    if (current !== '') parts.push({ text: current, match });
    current = '';
  };
  for (const char of snippet) {
    if (char === OPEN || char === CLOSE) {
      flush();
      match = char === OPEN;
    } else if (char === CUT) {
      current += '…';
    } else {
      current += source.slice(index, index + char.length);
      index += char.length;
    }
  }
  flush();
  return parts;
}

/** Page text as stored: no private-use characters (they are snippet markers), spaces tidied. */
export function cleanPageText(text: string): string {
  return text.replace(/[\uE000-\uF8FF]/gu, ' ').replace(/[ \t]+\n/gu, '\n').replace(/\n{3,}/gu, '\n\n').trim();
}

function documentNoOf(db: Database, documentId: string): number {
  const no = db.prepare<[string], number>('SELECT document_no FROM item_documents WHERE id = ?').pluck().get(documentId);
  if (no === undefined) throw new Error(`No document ${documentId}`);
  return no;
}
