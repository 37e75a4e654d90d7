import type { EventBus } from '../events.ts';
import { HotFolder, type HotFolderOptions, type HotFolderTake } from './hot-folder.ts';

/**
 * Keeps one hot folder running for the path in Ustawienia: started at launch, moved when the
 * clerk saves another path, stopped when the path is emptied or the workstation closes. A folder
 * that cannot be opened (a share that is offline) is logged and tried again at the next save or
 * start; it never stops the workstation.
 */
export class HotFolderSupervisor {
  readonly #settings: { get(): Promise<{ hotFolderPath: string }> };
  readonly #events: EventBus;
  readonly #take: HotFolderTake | null;
  readonly #logError: (message: string, error: unknown) => void;
  readonly #tuning: Pick<HotFolderOptions, 'stableMs' | 'rescanMs' | 'maxFileBytes'>;
  #current: HotFolder | null = null;
  #queue: Promise<void> = Promise.resolve();
  #unsubscribe: (() => void) | null = null;

  constructor(deps: {
    settings: { get(): Promise<{ hotFolderPath: string }> };
    events: EventBus;
    /** Where taken files go; null while nothing can take them (the folder is then left alone). */
    take: HotFolderTake | null;
    logError: (message: string, error: unknown) => void;
    tuning?: Pick<HotFolderOptions, 'stableMs' | 'rescanMs' | 'maxFileBytes'>;
  }) {
    this.#settings = deps.settings;
    this.#events = deps.events;
    this.#take = deps.take;
    this.#logError = deps.logError;
    this.#tuning = deps.tuning ?? {};
  }

  /** The folder being watched, or null. */
  get folder(): string | null {
    return this.#current?.folder ?? null;
  }

  async start(): Promise<void> {
    this.#unsubscribe = this.#events.subscribe((name, payload) => {
      if (name === 'settings.changed') void this.#apply((payload as { hotFolderPath: string }).hotFolderPath);
    });
    await this.#apply((await this.#settings.get()).hotFolderPath);
  }

  async stop(): Promise<void> {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    await this.#apply('');
  }

  /** Changes run one after another, so a quick second save never leaves two watchers. */
  #apply(path: string): Promise<void> {
    this.#queue = this.#queue.then(async () => {
      if ((this.#current?.folder ?? '') === path) return;
      await this.#current?.stop();
      this.#current = null;
      if (path === '') return;
      if (this.#take === null) {
        this.#logError(`Hot folder ${path} is set, but nothing can take its files yet; it is left untouched`, null);
        return;
      }
      const folder = new HotFolder({ folder: path, take: this.#take, logError: this.#logError, ...this.#tuning });
      try {
        await folder.start();
        this.#current = folder;
      } catch (error) {
        await folder.stop();
        this.#logError(`Hot folder ${path} cannot be watched`, error);
      }
    });
    return this.#queue;
  }
}
