import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy.ts';
import { isMethod, type Method } from '../../shared/contract.ts';
import { MAX_IMPORT_BASE64_CHARS } from '../../shared/document-import.ts';
import type { Workstation } from '../core/workstation.ts';
import { readStatic } from '../core/host/static-files.ts';

export interface DevServerOptions {
  readonly workstation: Workstation;
  readonly rendererDir: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  readonly heartbeatMs?: number;
}

export interface DevServer {
  /** Origin to open, e.g. http://127.0.0.1:41234 */
  readonly origin: string;
  /** Per-run secret the renderer sends as a bearer token. */
  readonly token: string;
  /** What a person opens: the origin with the token in the fragment (never sent to the server). */
  readonly url: string;
  close(): Promise<void>;
}

/** Every ordinary call (a form, a query) fits in far less; a bigger body is a runaway client. */
const DEFAULT_BODY_BYTES = 1024 * 1024;
/**
 * Calls that carry a whole file get the contract's own cap on it plus room for the JSON around it
 * (ids, a 255-character file name even if every character is escaped), so a file the contract
 * would accept is never cut off here and the clerk reads the core's Polish reason instead of a 413.
 */
const BODY_LIMITS: Partial<Readonly<Record<Method, number>>> = {
  'documents.import': MAX_IMPORT_BASE64_CHARS + 64 * 1024,
  'documents.importBatch': MAX_IMPORT_BASE64_CHARS + 64 * 1024,
};
const HOST = '127.0.0.1';

/** The largest request body accepted for a method; unknown names get the ordinary limit. */
export function bodyLimitFor(method: string): number {
  return (isMethod(method) ? BODY_LIMITS[method] : undefined) ?? DEFAULT_BODY_BYTES;
}

/**
 * Hosts the workstation core over loopback HTTP with the same contract as Electron IPC:
 * POST /rpc/:method and GET /events (SSE), plus the built renderer. Only 127.0.0.1, a random port,
 * a per-run token, and a Host check against DNS rebinding; no CORS headers, so other origins
 * cannot read anything.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const token = randomBytes(32).toString('base64url');
  const expectedAuth = Buffer.from(`Bearer ${token}`);
  const sseClients = new Set<ServerResponse>();
  let allowedHosts: ReadonlySet<string> = new Set();

  const unsubscribe = options.workstation.events.subscribe((name, payload) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const client of sseClients) client.write(frame);
  });

  const isAuthorized = (request: IncomingMessage): boolean => {
    const given = Buffer.from(request.headers.authorization ?? '');
    return given.length === expectedAuth.length && timingSafeEqual(given, expectedAuth);
  };

  const server = createServer((request, response) => {
    baseHeaders(response);
    if (!allowedHosts.has(request.headers.host ?? '')) {
      sendText(response, 421, 'Misdirected request');
      return;
    }
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith('/rpc/')) {
      if (!isAuthorized(request)) return sendText(response, 401, 'Unauthorized');
      if (request.method !== 'POST') return sendText(response, 405, 'Method not allowed');
      void handleRpc(options.workstation, decodeURIComponent(path.slice('/rpc/'.length)), request, response);
      return;
    }
    if (path === '/events') {
      if (!isAuthorized(request)) return sendText(response, 401, 'Unauthorized');
      openEventStream(response, sseClients, options.heartbeatMs ?? 25_000);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'Method not allowed');
    void serveStatic(options.rendererDir, path, response);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`${HOST}:${port}`, `localhost:${port}`]);
  const origin = `http://${HOST}:${port}`;

  return {
    origin,
    token,
    url: `${origin}/#token=${token}`,
    close: async () => {
      unsubscribe();
      for (const client of sseClients) client.end();
      sseClients.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function baseHeaders(response: ServerResponse): void {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(text);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

async function handleRpc(workstation: Workstation, method: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const contentType = request.headers['content-type'] ?? '';
  if (!contentType.startsWith('application/json')) {
    sendJson(response, 415, { ok: false, error: { code: 'invalid_input', message: 'Expected application/json' } });
    return;
  }
  const limit = bodyLimitFor(method);
  if (Number(request.headers['content-length'] ?? 0) > limit) {
    response.setHeader('Connection', 'close');
    sendJson(response, 413, { ok: false, error: { code: 'invalid_input', message: 'Request body too large' } });
    request.resume();
    return;
  }
  const body = await readBody(request, limit);
  if (body === null) {
    sendJson(response, 413, { ok: false, error: { code: 'invalid_input', message: 'Request body too large' } });
    return;
  }
  let input: unknown;
  try {
    input = body === '' ? {} : JSON.parse(body);
  } catch {
    sendJson(response, 400, { ok: false, error: { code: 'invalid_input', message: 'Malformed JSON' } });
    return;
  }
  // Business errors are still HTTP 200: the Result envelope carries them, as over IPC.
  sendJson(response, 200, await workstation.dispatch(method, input));
}

/**
 * The body as text, or null when it exceeds `limit` bytes. An oversized body is drained and
 * dropped rather than the socket reset, so the client gets a readable 413.
 */
function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function openEventStream(response: ServerResponse, clients: Set<ServerResponse>, heartbeatMs: number): void {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Accel-Buffering': 'no',
    Connection: 'keep-alive',
  });
  response.write(': connected\n\n');
  clients.add(response);
  // A comment line now and then keeps proxies and idle timers from closing the stream.
  const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), heartbeatMs);
  response.on('close', () => {
    clearInterval(heartbeat);
    clients.delete(response);
  });
}

async function serveStatic(rendererDir: string, path: string, response: ServerResponse): Promise<void> {
  const file = await readStatic(rendererDir, path);
  if (!file) {
    sendText(response, 404, 'Not found');
    return;
  }
  const headers: Record<string, string> = { 'Content-Type': file.type, 'Cache-Control': 'no-cache' };
  if (file.type.startsWith('text/html')) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
  response.writeHead(200, headers);
  response.end(file.body);
}
