import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cancelItem } from '../repositories/incoming-items.ts';
import { itemDocuments } from '../repositories/item-documents.ts';
import { Refusal } from '../repositories/refusal.ts';
import { assignTrayPart, batchFileInUse, recordBatch, trayParts, type BatchRecord } from '../repositories/scan-batches.ts';
import { registeredSample } from '../../test-support/sample-item.ts';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { migrate } from '../migrate.ts';
import { migrations } from './index.ts';

const tempDir = useTempDirs();
const actor = { login: 'stanowisko', name: 'Okienko 1' };
const uuid = (n: number): string => `019a0000-0000-7000-8000-${String(n).padStart(12, '0')}`;

function open(): Database.Database {
  const db = new Database(join(tempDir(), 'k.sqlite'));
  db.pragma('foreign_keys = ON');
  migrate(db, migrations, 11);
  expect(migrate(db, migrations, 12)).toBe(12);
  return db;
}

function record(overrides: Partial<BatchRecord> & Pick<BatchRecord, 'parts'>): BatchRecord {
  return {
    id: uuid(100),
    sourceName: 'partia.pdf',
    source: 'scanner',
    originalFormat: 'pdf',
    originalSha256: 'a'.repeat(64),
    originalSize: 1000,
    pageCount: 6,
    separatorsDropped: 1,
    importedAt: '2026-11-20T09:00:00.000Z',
    actor,
    ...overrides,
  };
}

describe('migration 0012 scanned batches and the tray', () => {
  it('records a batch in one go: labelled parts become documents, the rest waits in the tray', () => {
    const db = open();
    const live = registeredSample(db);
    const cancelled = registeredSample(db);
    cancelItem(db, { id: cancelled.id, reason: 'Pomyłka przy rejestracji', at: '2026-11-20T08:30:00.000Z', actor: 'Okienko 1', outbox: null });
    const summary = recordBatch(db, record({
      parts: [
        { id: uuid(1), documentId: uuid(11), pages: [1], pdfSha256: 'b'.repeat(64), pdfSize: 10, label: { kind: 'none' } },
        { id: uuid(2), documentId: uuid(12), pages: [2, 3], pdfSha256: 'c'.repeat(64), pdfSize: 20, label: { kind: 'rpw', rpwNumber: live.rpwNumber } },
        { id: uuid(3), documentId: uuid(13), pages: [5], pdfSha256: 'd'.repeat(64), pdfSize: 30, label: { kind: 'rpw', rpwNumber: cancelled.rpwNumber } },
        { id: uuid(4), documentId: uuid(14), pages: [6], pdfSha256: 'e'.repeat(64), pdfSize: 40, label: { kind: 'rpw', rpwNumber: 'RPW/XX/9/2026' } },
      ],
    }));
    expect(summary).toEqual({
      batchId: uuid(100), fileName: 'partia.pdf', pageCount: 6, separatorsDropped: 1, duplicate: false, trayParts: 3, trayPages: 3,
      attached: [{ itemId: live.id, rpwNumber: live.rpwNumber, documentId: uuid(12), pageCount: 2, pages: [2, 3] }],
    });
    expect(itemDocuments(db, live.id)).toMatchObject([{ id: uuid(12), originalName: 'partia-s2-3.pdf', pageCount: 2, pdfSha256: 'c'.repeat(64) }]);
    expect(itemDocuments(db, cancelled.id)).toEqual([]);
    expect(trayParts(db).map((p) => [p.pages, p.reason, p.label])).toEqual([
      [[1], 'tray.reason.noLabel', null],
      [[5], 'tray.reason.cancelledEntry', cancelled.rpwNumber],
      [[6], 'tray.reason.unknownEntry', 'RPW/XX/9/2026'],
    ]);
    // The same file again is the same batch, not a second one.
    expect(recordBatch(db, record({ id: uuid(101), parts: [] }))).toMatchObject({ batchId: uuid(100), duplicate: true, trayParts: 3 });
    expect(['a', 'b', 'c', 'f'].map((c) => batchFileInUse(db, c.repeat(64)))).toEqual([true, true, true, false]);
    db.close();
  });

  it('leaves nothing of a batch when one of its parts cannot be recorded', () => {
    const db = open();
    const live = registeredSample(db);
    expect(() => recordBatch(db, record({
      parts: [
        { id: uuid(1), documentId: uuid(11), pages: [1], pdfSha256: 'b'.repeat(64), pdfSize: 10, label: { kind: 'rpw', rpwNumber: live.rpwNumber } },
        { id: uuid(2), documentId: uuid(12), pages: [2], pdfSha256: 'short', pdfSize: 10, label: { kind: 'none' } },
      ],
    }))).toThrow(/CHECK/);
    expect(db.prepare('SELECT count(*) FROM scan_batches').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM scan_batch_parts').pluck().get()).toBe(0);
    expect(itemDocuments(db, live.id)).toEqual([]);
    db.close();
  });

  it('assigns a tray part by hand once, by id or by RPW number, and never deletes a part', () => {
    const db = open();
    const live = registeredSample(db);
    recordBatch(db, record({
      parts: [
        { id: uuid(1), documentId: uuid(11), pages: [1, 2], pdfSha256: 'b'.repeat(64), pdfSize: 10, label: { kind: 'none' } },
        { id: uuid(2), documentId: uuid(12), pages: [3], pdfSha256: 'c'.repeat(64), pdfSize: 10, label: { kind: 'unreadable', text: 'RPW/K?' } },
      ],
    }));
    const at = '2026-11-20T10:00:00.000Z';
    expect(() => assignTrayPart(db, { partId: uuid(1), itemId: null, rpwNumber: 'RPW/KO/999/2026', documentId: uuid(21), at, actor })).toThrow(new Refusal('tray.errors.unknownEntry'));
    expect(assignTrayPart(db, { partId: uuid(1), itemId: null, rpwNumber: live.rpwNumber, documentId: uuid(21), at, actor })).toEqual({ itemId: live.id, rpwNumber: live.rpwNumber, documentId: uuid(21) });
    expect(() => assignTrayPart(db, { partId: uuid(1), itemId: live.id, rpwNumber: null, documentId: uuid(22), at, actor })).toThrow(new Refusal('tray.errors.gone'));
    expect(assignTrayPart(db, { partId: uuid(2), itemId: live.id, rpwNumber: null, documentId: uuid(22), at, actor }).documentId).toBe(uuid(22));
    expect(itemDocuments(db, live.id).map((d) => [d.originalName, d.pageCount])).toEqual([['partia-s1-2.pdf', 2], ['partia-s3.pdf', 1]]);
    expect(trayParts(db)).toEqual([]);

    expect(() => db.prepare('DELETE FROM scan_batch_parts').run()).toThrow(/never deleted/);
    expect(() => db.prepare('DELETE FROM scan_batches').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE scan_batch_parts SET pages = '[9]'").run()).toThrow(/assigned, once/);
    expect(() => db.prepare('UPDATE scan_batch_parts SET document_id = NULL').run()).toThrow(/assigned, once/);
    db.close();
  });
});
