import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ItemDocument } from '../../../../shared/document-import.ts';
import { registeredSample } from '../../test-support/sample-item.ts';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { migrate } from '../migrate.ts';
import { addItemDocument, itemDocuments, storedFileInUse } from '../repositories/item-documents.ts';
import { Refusal } from '../repositories/refusal.ts';
import { migrations } from './index.ts';

const tempDir = useTempDirs();

function document(itemId: string, originalSha256: string, overrides: Partial<ItemDocument> = {}): ItemDocument {
  return {
    id: `019a0000-0000-7000-8000-${originalSha256.slice(0, 12)}`,
    itemId,
    originalName: 'skan.tiff',
    originalFormat: 'tiff',
    originalMediaType: 'image/tiff',
    originalSha256,
    originalSize: 3275,
    pdfSha256: 'f'.repeat(64),
    pdfSize: 36097,
    pageCount: 3,
    importedAt: '2026-11-20T09:00:00.000Z',
    importedByLogin: 'stanowisko',
    importedByName: 'Okienko 1',
    ...overrides,
  };
}

describe('migration 0011 item documents', () => {
  it('links an entry to its documents once per file, append-only', () => {
    const db = new Database(join(tempDir(), 'k.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 10);
    expect(migrate(db, migrations, 11)).toBe(11);
    const item = registeredSample(db);

    const first = document(item.id, 'a'.repeat(64));
    expect(addItemDocument(db, first)).toEqual({ document: first, duplicate: false });
    // The same file dropped again (another name, another moment) is the first import.
    expect(addItemDocument(db, document(item.id, 'a'.repeat(64), { id: '019a0000-0000-7000-8000-000000000002', originalName: 'kopia.tiff' }))).toEqual({ document: first, duplicate: true });
    const second = document(item.id, 'b'.repeat(64));
    addItemDocument(db, second);
    expect(itemDocuments(db, item.id)).toEqual([first, second]);
    expect([storedFileInUse(db, 'f'.repeat(64)), storedFileInUse(db, 'c'.repeat(64))]).toEqual([true, false]);

    expect(() => addItemDocument(db, document('019a0000-0000-7000-8000-00000000dead', 'c'.repeat(64)))).toThrow(Refusal);
    expect(() => db.prepare('UPDATE item_documents SET page_count = 1').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM item_documents').run()).toThrow(/append-only/);
    expect(() => addItemDocument(db, document(item.id, 'short'))).toThrow(/CHECK/);
    db.close();
  });
});
