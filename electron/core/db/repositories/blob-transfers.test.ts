import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ItemDocument } from '../../../../shared/document-import.ts';
import type { Change } from '../../../../shared/sync/protocol.ts';
import { uuidv7 } from '../../ids.ts';
import { sampleRegisterArgs } from '../../test-support/sample-item.ts';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { openDatabase } from '../open.ts';
import {
  blobTransferAttempts, blobTransfersDue, documentsAwaitingFiles, failBlobTransfer, finishBlobTransfer, nextBlobRetryAt, queueBlobDownload, queueBlobUpload,
} from './blob-transfers.ts';
import { takeTextJob } from './document-text.ts';
import { finishDownload } from './remote-documents.ts';
import { registerItem } from './incoming-items.ts';
import { addItemDocument, itemDocuments } from './item-documents.ts';
import { clientOf, outboxBatch, outboxBatchAfterUploads } from './outbox.ts';
import { applyPulledChanges } from './sync.ts';

const tempDir = useTempDirs();
const AT = '2026-11-20T10:00:00.000Z';
const ORIGINAL = 'a'.repeat(64);
const PDF = 'b'.repeat(64);

function withLetter() {
  const db = openDatabase(join(tempDir(), 'k.sqlite'));
  const item = registerItem(db, sampleRegisterArgs());
  return { db, itemId: item.id };
}

function documentOf(itemId: string, overrides: Partial<ItemDocument> = {}): ItemDocument {
  return {
    id: uuidv7(), itemId, originalName: 'skan.tif', originalFormat: 'tiff', originalMediaType: 'image/tiff', originalSha256: ORIGINAL, originalSize: 900,
    pdfSha256: PDF, pdfSize: 1200, pageCount: 3, importedAt: AT, importedByLogin: 'anowak', importedByName: 'Anna Nowak', ...overrides,
  };
}

const pulled = (document: ItemDocument, version = 1): Change => ({ version, entity: 'item_document', id: document.id, op: 'upsert', data: document });

describe('blob transfers: files that travel with sync', () => {
  it('queues a document\'s files for upload with its documents.attach, and holds the push until they are sent', () => {
    const { db, itemId } = withLetter();
    const document = documentOf(itemId);
    db.transaction(() => addItemDocument(db, document, 'anowak'))();
    const clientId = clientOf(db, 'anowak', AT);
    expect(blobTransfersDue(db, 'upload', AT, 10).sort()).toEqual([ORIGINAL, PDF]);
    expect(outboxBatch(db, clientId, 10).map((c) => [c.name, c.args])).toEqual([['documents.attach', {
      document: {
        id: document.id, itemId, originalName: 'skan.tif', originalFormat: 'tiff', originalMediaType: 'image/tiff', originalSha256: ORIGINAL,
        originalSize: 900, pdfSha256: PDF, pdfSize: 1200, pageCount: 3, importedAt: AT,
      },
    }]]);
    expect(outboxBatchAfterUploads(db, clientId, 10)).toEqual({ commands: [], uploadsWaiting: true });
    finishBlobTransfer(db, ORIGINAL, 'upload');
    expect(outboxBatchAfterUploads(db, clientId, 10).uploadsWaiting).toBe(true);
    finishBlobTransfer(db, PDF, 'upload');
    expect(outboxBatchAfterUploads(db, clientId, 10).commands.map((c) => c.name)).toEqual(['documents.attach']);
  });

  it('keeps a local desk\'s documents at home: no server, nothing queued', () => {
    const { db, itemId } = withLetter();
    addItemDocument(db, documentOf(itemId));
    expect(db.prepare('SELECT count(*) FROM blob_transfers').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
  });

  it('applies a pulled document once, queues its files, and leaves its text unread until both arrived', () => {
    const { db, itemId } = withLetter();
    const document = documentOf(itemId);
    expect(applyPulledChanges(db, [pulled(document)], 1, AT, 'ewa').itemIds).toEqual([itemId]);
    expect(applyPulledChanges(db, [pulled(document), pulled({ ...document, id: uuidv7() }, 2)], 2, AT, 'ewa').itemIds).toEqual([]);
    expect(itemDocuments(db, itemId).map((d) => d.id)).toEqual([document.id]);
    expect(documentsAwaitingFiles(db, itemId)).toEqual([document.id]);
    expect(blobTransfersDue(db, 'download', AT, 10).sort()).toEqual([ORIGINAL, PDF]);
    // Nothing to read yet: the text queue does not have it.
    expect(takeTextJob(db, AT)).toBeNull();

    expect(finishDownload(db, PDF, AT)).toEqual({ itemIds: [], caseIds: [] });
    expect(takeTextJob(db, AT)).toBeNull();
    expect(finishDownload(db, ORIGINAL, AT)).toEqual({ itemIds: [itemId], caseIds: [] });
    expect(documentsAwaitingFiles(db, itemId)).toEqual([]);
    expect(takeTextJob(db, AT)?.documentId).toBe(document.id);
    // Arriving again (a second download of the same file) queues nothing twice.
    expect(finishDownload(db, ORIGINAL, AT)).toEqual({ itemIds: [itemId], caseIds: [] });
    expect(takeTextJob(db, AT)).toBeNull();
  });

  it('skips a pulled document of a letter this desk does not have, and one it cannot read', () => {
    const { db } = withLetter();
    expect(applyPulledChanges(db, [pulled(documentOf(uuidv7())), { version: 2, entity: 'item_document', id: 'x', op: 'upsert', data: { id: 'x' } }], 2, AT, 'ewa').itemIds).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM blob_transfers').pluck().get()).toBe(0);
  });

  it('puts a failed transfer aside until its retry time, counting the failures', () => {
    const { db } = withLetter();
    queueBlobDownload(db, ORIGINAL, AT);
    queueBlobDownload(db, ORIGINAL, AT);
    queueBlobUpload(db, PDF, AT);
    failBlobTransfer(db, { sha256: ORIGINAL, direction: 'download', error: 'HTTP 404', retryAt: '2026-11-20T10:00:05.000Z' });
    expect(blobTransferAttempts(db, ORIGINAL, 'download')).toBe(1);
    expect(blobTransfersDue(db, 'download', AT, 10)).toEqual([]);
    expect(blobTransfersDue(db, 'download', '2026-11-20T10:00:05.000Z', 10)).toEqual([ORIGINAL]);
    expect(blobTransfersDue(db, 'upload', AT, 10)).toEqual([PDF]);
    expect(nextBlobRetryAt(db)).toBe('2026-11-20T10:00:05.000Z');
  });
});
