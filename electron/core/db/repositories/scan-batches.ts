import type { Database } from 'better-sqlite3';
import type { ImportFormat, ItemDocument } from '../../../../shared/document-import.ts';
import type { BatchSource, BatchSummary, TrayAssignResult, TrayPart, TrayReason } from '../../../../shared/scan-batch.ts';
import { labelText, routePart, type EntryLookup, type PartLabel } from '../../documents/barcodes/split-batch.ts';
import { addItemDocument } from './item-documents.ts';
import { Refusal } from './refusal.ts';

/**
 * Scanned batches, their parts and the "do rozdzielenia" tray. A batch is recorded in one
 * transaction — the batch, every part, and the documents of the parts that go to an entry — so a
 * failure leaves no half of it behind. Whether a label names a live entry is decided inside that
 * same transaction.
 */

export interface Actor {
  readonly login: string;
  readonly name: string;
}

export interface BatchRecord {
  readonly id: string;
  readonly sourceName: string;
  readonly source: BatchSource;
  readonly originalFormat: ImportFormat;
  readonly originalSha256: string;
  readonly originalSize: number;
  readonly pageCount: number;
  readonly separatorsDropped: number;
  readonly importedAt: string;
  readonly actor: Actor;
  /** With a central server, the signed-in login: documents made for entries travel (issue 4). */
  readonly outbox?: string | null;
  readonly parts: readonly {
    readonly id: string;
    /** Used when the part becomes a document of an entry. */
    readonly documentId: string;
    /** 1-based page numbers of the batch. */
    readonly pages: readonly number[];
    readonly pdfSha256: string;
    readonly pdfSize: number;
    readonly label: PartLabel;
  }[];
}

interface PartRow {
  id: string;
  batch_id: string;
  pages: string;
  page_count: number;
  label: string | null;
  tray_reason: TrayReason | null;
  document_id: string | null;
  created_at: string;
}

export function entryByRpwNumber(db: Database, rpwNumber: string): EntryLookup {
  return db.prepare<[string], { id: string; status: 'registered' | 'cancelled' }>('SELECT id, status FROM incoming_items WHERE rpw_number = ?').get(rpwNumber) ?? null;
}

