import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { TokenCache } from '../auth/token-cache.ts';
import type { Logger } from '../log.ts';
import { HttpError } from './http-error.ts';
import { JsonText } from './json-text.ts';
import { BinaryBody, matchPath, type Route } from './route.ts';

const MAX_BODY_BYTES = 20 * 1024 * 1024;

/** The request handler: routing, bearer auth, body and query validation, errors as JSON, access log. */
export function createHandler(routes: readonly Route[], tokens: TokenCache, log: Logger) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://server.invalid');
    let status = 200;
    try {
      const found = findRoute(routes, req.method ?? 'GET', url.pathname);
      const token = /^Bearer (\S+)$/u.exec(req.headers.authorization ?? '')?.[1] ?? null;
      const user = token ? await tokens.user(token) : null;
      if (found.route.auth === 'user' && !user) throw new HttpError(401, 'unauthorized', 'Sign in first (missing, unknown or expired token)');
      const body = found.route.body ? parse(found.route.body, await readJson(req)) : undefined;
      const raw = found.route.rawBody ? await readBytes(req, found.route.rawBody.maxBytes) : undefined;
      const query = found.route.query ? parse(found.route.query, Object.fromEntries(url.searchParams)) : undefined;
      const value = await found.route.handle({ body, raw, query, params: found.params, user, token, ip: req.socket.remoteAddress ?? '', req, res });
      if (found.route.response === 'event-stream') return; // the route answered itself and stays open
      send(res, 200, value);
    } catch (error) {
      if (error instanceof HttpError) {
        status = error.status;
        send(res, error.status, { error: { code: error.code, message: error.message } });
      } else {
        status = 500;
        log.error('request failed', { method: req.method, path: url.pathname, error });
        send(res, 500, { error: { code: 'internal', message: 'Internal server error' } });
      }
    } finally {
      if (url.pathname !== '/v1/sync/events' || status !== 200) {
        log.debug('request', { method: req.method, path: url.pathname, status, ms: Math.round((performance.now() - started) * 10) / 10 });
      }
    }
  };
}

function findRoute(routes: readonly Route[], method: string, path: string): { route: Route; params: Record<string, string> } {
  let pathMatched = false;
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    pathMatched = true;
    if (route.method === method) return { route, params };
  }
  throw pathMatched ? new HttpError(405, 'method_not_allowed', `${method} is not allowed here`) : new HttpError(404, 'not_found', `No endpoint ${path}`);
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const where = result.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).slice(0, 5).join('; ');
    throw new HttpError(400, 'invalid_input', where);
  }
  return result.data;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const bytes = await readBytes(req, MAX_BODY_BYTES);
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'invalid_json', 'The body is not valid JSON');
  }
}

/**
 * The whole body, refused with 413 past `maxBytes`: at once when Content-Length says so (an upload
 * too large is not read at all), else as soon as the bytes read pass it.
 */
async function readBytes(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    // The client may still be sending: close the connection after the answer rather than read it all.
    req.resume();
    throw new HttpError(413, 'too_large', `Request body too large (at most ${String(maxBytes)} bytes)`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new HttpError(413, 'too_large', `Request body too large (at most ${String(maxBytes)} bytes)`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, value: unknown): void {
  if (res.headersSent) return;
  if (value instanceof BinaryBody) {
    res.writeHead(status, { 'Content-Type': value.mediaType, 'Cache-Control': 'no-store', 'Content-Length': value.bytes.byteLength });
    res.end(value.bytes);
    return;
  }
  const body = value instanceof JsonText ? value.text : JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
