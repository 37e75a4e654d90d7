import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync, closeSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportInspector } from '../documents/import-inspector.ts';
import { DEFAULT_IMPORT_LIMITS } from '../documents/import-limits.ts';
import { useTempDirs } from '../test-support/temp-dir.ts';
import { SOURCE_WORKER_URLS } from '../workers/worker-urls.ts';
import { CLAIMED_DIR, FAILED_DIR, HotFolder, PROCESSED_DIR, type HotFolderTake } from './hot-folder.ts';

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus');
const tempDir = useTempDirs();
const running: HotFolder[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((folder) => folder.stop()));
});

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function until(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(25);
  }
}

/** A test double of the tray: records what it was given and answers as told. */
function recordingTake(answer: Awaited<ReturnType<HotFolderTake>> = { ok: true }): { take: HotFolderTake; taken: { name: string; bytes: Buffer; at: number }[] } {
  const taken: { name: string; bytes: Buffer; at: number }[] = [];
  return { taken, take: (name, bytes) => { taken.push({ name, bytes, at: Date.now() }); return Promise.resolve(answer); } };
}

async function started(folder: string, take: HotFolderTake, stableMs = 300): Promise<HotFolder> {
  const hot = new HotFolder({ folder, take, stableMs, rescanMs: 200, logError: () => undefined });
  running.push(hot);
  await hot.start();
  return hot;
}

const files = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

