import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { PendingCalls } from '../workers/pending-calls.ts';
import { openDatabase } from './open.ts';
import { repositories, type RepoArgs, type RepoName, type RepoResult } from './repositories/index.ts';
import type { WorkerInit, WorkerRequest, WorkerResponse } from './worker-protocol.ts';

/** How services reach SQLite: by repository name, always asynchronously. */
export interface DbClient {
  call<K extends RepoName>(name: K, ...args: RepoArgs<K>): Promise<RepoResult<K>>;
  close(): Promise<void>;
}

export class DbError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/**
 * Starts the SQLite worker and resolves once the database is open and migrated. `workerUrl` is
 * given by the host: the source file under Node, the bundled file inside Electron.
 */
export function startDbWorker(workerUrl: URL, databaseFile: string): Promise<DbClient> {
  const worker = new Worker(workerUrl, { workerData: { databaseFile } satisfies WorkerInit });
  const pending = new PendingCalls();
  let closed = false;

  return new Promise((resolve, reject) => {
    worker.on('message', (message: WorkerResponse) => {
      switch (message.type) {
        case 'ready':
          resolve(client);
          return;
        case 'fatal':
          reject(new DbError(message.error.name, message.error.message));
          return;
        case 'result':
          if (message.ok) pending.resolve(message.id, message.value);
          else pending.reject(message.id, new DbError(message.error.name, message.error.message));
          return;
      }
    });
    worker.on('error', (error: Error) => {
      pending.rejectAll(error);
      reject(error);
    });
    worker.on('exit', (code) => {
      closed = true;
      pending.rejectAll(new DbError('DbClosed', `Database worker exited (${code})`));
    });

    const client: DbClient = {
      call(name, ...args) {
        if (closed) return Promise.reject(new DbError('DbClosed', 'Database is closed'));
        return pending.start((id) => worker.postMessage({ id, name, args } satisfies WorkerRequest));
      },
      async close() {
        if (closed) return;
        const exited = new Promise<void>((done) => worker.once('exit', () => done()));
        worker.postMessage('close');
        await exited;
      },
    };
  });
}

/**
 * Same interface, same repositories, on the calling thread. For service tests and benchmarks that
 * want to measure SQL without the postMessage hop; the app always uses the worker.
 */
export function openInProcessDb(databaseFile: string): DbClient & { readonly db: Database } {
  const db = openDatabase(databaseFile);
  return {
    db,
    call(name, ...args) {
      try {
        const fn = repositories[name] as (db: Database, ...rest: readonly unknown[]) => RepoResult<typeof name>;
        return Promise.resolve(fn(db, ...args));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    close() {
      db.close();
      return Promise.resolve();
    },
  };
}
