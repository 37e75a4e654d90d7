import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir.ts';
import { ContentStore, sha256Of } from './content-store.ts';

const tempDir = useTempDirs();

const SCAN = Buffer.from('%PDF-1.7 pretend scan\n%%EOF\n', 'latin1');

describe('ContentStore', () => {
  it('keeps a file under its SHA-256, read-only, and reads it back byte for byte', async () => {
    const store = new ContentStore(tempDir());
    const stored = await store.put(SCAN);
    expect(stored).toEqual({ sha256: sha256Of(SCAN), size: SCAN.length, created: true });
    expect(store.pathOf(stored.sha256)).toMatch(new RegExp(`sha256/${stored.sha256.slice(0, 2)}/${stored.sha256}$`, 'u'));
    expect(Buffer.compare(await store.read(stored.sha256), SCAN)).toBe(0);
    expect(statSync(store.pathOf(stored.sha256)).mode & 0o222).toBe(0);
  });

  it('stores the same bytes once and never writes the stored file again', async () => {
    const store = new ContentStore(tempDir());
    const first = await store.put(SCAN);
    const before = statSync(store.pathOf(first.sha256));
    const [again, overlapping] = await Promise.all([store.put(Buffer.from(SCAN)), store.put(Buffer.from(SCAN))]);
    expect(again.created || overlapping.created).toBe(false);
    const after = statSync(store.pathOf(first.sha256));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it('leaves no temporary file behind, and sweeps those a crash left', async () => {
    const root = tempDir();
    const store = new ContentStore(root);
    await store.put(SCAN);
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
    writeFileSync(join(root, 'tmp', 'cut-short.part'), 'half a scan');
    new ContentStore(root);
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
  });

  it('takes back a file it has just written', async () => {
    const store = new ContentStore(tempDir());
    const stored = await store.put(SCAN);
    await store.discard(stored.sha256);
    expect(await store.has(stored.sha256)).toBe(false);
  });

  it('replaces a stored file damaged on disk with the bytes its name promises', async () => {
    const store = new ContentStore(tempDir());
    const stored = await store.put(SCAN);
    const path = store.pathOf(stored.sha256);
    await store.discard(stored.sha256);
    writeFileSync(path, 'bit rot');
    expect((await store.put(SCAN)).created).toBe(false);
    expect(readFileSync(path)).toEqual(SCAN);
  });
});
