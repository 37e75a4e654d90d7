import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { SessionUser } from '../../shared/sync/protocol.ts';

export interface RouteContext<B, Q> {
  readonly body: B;
  /** The request's bytes, for a route with `rawBody` (already checked against its size limit). */
  readonly raw: Buffer | undefined;
  readonly query: Q;
  readonly params: Readonly<Record<string, string>>;
  /** The signed-in user; routes with `auth: 'user'` never run without one. */
  readonly user: SessionUser | null;
  readonly token: string | null;
  readonly ip: string;
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
}

/**
 * One endpoint: its schemas are both the validation and the OpenAPI description, so the two
 * cannot drift apart. A `stream` route writes its own response (SSE).
 */
export interface Route<B extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType> {
  readonly method: 'GET' | 'POST' | 'PUT';
  /** `/v1/track/:code`: `:name` segments become params. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly auth: 'user' | 'none';
  readonly body?: B;
  readonly query?: Q;
  /** A body taken as bytes, not JSON (a file upload): its media type and largest size. */
  readonly rawBody?: { readonly mediaType: string; readonly maxBytes: number };
  /** 'bytes': the route answers with a BinaryBody (a file download). */
  readonly response: z.ZodType | 'event-stream' | 'bytes';
  /** Extra error answers worth documenting, by status. */
  readonly errors?: Readonly<Record<number, string>>;
  handle(ctx: RouteContext<z.output<B>, z.output<Q>>): Promise<unknown>;
}

export function route<B extends z.ZodType, Q extends z.ZodType>(spec: Route<B, Q>): Route {
  return spec;
}

/** Matches `/v1/track/ABCDE-12345` against `/v1/track/:code`. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith(':')) {
      if (g === '') return null;
      params[w.slice(1)] = decodeURIComponent(g);
    } else if (w !== g) return null;
  }
  return params;
}

/** A route's answer sent as bytes (`response: 'bytes'`), not JSON. */
export class BinaryBody {
  readonly bytes: Buffer;
  readonly mediaType: string;
  constructor(bytes: Buffer, mediaType = 'application/octet-stream') {
    this.bytes = bytes;
    this.mediaType = mediaType;
  }
}
