import type { SerializedError } from '../db/worker-protocol.ts';
import type { DocumentJob } from './render.ts';

/** Messages between the host thread and the documents worker. */
export interface DocumentsRequest {
  readonly id: number;
  readonly job: DocumentJob;
}

export type DocumentsResponse =
  | { readonly id: number; readonly ok: true; readonly bytes: Uint8Array }
  | { readonly id: number; readonly ok: false; readonly error: SerializedError };
