import { z } from 'zod';
import { blobSizes, SHA256_PATTERN } from '../../blobs/blob-store.ts';
import { CommandRejection, type CommandContext } from '../command-context.ts';
import { itemScope, mayActOnItem } from '../item-scope.ts';

/**
 * `documents.attach`: a scan or file attached to a register entry on one workstation, for every
 * desk that sees the letter. An append: it never conflicts, and the same document id twice is one
 * document. The workstation uploads both files (PUT /v1/blobs/:sha256) before it pushes this, so
 * a missing file means something went wrong there: refused with `blob_missing`, not guessed at.
 */

const Sha256 = z.string().regex(SHA256_PATTERN);

export const AttachDocumentCommand = z.object({
  document: z.object({
    id: z.uuid(),
    itemId: z.uuid(),
    originalName: z.string().min(1).max(255),
    originalFormat: z.enum(['pdf', 'tiff', 'jpeg', 'png']),
    originalMediaType: z.string().min(1).max(100),
    originalSha256: Sha256,
    originalSize: z.number().int().positive(),
    pdfSha256: Sha256,
    pdfSize: z.number().int().positive(),
    pageCount: z.number().int().positive(),
    /** The workstation's clock: informational; the server's time is the document's. */
    importedAt: z.iso.datetime({ offset: true }),
  }),
});

export interface DocumentRow {
  id: string;
  item_id: string;
  original_name: string;
  original_format: string;
  original_media_type: string;
  original_sha256: string;
  original_size: number;
  pdf_sha256: string;
  pdf_size: number;
  page_count: number;
  imported_by_login: string;
  imported_by_name: string;
  added_at: Date | string;
}

export async function attachDocumentCommand(ctx: CommandContext, args: z.output<typeof AttachDocumentCommand>): Promise<{ documentId: string }> {
  const d = args.document;
  const access = await mayActOnItem(ctx.tx, ctx.user, d.itemId);
  if (access === 'not_found') throw new CommandRejection('unknown_item', 'sync.rejections.unknownItem');
  if (access === 'forbidden') throw new CommandRejection('forbidden', 'errors.forbidden');
  const [same] = await ctx.tx.query<{ id: string }>('SELECT id FROM item_documents WHERE id = $1 OR (item_id = $2 AND original_sha256 = $3) ORDER BY id = $1 DESC LIMIT 1', [d.id, d.itemId, d.originalSha256]);
  // Pushed before (a lost answer), or this very file attached to the entry at another desk first:
  // the document already there stands, and nothing is logged twice.
  if (same) return { documentId: same.id };
  const sizes = await blobSizes(ctx.tx, [d.originalSha256, d.pdfSha256]);
  if (sizes.get(d.originalSha256) !== d.originalSize || sizes.get(d.pdfSha256) !== d.pdfSize) {
    throw new CommandRejection('blob_missing', 'sync.rejections.blobMissing');
  }
  const [row] = await ctx.tx.query<DocumentRow>(
    `INSERT INTO item_documents (id, item_id, original_name, original_format, original_media_type, original_sha256, original_size,
       pdf_sha256, pdf_size, page_count, imported_at, imported_by_login, imported_by_name, added_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING *`,
    [d.id, d.itemId, d.originalName, d.originalFormat, d.originalMediaType, d.originalSha256, d.originalSize,
      d.pdfSha256, d.pdfSize, d.pageCount, d.importedAt, ctx.user.login, ctx.user.displayName, ctx.user.id],
  );
  if (!row) throw new Error('document row missing after insert');
  const scope = await itemScope(ctx.tx, d.itemId);
  if (scope === null) throw new Error(`letter ${d.itemId} vanished inside its own transaction`);
  // The letter's own scope: a desk that does not pull the letter never pulls its documents.
  ctx.change({ entity: 'item_document', id: row.id, op: 'upsert', scopeUnit: scope.scopeUnit, alsoUnits: scope.alsoUnits, data: documentChange(row) });
  return { documentId: row.id };
}

/** A document as desks pull it: the workstation's ItemDocument, timed by the server. */
export function documentChange(row: DocumentRow): Record<string, unknown> {
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
    importedAt: new Date(row.added_at).toISOString(),
    importedByLogin: row.imported_by_login,
    importedByName: row.imported_by_name,
  };
}
