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
  const known = await db.query('SELECT 1 FROM blobs WHERE sha256 = $1', [sha256]);
  if (known.length > 0) return { created: false, size: bytes.byteLength };
  // Bytes travel to the database as base64 text, decoded there: PGlite binds a bytea parameter
  // (and returns a bytea column) about eight times slower than this, 30 s for a 50 MB scan.
  const inserted = await db.query(
    "INSERT INTO blobs (sha256, size, bytes, uploaded_by) VALUES ($1, $2, decode($3, 'base64'), $4) ON CONFLICT (sha256) DO NOTHING RETURNING 1 AS created",
    [sha256, bytes.byteLength, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'), user.id],
  );
  return { created: inserted.length === 1, size: bytes.byteLength };
}

/** The bytes stored under `sha256`, or null. */
export async function readBlob(db: Sql, sha256: string): Promise<Buffer | null> {
  // As base64 for speed (see storeBlob); PostgreSQL breaks the lines, which Node's decoder skips.
  const [row] = await db.query<{ base64: string }>("SELECT encode(bytes, 'base64') AS base64 FROM blobs WHERE sha256 = $1", [sha256]);
  return row ? Buffer.from(row.base64, 'base64') : null;
}

/** The sizes of those of `hashes` the server holds, by hash. */
export async function blobSizes(db: Sql, hashes: readonly string[]): Promise<Map<string, number>> {
  const rows = await db.query<{ sha256: string; size: number }>('SELECT sha256, size FROM blobs WHERE sha256 = ANY($1::text[])', [[...hashes]]);
  return new Map(rows.map((r) => [r.sha256, r.size]));
}
