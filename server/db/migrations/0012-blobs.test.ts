import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useOneCaseDb } from '../../test-support/one-case-db.ts';

describe('server migration 0012 blobs', { timeout: 60_000 }, () => {
  const oneCase = useOneCaseDb();

  it('keeps bytes under their hash with their size, and documents that name only stored files', async () => {
    const { db } = oneCase();
    const bytes = Buffer.from('%PDF-1.7 skan');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await db.query("INSERT INTO blobs (sha256, size, bytes, uploaded_by) VALUES ($1, $2, $3, (SELECT id FROM users WHERE login = 'anna'))", [sha256, bytes.byteLength, bytes]);
    const [stored] = await db.query<{ bytes: Uint8Array; size: number }>('SELECT bytes, size FROM blobs WHERE sha256 = $1', [sha256]);
    expect(Buffer.from(stored?.bytes ?? new Uint8Array()).equals(bytes)).toBe(true);
    // A size that is not the bytes' own, or a name that is not a SHA-256, never gets in.
    await expect(db.query("INSERT INTO blobs (sha256, size, bytes, uploaded_by) VALUES ($1, 1, $2, (SELECT id FROM users WHERE login = 'anna'))", ['b'.repeat(64), bytes])).rejects.toThrow();
    await expect(db.query("INSERT INTO blobs (sha256, size, bytes, uploaded_by) VALUES ('XYZ', $1, $2, (SELECT id FROM users WHERE login = 'anna'))", [bytes.byteLength, bytes])).rejects.toThrow();

    const itemId = randomUUID();
    await db.query(
      `INSERT INTO incoming_items (id, rpw_number, desk_code, year, sequence, status, item, registered_by)
       VALUES ($1, 'RPW/KO/1/2026', 'KO', 2026, 1, 'registered', '{}', (SELECT id FROM users WHERE login = 'anna'))`,
      [itemId],
    );
    const insert = (pdf: string) => db.query(
      `INSERT INTO item_documents (id, item_id, original_name, original_format, original_media_type, original_sha256, original_size,
         pdf_sha256, pdf_size, page_count, imported_at, imported_by_login, imported_by_name, added_by)
       VALUES ($1, $2, 'skan.pdf', 'pdf', 'application/pdf', $3, $4, $5, $4, 1, '2026-11-20T09:00:00Z', 'anna', 'Anna', (SELECT id FROM users WHERE login = 'anna'))`,
      [randomUUID(), itemId, sha256, bytes.byteLength, pdf],
    );
    await insert(sha256);
    await expect(insert('c'.repeat(64))).rejects.toThrow();
    expect(await db.query('SELECT count(*)::int AS n FROM item_documents WHERE item_id = $1 AND added_at IS NOT NULL', [itemId])).toEqual([{ n: 1 }]);
  });
});
