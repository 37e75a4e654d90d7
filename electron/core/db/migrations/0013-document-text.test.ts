import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ItemDocument } from '../../../../shared/document-import.ts';
import { registeredSample } from '../../test-support/sample-item.ts';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { migrate } from '../migrate.ts';
import { documentTextStatus, finishTextJob, resumeTextJobs, savePageText, searchDocumentText, takeTextJob, textQueueProgress, unfoldSnippet } from '../repositories/document-text.ts';
import { addItemDocument } from '../repositories/item-documents.ts';
import { migrations } from './index.ts';

const tempDir = useTempDirs();

function document(itemId: string, n: number, pageCount = 2): ItemDocument {
  return {
    id: `019a0000-0000-7000-8000-00000000000${n}`,
    itemId,
    originalName: `skan-${n}.tiff`,
    originalFormat: 'tiff',
    originalMediaType: 'image/tiff',
    originalSha256: String(n).repeat(64),
    originalSize: 3275,
    pdfSha256: 'f'.repeat(64),
    pdfSize: 36097,
    pageCount,
    importedAt: `2026-11-20T09:0${n}:00.000Z`,
    importedByLogin: 'stanowisko',
    importedByName: 'Okienko 1',
  };
}

function openAt(version: number): Database.Database {
  const db = new Database(join(tempDir(), 'k.sqlite'));
  db.pragma('foreign_keys = ON');
  migrate(db, migrations, version);
  return db;
}

describe('migration 0013 document text', () => {
  it('queues documents imported before it and every one imported after, oldest first', () => {
    const db = openAt(12);
    const item = registeredSample(db);
    addItemDocument(db, document(item.id, 1));
    expect(migrate(db, migrations, 13)).toBe(13);
    addItemDocument(db, document(item.id, 2, 3));
    expect(textQueueProgress(db)).toEqual({ documentsWaiting: 2, pagesTotal: 5, pagesDone: 0 });

    const first = takeTextJob(db, '2026-11-20T10:00:00.000Z');
    expect(first).toMatchObject({ documentId: document(item.id, 1).id, itemId: item.id, originalFormat: 'tiff', pageCount: 2, pagesDone: [] });
    savePageText(db, document(item.id, 1).id, 1, 'ocr', 'Pierwsza strona');
    expect(textQueueProgress(db)).toEqual({ documentsWaiting: 2, pagesTotal: 5, pagesDone: 1 });

    // A restart while reading: the document returns to its place and keeps the page already read.
    expect(resumeTextJobs(db)).toBe(1);
    expect(takeTextJob(db, '2026-11-20T10:05:00.000Z')).toMatchObject({ documentId: document(item.id, 1).id, pagesDone: [1] });
    savePageText(db, document(item.id, 1).id, 2, 'ocr', 'Druga strona');
    finishTextJob(db, document(item.id, 1).id, '2026-11-20T10:06:00.000Z', null);
    expect(takeTextJob(db, '2026-11-20T10:07:00.000Z')).toMatchObject({ documentId: document(item.id, 2).id });
    finishTextJob(db, document(item.id, 2).id, '2026-11-20T10:08:00.000Z', 'Page 2: image cannot be decoded');
    expect(takeTextJob(db, '2026-11-20T10:09:00.000Z')).toBeNull();
    expect(documentTextStatus(db, item.id)).toEqual([
      { documentId: document(item.id, 1).id, state: 'done', reason: null, pagesDone: 2, pageCount: 2 },
      { documentId: document(item.id, 2).id, state: 'failed', reason: 'Page 2: image cannot be decoded', pagesDone: 0, pageCount: 3 },
    ]);
    expect(documentTextStatus(db, null).map((d) => d.state)).toEqual(['failed']);
    expect(textQueueProgress(db)).toEqual({ documentsWaiting: 0, pagesTotal: 0, pagesDone: 0 });
    // A failure always says why; page text is replaced, never edited in place.
    expect(() => db.prepare("UPDATE document_text_jobs SET state = 'failed', reason = NULL").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE document_pages SET text = 'x'").run()).toThrow(/replaced/);
    db.close();
  });

  it('finds words with or without Polish diacritics and by their beginning, and shows them unfolded', () => {
    const db = openAt(13);
    const item = registeredSample(db, { subject: 'Skarga na hałas' });
    addItemDocument(db, document(item.id, 1));
    const id = document(item.id, 1).id;
    savePageText(db, id, 1, 'ocr', 'Zażółć gęślą jaźń. Pchnąć w tę łódź jeża lub ośm skrzyń fig.');
    savePageText(db, id, 2, 'text_layer', 'Łódź, dnia 20 listopada 2026 r.\nW odpowiedzi na pismo…');

    const hits = searchDocumentText(db, { text: 'zazolc', limit: 10 });
    expect(hits).toEqual([{
      itemId: item.id, rpwNumber: item.rpwNumber, subject: 'Skarga na hałas', documentId: id, documentName: 'skan-1.tiff', page: 1, source: 'ocr',
      snippet: [{ text: 'Zażółć', match: true }, { text: ' gęślą jaźń. Pchnąć w tę łódź jeża lub ośm skrzyń fig.', match: false }],
    }]);
    expect(searchDocumentText(db, { text: 'lodz', limit: 10 }).map((h) => h.page).sort()).toEqual([1, 2]);
    expect(searchDocumentText(db, { text: 'ŁÓDŹ', limit: 10 })).toHaveLength(2);
    expect(searchDocumentText(db, { text: 'skrzy', limit: 10 }).map((h) => h.page)).toEqual([1]);
    expect(searchDocumentText(db, { text: 'odpowiedz listopad', limit: 10 }).map((h) => h.page)).toEqual([2]);
    expect(searchDocumentText(db, { text: 'jeża odpowiedzi', limit: 10 })).toEqual([]);
    expect(searchDocumentText(db, { text: '"*', limit: 10 })).toEqual([]);
    db.close();
  });

  it('maps a cut snippet back onto the stored characters', () => {
    expect(unfoldSnippet('\uE002lódź \uE000jeża\uE001 lub\uE002', 'w tę łódź jeża lub ośm')).toEqual([
      { text: '…łódź ', match: false }, { text: 'jeża', match: true }, { text: ' lub…', match: false },
    ]);
  });
});
