/** Messages between the host thread and the SQLite worker. Plain objects: they cross postMessage. */

export interface WorkerRequest {
  readonly id: number;
  readonly name: string;
  readonly args: readonly unknown[];
}

export interface SerializedError {
  readonly name: string;
  readonly message: string;
}

export type WorkerResponse =
  | { readonly type: 'ready'; readonly schemaVersion: number }
  | { readonly type: 'fatal'; readonly error: SerializedError }
  | { readonly type: 'result'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly type: 'result'; readonly id: number; readonly ok: false; readonly error: SerializedError };

export interface WorkerInit {
  readonly databaseFile: string;
}

export function serializeError(error: unknown): SerializedError {
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: 'Error', message: String(error) };
}
