import { createHash } from 'node:crypto';
import type { SessionUser } from '../../shared/sync/protocol.ts';
import type { Sql } from '../db/database.ts';

/**
 * The server's content-addressed blob store (migration 12): bytes kept once under their SHA-256.
 * A blob is stored only after its bytes were hashed here, so a row always holds what its name
 * says; storing the same bytes again changes nothing (uploads are retried freely).
 */

export const SHA256_PATTERN = /^[0-9a-f]{64}$/u;

export class BlobHashMismatch extends Error {
  readonly actual: string;
  constructor(expected: string, actual: string) {
    super(`The body's SHA-256 is ${actual}, not ${expected}`);
    this.name = 'BlobHashMismatch';
    this.actual = actual;
  }
}

/** Keeps `bytes` under `sha256` after checking the hash; `created` false when it was already there. */
export async function storeBlob(db: Sql, user: SessionUser, sha256: string, bytes: Uint8Array): Promise<{ created: boolean; size: number }> {
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== sha256) throw new BlobHashMismatch(sha256, actual);
  const inserted = await db.query(
    'INSERT INTO blobs (sha256, size, bytes, uploaded_by) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING RETURNING 1 AS created',
    [sha256, bytes.byteLength, bytes, user.id],
  );
  return { created: inserted.length === 1, size: bytes.byteLength };
}

/** The bytes stored under `sha256`, or null. */
export async function readBlob(db: Sql, sha256: string): Promise<Buffer | null> {
  const [row] = await db.query<{ bytes: Uint8Array }>('SELECT bytes FROM blobs WHERE sha256 = $1', [sha256]);
  // node-postgres returns a Buffer, PGlite a Uint8Array: one type for the caller.
  return row ? Buffer.from(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) : null;
}

/** The sizes of those of `hashes` the server holds, by hash. */
export async function blobSizes(db: Sql, hashes: readonly string[]): Promise<Map<string, number>> {
  const rows = await db.query<{ sha256: string; size: number }>('SELECT sha256, size FROM blobs WHERE sha256 = ANY($1::text[])', [[...hashes]]);
  return new Map(rows.map((r) => [r.sha256, r.size]));
}
