import type { z } from 'zod';
import {
  NumberLease, PullResponse, PushResponse, ServerError, SignInResponse,
  type NumberRegister, type PushRequest, type RkwLeaseRequest, type RpwLeaseRequest, type SignInRequest,
} from '../../../shared/sync/protocol.ts';

/** The server could not be reached (network down, refused, timed out): work goes on offline. */
export class ServerUnreachableError extends Error {
  constructor(cause: unknown) {
    super(`Central server unreachable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'ServerUnreachableError';
  }
}

/** The server answered with an error status; `code` is its machine-readable error code. */
export class ServerHttpError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ServerHttpError';
    this.status = status;
    this.code = code;
  }
}

export interface ServerClientOptions {
  readonly baseUrl: string;
  readonly token: () => string | null;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
}

/**
 * The central API as the workstation calls it. Every answer is parsed with the protocol's zod
 * schemas: the server is another program, and this is a trust boundary.
 */
export class ServerClient {
  readonly #options: ServerClientOptions;
  readonly #fetch: typeof fetch;

  constructor(options: ServerClientOptions) {
    this.#options = options;
    this.#fetch = options.fetch ?? fetch;
  }

  signIn(request: SignInRequest): Promise<SignInResponse> {
    return this.#call('POST', '/v1/auth/sign-in', SignInResponse, request);
  }

  async signOut(): Promise<void> {
    await this.#call('POST', '/v1/auth/sign-out', null);
  }

  push(request: PushRequest): Promise<PushResponse> {
    return this.#call('POST', '/v1/sync/push', PushResponse, request);
  }

  pull(query: { clientId: string; cursor: number; limit: number }): Promise<PullResponse> {
    const params = new URLSearchParams({ clientId: query.clientId, cursor: String(query.cursor), limit: String(query.limit) });
    return this.#call('GET', `/v1/sync/pull?${params.toString()}`, PullResponse);
  }

  /** The next block of a register's numbers (`/v1/numbering/rpw/lease` or `/v1/numbering/rkw/lease`). */
  lease(register: NumberRegister, request: (RpwLeaseRequest | RkwLeaseRequest) & { clientId: string }): Promise<NumberLease> {
    return this.#call('POST', `/v1/numbering/${register}/lease`, NumberLease, request);
  }

  /** Uploads a stored file under its SHA-256 (the server checks the hash; again is harmless). */
  async putBlob(sha256: string, bytes: Uint8Array): Promise<void> {
    const response = await this.#send(`/v1/blobs/${sha256}`, {
      method: 'PUT',
      headers: { ...this.#headers(), 'Content-Type': 'application/octet-stream' },
      body: bytes,
      signal: AbortSignal.timeout(blobTimeoutMs(bytes.byteLength)),
    });
    if (!response.ok) throw await this.#httpError(response);
    await response.arrayBuffer().catch(() => undefined);
  }

  /** Downloads a file by its SHA-256; the caller checks the bytes against it. */
  async getBlob(sha256: string, expectedSize: number | null = null): Promise<Uint8Array> {
    const response = await this.#send(`/v1/blobs/${sha256}`, {
      headers: this.#headers(),
      signal: AbortSignal.timeout(blobTimeoutMs(expectedSize ?? 50 * 1024 * 1024)),
    });
    if (!response.ok) throw await this.#httpError(response);
    try {
      return new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      throw new ServerUnreachableError(error);
    }
  }

  async #send(path: string, init: RequestInit): Promise<Response> {
    try {
      return await this.#fetch(this.#url(path), init);
    } catch (error) {
      throw new ServerUnreachableError(error);
    }
  }

  /**
   * Holds `GET /v1/sync/events` open and calls `onPoke` for every poke, until `signal` aborts or
   * the stream ends (resolves) or fails (rejects). The caller reconnects.
   */
  async events(signal: AbortSignal, onPoke: (version: number) => void): Promise<void> {
    let response: Response;
    try {
      response = await this.#fetch(this.#url('/v1/sync/events'), { headers: this.#headers(), signal });
    } catch (error) {
      throw new ServerUnreachableError(error);
    }
    if (!response.ok || !response.body) throw await this.#httpError(response);
    const decoder = new TextDecoder();
    let buffered = '';
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffered += decoder.decode(value, { stream: true });
        let boundary = buffered.indexOf('\n\n');
        while (boundary !== -1) {
          const version = pokeVersion(buffered.slice(0, boundary));
          if (version !== null) onPoke(version);
          buffered = buffered.slice(boundary + 2);
          boundary = buffered.indexOf('\n\n');
        }
      }
    } catch (error) {
      if (signal.aborted) return;
      throw new ServerUnreachableError(error);
    }
  }

  async #call<S extends z.ZodType>(method: 'GET' | 'POST', path: string, schema: S | null, body?: unknown): Promise<z.output<S>> {
    let response: Response;
    try {
      response = await this.#fetch(this.#url(path), {
        method,
        headers: { ...this.#headers(), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.#options.timeoutMs ?? 15_000),
      });
    } catch (error) {
      throw new ServerUnreachableError(error);
    }
    if (!response.ok) throw await this.#httpError(response);
    let json: unknown;
    try {
      json = await response.json();
    } catch (error) {
      // The connection broke while the answer was being read: for the caller, a lost response.
      throw new ServerUnreachableError(error);
    }
    return (schema === null ? json : schema.parse(json)) as z.output<S>;
  }

  #url(path: string): string {
    return `${this.#options.baseUrl}${path}`;
  }

  #headers(): Record<string, string> {
    const token = this.#options.token();
    return token === null ? {} : { Authorization: `Bearer ${token}` };
  }

  async #httpError(response: Response): Promise<ServerHttpError> {
    const body = ServerError.safeParse(await response.json().catch(() => null));
    return body.success
      ? new ServerHttpError(response.status, body.data.error.code, body.data.error.message)
      : new ServerHttpError(response.status, 'http_error', `HTTP ${String(response.status)}`);
  }
}

/** A file's transfer may take 30 s plus one second per MiB (a slow office link), never the JSON calls' 15 s. */
function blobTimeoutMs(bytes: number): number {
  return 30_000 + Math.ceil(bytes / (1024 * 1024)) * 1000;
}

function pokeVersion(event: string): number | null {
  const lines = event.split('\n');
  if (!lines.some((line) => line === 'event: poke')) return null;
  const data = lines.find((line) => line.startsWith('data: '));
  if (!data) return null;
  try {
    const parsed = JSON.parse(data.slice(6)) as { version?: unknown };
    return typeof parsed.version === 'number' ? parsed.version : null;
  } catch {
    return null;
  }
}
