import { parentPort, workerData } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { openDatabase } from './open.ts';
import { schemaVersion } from './migrate.ts';
import { isRepoName, repositories } from './repositories/index.ts';
import { serializeError, type WorkerInit, type WorkerRequest, type WorkerResponse } from './worker-protocol.ts';

/**
 * The SQLite worker: it alone owns the connection, so a long query or a big write never stalls
 * the Electron main process, and writes are serialised by construction.
 */

const port = parentPort;
if (!port) throw new Error('db worker must run in a worker thread');
const init = workerData as WorkerInit;

function send(message: WorkerResponse): void {
  port?.postMessage(message);
}

let db: Database;
try {
  db = openDatabase(init.databaseFile);
  send({ type: 'ready', schemaVersion: schemaVersion(db) });
} catch (error) {
  send({ type: 'fatal', error: serializeError(error) });
  process.exit(1);
}

port.on('message', (request: WorkerRequest | 'close') => {
  if (request === 'close') {
    db.close();
    port.close();
    return;
  }
  try {
    if (!isRepoName(request.name)) throw new Error(`Unknown repository function: ${request.name}`);
    const fn = repositories[request.name] as (db: Database, ...args: readonly unknown[]) => unknown;
    send({ type: 'result', id: request.id, ok: true, value: fn(db, ...request.args) });
  } catch (error) {
    send({ type: 'result', id: request.id, ok: false, error: serializeError(error) });
  }
});
