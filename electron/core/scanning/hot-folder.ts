import { watch, type FSWatcher } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { polishDateTime } from '../../../shared/dates.ts';
import { hotFolderReasonText } from './hot-folder-reasons.ts';

/**
 * What becomes of one file taken from the hot folder. `reasonKey` is an i18n key (an import
 * refusal such as `documentImport.corrupt`, or a `hotFolder.*` key); the file then goes to
 * `failed/` with a .txt beside it saying why, in Polish.
 */
export type HotFolderTake = (fileName: string, bytes: Buffer) => Promise<{ ok: true } | { ok: false; reasonKey: string }>;

export interface HotFolderOptions {
  readonly folder: string;
  readonly take: HotFolderTake;
  /** How long size and modification time must stay the same before a file counts as complete. */
  readonly stableMs?: number;
  /** Full rescans besides fs.watch, which misses events on network shares (SMB, NFS). */
  readonly rescanMs?: number;
  /** Larger files are refused unread (the import path would refuse them anyway). */
  readonly maxFileBytes?: number;
  readonly logError?: (message: string, error: unknown) => void;
  readonly now?: () => number;
}

export const PROCESSED_DIR = 'processed';
export const FAILED_DIR = 'failed';
/** Where a file waits while it is being stored; a rename into it is what claims the file. */
export const CLAIMED_DIR = '.w-toku';

/** Files a scanner or an operating system writes beside the scans, and partial downloads. */
function ignored(name: string): boolean {
  const lower = name.toLowerCase();
  return name.startsWith('.') || name.startsWith('~$') || ['.tmp', '.part', '.crdownload', '.partial'].includes(extname(lower)) || lower === 'thumbs.db' || lower === 'desktop.ini';
}

interface Observation {
  readonly size: number;
  readonly mtimeMs: number;
  readonly since: number;
}

/**
 * A folder that network MFPs scan into. A file is taken once it is complete: its size and
 * modification time unchanged across two looks `stableMs` apart, and it opens for writing (on
 * Windows a file still being written is locked). Taking it is a rename into `.w-toku/`, so two
 * passes (or two workstations on one share) never read the same file; afterwards it is renamed
 * into `processed/` or, with the reason beside it, `failed/`. Nothing is ever deleted: a file
 * whose storing failed midway stays in `.w-toku/` and is put back to be taken again at the next
 * start, and files in `processed/` are never looked at again, across restarts too.
 */
export class HotFolder {
  readonly #folder: string;
  readonly #take: HotFolderTake;
  readonly #stableMs: number;
  readonly #rescanMs: number;
  readonly #maxFileBytes: number;
  readonly #logError: (message: string, error: unknown) => void;
  readonly #now: () => number;
  readonly #seen = new Map<string, Observation>();
  #watcher: FSWatcher | null = null;
  #rescanTimer: NodeJS.Timeout | null = null;
  #soonTimer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  #stopped = true;

  constructor(options: HotFolderOptions) {
    this.#folder = options.folder;
    this.#take = options.take;
    this.#stableMs = options.stableMs ?? 700;
    this.#rescanMs = options.rescanMs ?? 5000;
    this.#maxFileBytes = options.maxFileBytes ?? Number.MAX_SAFE_INTEGER;
    this.#logError = options.logError ?? ((message, error) => console.error(message, error));
    this.#now = options.now ?? Date.now;
  }

  get folder(): string {
    return this.#folder;
  }

  async start(): Promise<void> {
    this.#stopped = false;
    for (const dir of [PROCESSED_DIR, FAILED_DIR, CLAIMED_DIR]) await mkdir(join(this.#folder, dir), { recursive: true });
    await this.#recoverClaimed();
    try {
      this.#watcher = watch(this.#folder, () => this.#soon(100));
      this.#watcher.on('error', (error) => this.#logError(`Watching ${this.#folder} failed; rescans go on`, error));
    } catch (error) {
      this.#logError(`Cannot watch ${this.#folder}; rescans only`, error);
    }
    this.#rescanTimer = setInterval(() => this.#soon(0), this.#rescanMs);
    await this.scan();
  }

  /** Stops watching; a file being stored is finished first, so it lands in processed/ or failed/. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#watcher?.close();
    this.#watcher = null;
    if (this.#rescanTimer) clearInterval(this.#rescanTimer);
    if (this.#soonTimer) clearTimeout(this.#soonTimer);
    this.#rescanTimer = null;
    this.#soonTimer = null;
    await this.#running;
  }

  /** One look at the folder (the timers call it; tests may too). Passes never overlap. */
  scan(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      try {
        do {
          this.#again = false;
          await this.#pass();
        } while (this.#rerunAsked() && !this.#stopped);
      } catch (error) {
        this.#logError(`Hot folder ${this.#folder}: a pass failed`, error);
      } finally {
        this.#running = null;
      }
    })();
    return this.#running;
  }

  /** A scan() call arrived during the pass just finished (fs.watch saw more files). */
  #rerunAsked(): boolean {
    return this.#again;
  }