// Real timers and a real folder: generous timeouts, as a loaded CI machine may be slow.
describe('HotFolder (a real temporary folder)', { timeout: 30_000 }, () => {
  it('does not take a file written slowly in chunks until it is complete', async () => {
    const folder = tempDir();
    const { take, taken } = recordingTake();
    await started(folder, take);
    const chunks = Array.from({ length: 8 }, (_, i) => Buffer.alloc(4096, i + 1));
    const fd = openSync(join(folder, 'skan-mfp.pdf'), 'w');
    for (const chunk of chunks) {
      writeSync(fd, chunk);
      await sleep(150); // slower than nothing, faster than the 300 ms it must stay unchanged
      expect(taken).toEqual([]);
    }
    closeSync(fd);
    const finished = Date.now();
    await until(() => taken.length === 1);
    expect(taken[0]?.at).toBeGreaterThanOrEqual(finished);
    expect(taken[0]?.bytes.equals(Buffer.concat(chunks))).toBe(true);
    await until(() => files(join(folder, PROCESSED_DIR)).length === 1);
    expect(files(folder)).toEqual([CLAIMED_DIR, FAILED_DIR, PROCESSED_DIR].sort());
  });

  it('moves a taken file to processed/ and never takes it again, across a restart', async () => {
    const folder = tempDir();
    const { take, taken } = recordingTake();
    writeFileSync(join(folder, 'pismo.tiff'), 'pierwsze');
    const first = await started(folder, take, 100);
    await until(() => files(join(folder, PROCESSED_DIR)).includes('pismo.tiff'));
    await first.stop();
    // The MFP reuses the name for the next scan: a new file, taken and kept beside the first.
    writeFileSync(join(folder, 'pismo.tiff'), 'drugie');
    await started(folder, take, 100);
    await until(() => files(join(folder, PROCESSED_DIR)).length === 2);
    await sleep(600);
    expect(taken.map((t) => t.bytes.toString())).toEqual(['pierwsze', 'drugie']);
    expect(files(join(folder, PROCESSED_DIR))).toEqual(['pismo (2).tiff', 'pismo.tiff']);
    expect(readFileSync(join(folder, PROCESSED_DIR, 'pismo.tiff'), 'utf8')).toBe('pierwsze');
  });

  it('moves a refused file to failed/ with the reason in Polish beside it', async () => {
    const folder = tempDir();
    await started(folder, recordingTake({ ok: false, reasonKey: 'documentImport.corrupt' }).take, 100);
    writeFileSync(join(folder, 'zepsuty.pdf'), '%PDF-1.4 urwany');
    // The reason file is written aside and renamed: once it is there, it is whole.
    await until(() => existsSync(join(folder, FAILED_DIR, 'zepsuty.pdf.txt')));
    expect(files(join(folder, FAILED_DIR))).toEqual(['zepsuty.pdf', 'zepsuty.pdf.txt']);
    expect(readFileSync(join(folder, FAILED_DIR, 'zepsuty.pdf'), 'utf8')).toBe('%PDF-1.4 urwany');
    expect(readFileSync(join(folder, FAILED_DIR, 'zepsuty.pdf.txt'), 'utf8')).toContain('Plik jest uszkodzony lub niekompletny');
    // Dated the Polish way (3.12.2026, 15:03), in Polish time.
    expect(readFileSync(join(folder, FAILED_DIR, 'zepsuty.pdf.txt'), 'utf8')).toMatch(/^Data: \d{1,2}\.\d{2}\.\d{4}, \d{1,2}:\d{2}\r$/mu);
  });

  it('keeps a file whose storing threw: it goes to failed/ with the reason, never deleted', async () => {
    const folder = tempDir();
    await started(folder, () => Promise.reject(new Error('dysk pełny')), 100);
    writeFileSync(join(folder, 'a.png'), 'obraz');
    await until(() => existsSync(join(folder, FAILED_DIR, 'a.png.txt')));
    expect(readFileSync(join(folder, FAILED_DIR, 'a.png'), 'utf8')).toBe('obraz');
    expect(readFileSync(join(folder, FAILED_DIR, 'a.png.txt'), 'utf8')).toMatch(/Nie udało się zapisać pliku[\s\S]*dysk pełny/u);
  });

  it('puts back a file left claimed by a run that stopped midway, and takes it again', async () => {
    const folder = tempDir();
    mkdirSync(join(folder, CLAIMED_DIR));
    writeFileSync(join(folder, CLAIMED_DIR, 'przerwany.jpg'), 'jpeg');
    const { take, taken } = recordingTake();
    await started(folder, take, 100);
    await until(() => taken.length === 1);
    expect(taken[0]?.name).toBe('przerwany.jpg');
    await until(() => files(join(folder, PROCESSED_DIR)).includes('przerwany.jpg'));
    expect(files(join(folder, CLAIMED_DIR))).toEqual([]);
  });

  it('leaves partial downloads, temporary and hidden files alone', async () => {
    const folder = tempDir();
    const { take, taken } = recordingTake();
    for (const name of ['skan.pdf.part', '~$skan.pdf', '.skan.pdf', 'skan.tmp', 'Thumbs.db']) writeFileSync(join(folder, name), 'x');
    await started(folder, take, 50);
    await sleep(700);
    expect(taken).toEqual([]);
  });

  it('round trip of corpus scans: a good TIFF arrives byte for byte and is kept in processed/, a password-protected PDF goes to failed/', async () => {
    const folder = tempDir();
    const inspector = new ImportInspector(SOURCE_WORKER_URLS.importer, DEFAULT_IMPORT_LIMITS);
    const received: string[] = [];
    // The tray's stand-in checks each file with the real import checks, as the real tray will.
    const take: HotFolderTake = async (name, bytes) => {
      received.push(`${name}:${sha(bytes)}`);
      const outcome = await inspector.inspect(bytes);
      return outcome.ok ? { ok: true } : { ok: false, reasonKey: outcome.reason };
    };
    try {
      await started(folder, take, 100);
      const good = readFileSync(join(CORPUS, 'pillow/g4-multi.tiff'));
      writeFileSync(join(folder, 'faks.tiff'), good);
      const bad = readFileSync(join(CORPUS, 'paperless-ngx/password-is-test.pdf'));
      writeFileSync(join(folder, 'szyfr.pdf'), bad);
      await until(() => files(join(folder, PROCESSED_DIR)).length === 1 && existsSync(join(folder, FAILED_DIR, 'szyfr.pdf.txt')), 20_000);
      expect(received.sort()).toEqual([`faks.tiff:${sha(good)}`, `szyfr.pdf:${sha(bad)}`]);
      expect(sha(readFileSync(join(folder, PROCESSED_DIR, 'faks.tiff')))).toBe(sha(good));
      expect(sha(readFileSync(join(folder, FAILED_DIR, 'szyfr.pdf')))).toBe(sha(bad));
      expect(readFileSync(join(folder, FAILED_DIR, 'szyfr.pdf.txt'), 'utf8')).toContain('chroniony hasłem');
    } finally {
      await inspector.close();
    }
  }, 30_000);
});