/** Records a whole batch, or returns the earlier import of this very file. */
export function recordBatch(db: Database, record: BatchRecord): BatchSummary {
  return db.transaction((): BatchSummary => {
    const earlier = db.prepare<[string], string>('SELECT id FROM scan_batches WHERE original_sha256 = ?').pluck().get(record.originalSha256);
    if (earlier !== undefined) return batchSummary(db, earlier, true);
    db.prepare(`INSERT INTO scan_batches (id, source_name, source, original_format, original_sha256, original_size, page_count,
      separators_dropped, imported_at, imported_by_login, imported_by_name)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      record.id, record.sourceName, record.source, record.originalFormat, record.originalSha256, record.originalSize, record.pageCount,
      record.separatorsDropped, record.importedAt, record.actor.login, record.actor.name,
    );
    const insertPart = db.prepare(`INSERT INTO scan_batch_parts (id, batch_id, pages, page_count, pdf_sha256, pdf_size, label, tray_reason,
      document_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const part of record.parts) {
      const entry = part.label.kind === 'rpw' ? entryByRpwNumber(db, part.label.rpwNumber) : null;
      const destination = routePart(part.label, entry);
      let documentId: string | null = null;
      if (destination.kind === 'entry') {
        documentId = addItemDocument(db, partDocument(record.sourceName, part, destination.itemId, part.documentId, record.importedAt, record.actor), record.outbox ?? null).document.id;
      }
      insertPart.run(part.id, record.id, JSON.stringify(part.pages), part.pages.length, part.pdfSha256, part.pdfSize, labelText(part.label),
        destination.kind === 'tray' ? destination.reason : null, documentId, record.importedAt);
    }
    return batchSummary(db, record.id, false);
  })();
}

/**
 * The document a part becomes on an entry: its PDF is both its "original" and its PDF (the
 * batch's original is kept with the batch); named after the batch file and its pages.
 */
function partDocument(
  sourceName: string, part: { pages: readonly number[]; pdfSha256: string; pdfSize: number }, itemId: string, id: string, at: string, actor: Actor,
): ItemDocument {
  return {
    id,
    itemId,
    originalName: partFileName(sourceName, part.pages),
    originalFormat: 'pdf',
    originalMediaType: 'application/pdf',
    originalSha256: part.pdfSha256,
    originalSize: part.pdfSize,
    pdfSha256: part.pdfSha256,
    pdfSize: part.pdfSize,
    pageCount: part.pages.length,
    importedAt: at,
    importedByLogin: actor.login,
    importedByName: actor.name,
  };
}

/** `partia.tiff`, pages 3–5 → `partia-s3-5.pdf`. */
export function partFileName(sourceName: string, pages: readonly number[]): string {
  const dot = sourceName.lastIndexOf('.');
  const stem = dot > 0 ? sourceName.slice(0, dot) : sourceName;
  const first = pages[0] ?? 1;
  const last = pages.at(-1) ?? first;
  return `${stem}-s${String(first)}${last === first ? '' : `-${String(last)}`}.pdf`;
}

export function batchSummary(db: Database, batchId: string, duplicate: boolean): BatchSummary {
  const batch = db.prepare<[string], { source_name: string; page_count: number; separators_dropped: number }>(
    'SELECT source_name, page_count, separators_dropped FROM scan_batches WHERE id = ?',
  ).get(batchId);
  if (!batch) throw new Refusal('errors.not_found');
  const parts = db.prepare<[string], PartRow & { item_id: string | null; rpw_number: string | null }>(`
    SELECT p.id, p.batch_id, p.pages, p.page_count, p.label, p.tray_reason, p.document_id, p.created_at, d.item_id, i.rpw_number
    FROM scan_batch_parts p
    LEFT JOIN item_documents d ON d.id = p.document_id
    LEFT JOIN incoming_items i ON i.id = d.item_id
    WHERE p.batch_id = ? ORDER BY p.part_no`).all(batchId);
  // Parts attached on import; those assigned later by hand were tray parts of this batch.
  const attached = parts.filter((p) => p.tray_reason === null && p.item_id !== null && p.rpw_number !== null && p.document_id !== null);
  const tray = parts.filter((p) => p.tray_reason !== null);
  return {
    batchId,
    fileName: batch.source_name,
    pageCount: batch.page_count,
    attached: attached.map((p) => ({ itemId: p.item_id ?? '', rpwNumber: p.rpw_number ?? '', documentId: p.document_id ?? '', pageCount: p.page_count, pages: pagesOf(p) })),
    trayParts: tray.length,
    trayPages: tray.reduce((sum, p) => sum + p.page_count, 0),
    separatorsDropped: batch.separators_dropped,
    duplicate,
  };
}

/** Parts still waiting for a clerk, oldest first. */
export function trayParts(db: Database, limit = 500): TrayPart[] {
  return db.prepare<[number], PartRow & { source_name: string; source: BatchSource; original_format: ImportFormat }>(`
    SELECT p.id, p.batch_id, p.pages, p.page_count, p.label, p.tray_reason, p.document_id, p.created_at, b.source_name, b.source, b.original_format
    FROM scan_batch_parts p JOIN scan_batches b ON b.id = p.batch_id
    WHERE p.document_id IS NULL ORDER BY p.part_no LIMIT ?`).all(limit).map((row) => ({
    id: row.id,
    batchId: row.batch_id,
    sourceName: row.source_name,
    source: row.source,
    originalFormat: row.original_format,
    pageCount: row.page_count,
    pages: pagesOf(row),
    reason: row.tray_reason ?? 'tray.reason.noLabel',
    label: row.label,
    createdAt: row.created_at,
  }));
}

export interface AssignArgs {
  readonly partId: string;
  readonly itemId: string | null;
  readonly rpwNumber: string | null;
  readonly documentId: string;
  readonly at: string;
  readonly actor: Actor;
  /** With a central server, the signed-in login: the document travels (issue 4). */
  readonly outbox?: string | null;
}

/** Attaches a tray part to an entry by hand: its PDF becomes a document of the entry. */
export function assignTrayPart(db: Database, args: AssignArgs): TrayAssignResult {
  return db.transaction((): TrayAssignResult => {
    const part = db.prepare<[string], PartRow & { pdf_sha256: string; pdf_size: number; source_name: string }>(`
      SELECT p.id, p.batch_id, p.pages, p.page_count, p.label, p.tray_reason, p.document_id, p.created_at, p.pdf_sha256, p.pdf_size, b.source_name
      FROM scan_batch_parts p JOIN scan_batches b ON b.id = p.batch_id WHERE p.id = ?`).get(args.partId);
    if (!part || part.document_id !== null) throw new Refusal('tray.errors.gone');
    const entry = args.itemId !== null
      ? db.prepare<[string], { id: string; status: 'registered' | 'cancelled'; rpw_number: string }>('SELECT id, status, rpw_number FROM incoming_items WHERE id = ?').get(args.itemId)
      : db.prepare<[string], { id: string; status: 'registered' | 'cancelled'; rpw_number: string }>('SELECT id, status, rpw_number FROM incoming_items WHERE rpw_number = ?').get(args.rpwNumber ?? '');
    if (!entry) throw new Refusal('tray.errors.unknownEntry');
    if (entry.status === 'cancelled') throw new Refusal('tray.errors.cancelledEntry');
    const pages = pagesOf(part);
    const { document } = addItemDocument(db, partDocument(part.source_name, { pages, pdfSha256: part.pdf_sha256, pdfSize: part.pdf_size }, entry.id, args.documentId, args.at, args.actor), args.outbox ?? null);
    db.prepare('UPDATE scan_batch_parts SET document_id = ?, assigned_at = ?, assigned_by_login = ?, assigned_by_name = ? WHERE id = ?')
      .run(document.id, args.at, args.actor.login, args.actor.name, part.id);
    return { itemId: entry.id, rpwNumber: entry.rpw_number, documentId: document.id };
  })();
}

/** Whether a batch, a part or a document names this file (the store must keep it). */
export function batchFileInUse(db: Database, sha256: string): boolean {
  return db.prepare<[string, string, string, string], number>(`
    SELECT 1 FROM scan_batches WHERE original_sha256 = ?
    UNION ALL SELECT 1 FROM scan_batch_parts WHERE pdf_sha256 = ?
    UNION ALL SELECT 1 FROM item_documents WHERE original_sha256 = ? OR pdf_sha256 = ? LIMIT 1`).pluck().get(sha256, sha256, sha256, sha256) !== undefined;
}

/** A tray part's PDF hash, for a preview or a download. */
export function trayPartPdf(db: Database, partId: string): { sha256: string; name: string } | null {
  const row = db.prepare<[string], { pdf_sha256: string; pages: string; source_name: string }>(`
    SELECT p.pdf_sha256, p.pages, b.source_name FROM scan_batch_parts p JOIN scan_batches b ON b.id = p.batch_id WHERE p.id = ?`).get(partId);
  return row ? { sha256: row.pdf_sha256, name: partFileName(row.source_name, JSON.parse(row.pages) as number[]) } : null;
}

function pagesOf(row: { pages: string }): number[] {
  return JSON.parse(row.pages) as number[];
}