  #soon(delayMs: number): void {
    if (this.#stopped || this.#soonTimer) return;
    this.#soonTimer = setTimeout(() => {
      this.#soonTimer = null;
      void this.scan();
    }, delayMs);
  }

  async #pass(): Promise<void> {
    const entries = await readdir(this.#folder, { withFileTypes: true });
    const present = new Set<string>();
    for (const entry of entries) {
      if (this.#stopped) return;
      if (!entry.isFile() || ignored(entry.name)) continue;
      present.add(entry.name);
      const info = await stat(join(this.#folder, entry.name)).catch(() => null);
      if (!info) continue;
      const before = this.#seen.get(entry.name);
      const now = this.#now();
      if (!before || before.size !== info.size || before.mtimeMs !== info.mtimeMs) {
        this.#seen.set(entry.name, { size: info.size, mtimeMs: info.mtimeMs, since: now });
        this.#soon(this.#stableMs);
        continue;
      }
      // An empty file is usually one a scanner has just created: it gets much longer to fill.
      const needed = info.size === 0 ? this.#stableMs * 20 : this.#stableMs;
      if (now - before.since < needed || !(await openable(join(this.#folder, entry.name)))) {
        this.#soon(this.#stableMs);
        continue;
      }
      this.#seen.delete(entry.name);
      await this.#takeFile(entry.name, info.size);
    }
    for (const name of this.#seen.keys()) if (!present.has(name)) this.#seen.delete(name);
  }

  async #takeFile(name: string, size: number): Promise<void> {
    const claimed = join(this.#folder, CLAIMED_DIR, name);
    try {
      await rename(join(this.#folder, name), claimed);
    } catch (error) {
      // Gone meanwhile (another workstation on the same share took it): not ours.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.#logError(`Hot folder: cannot claim ${name}`, error);
      return;
    }
    let outcome: Awaited<ReturnType<HotFolderTake>>;
    let detail = '';
    try {
      outcome = size > this.#maxFileBytes ? { ok: false, reasonKey: 'documentImport.tooLarge' } : await this.#take(name, await readFile(claimed));
    } catch (error) {
      this.#logError(`Hot folder: storing ${name} failed`, error);
      outcome = { ok: false, reasonKey: 'hotFolder.storeFailed' };
      detail = error instanceof Error ? error.message : String(error);
    }
    try {
      if (outcome.ok) {
        await moveUnique(claimed, join(this.#folder, PROCESSED_DIR), name);
      } else {
        const moved = await moveUnique(claimed, join(this.#folder, FAILED_DIR), name);
        const text = `${hotFolderReasonText(outcome.reasonKey)}\r\n${detail === '' ? '' : `\r\nSzczegóły techniczne: ${detail}\r\n`}\r\nPlik: ${name}\r\nData: ${polishDateTime(new Date(this.#now()).toISOString())}\r\nKod: ${outcome.reasonKey}\r\n`;
        // Written aside and renamed: whoever opens the share never sees half a reason.
        await writeFile(`${moved}.txt.tmp`, text, 'utf8');
        await rename(`${moved}.txt.tmp`, `${moved}.txt`);
      }
    } catch (error) {
      // It stays in .w-toku/ and is taken again after the next start: never lost.
      this.#logError(`Hot folder: cannot move ${name} out of ${CLAIMED_DIR}`, error);
    }
  }

  /** Files left claimed by a run that ended midway go back to be taken again. */
  async #recoverClaimed(): Promise<void> {
    const claimedDir = join(this.#folder, CLAIMED_DIR);
    for (const name of await readdir(claimedDir)) {
      await moveUnique(join(claimedDir, name), this.#folder, name).catch((error: unknown) => this.#logError(`Hot folder: cannot put back ${name}`, error));
    }
  }
}

/** Whether the writer has let go of the file (Windows refuses to open a file still being written). */
async function openable(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'r+');
    await handle.close();
    return true;
  } catch {
    return false;
  }
}

/** Renames into `dir`, adding " (2)", " (3)"… before the extension if the name is taken; returns the path. */
async function moveUnique(from: string, dir: string, name: string): Promise<string> {
  const extension = extname(name);
  const stem = name.slice(0, name.length - extension.length);
  for (let n = 1; ; n++) {
    const target = join(dir, n === 1 ? name : `${stem} (${n})${extension}`);
    const exists = await stat(target).then(() => true, () => false);
    if (exists) continue;
    await rename(from, target);
    return target;
  }
}
