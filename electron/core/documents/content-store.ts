import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { chmod, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The workstation's content-addressed file store (DESIGN.md, "Local data"): every file is kept
 * once, under its SHA-256, in the data folder; SQLite rows name files by hash. A file appears
 * under its final name only whole — written to a temporary file, flushed, then renamed — and is
 * never opened for writing again (it is made read-only), so an original stays byte for byte what
 * arrived.
 */

export interface StoredFile {
  readonly sha256: string;
  readonly size: number;
  /** False when the store already held these bytes (nothing was written). */
  readonly created: boolean;
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export class ContentStore {
  readonly #root: string;
  readonly #temp: string;
  /** Puts of the same bytes that overlap share one write. */
  readonly #inFlight = new Map<string, Promise<StoredFile>>();

  constructor(root: string) {
    this.#root = root;
    this.#temp = join(root, 'tmp');
    mkdirSync(this.#temp, { recursive: true });
    // Leftovers of writes cut short by a crash: never renamed, so nothing refers to them.
    for (const name of readdirSync(this.#temp)) rmSync(join(this.#temp, name), { force: true });
  }

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/u.test(sha256)) throw new Error(`Not a SHA-256: ${sha256}`);
    return join(this.#root, 'sha256', sha256.slice(0, 2), sha256);
  }

  async put(bytes: Uint8Array): Promise<StoredFile> {
    const sha256 = sha256Of(bytes);
    const pending = this.#inFlight.get(sha256);
    if (pending) return { ...(await pending), created: false };
    const write = this.#write(sha256, bytes).finally(() => this.#inFlight.delete(sha256));
    this.#inFlight.set(sha256, write);
    return write;
  }

  read(sha256: string): Promise<Buffer> {
    return readFile(this.pathOf(sha256));
  }

  async has(sha256: string): Promise<boolean> {
    return (await stat(this.pathOf(sha256)).catch(() => null)) !== null;
  }

  /**
   * Takes back a file an import has just written when the import then failed to be recorded.
   * Only for files nothing refers to; the caller knows (it created the file a moment ago).
   */
  async discard(sha256: string): Promise<void> {
    const path = this.pathOf(sha256);
    // Windows refuses to delete a read-only file.
    await chmod(path, 0o644).catch(() => undefined);
    await unlink(path).catch(() => undefined);
  }

  async #write(sha256: string, bytes: Uint8Array): Promise<StoredFile> {
    const target = this.pathOf(sha256);
    const existing = await stat(target).catch(() => null);
    // Same name, same size: the same bytes (that is what the name promises). A file of another
    // size under this name was damaged on disk; the hash says what it must hold, so it is replaced.
    if (existing?.size === bytes.byteLength) return { sha256, size: bytes.byteLength, created: false };
    if (existing) await chmod(target, 0o644);
    await mkdir(join(this.#root, 'sha256', sha256.slice(0, 2)), { recursive: true });
    await mkdir(this.#temp, { recursive: true });
    const temporary = join(this.#temp, `${randomUUID()}.part`);
    try {
      const file = await open(temporary, 'wx', 0o444);
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, target);
    } catch (error) {
      await chmod(temporary, 0o644).catch(() => undefined);
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
    // A repaired file may be named by earlier rows: only a new one is this put's own.
    return { sha256, size: bytes.byteLength, created: existing === null };
  }
}
