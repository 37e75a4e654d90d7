import { z } from 'zod';
import { PullQuery, PullResponse, PushRequest, PushResponse, RkwLeaseRequest, RpwLease, RpwLeaseRequest, SessionUser, SignInRequest, SignInResponse } from '../../shared/sync/protocol.ts';
import { TrackingQuery, TrackingResponse } from '../../shared/tracking.ts';
import type { AuthPolicy } from '../auth/sessions.ts';
import type { TokenCache } from '../auth/token-cache.ts';
import { signIn, signOut } from '../auth/sessions.ts';
import { BlobHashMismatch, readBlob, SHA256_PATTERN, storeBlob } from '../blobs/blob-store.ts';
import type { ServerDb } from '../db/database.ts';
import { mayReadBlob } from '../sync/blob-access.ts';
import { CommandRejection, type ServerSecrets } from '../sync/command-context.ts';
import { leaseRkwBlock, leaseRpwBlock } from '../sync/leases.ts';
import { CursorTooOldError, pullJson } from '../sync/pull.ts';
import { ForeignClientError, push } from '../sync/push.ts';
import { trackLetter } from '../tracking.ts';
import { HttpError } from './http-error.ts';
import { JsonText } from './json-text.ts';
import type { RateLimiter } from './rate-limit.ts';
import { BinaryBody, route, type Route } from './route.ts';
import type { SseHub } from './sse-hub.ts';

export interface RouteDeps {
  readonly db: ServerDb;
  readonly secrets: ServerSecrets;
  readonly auth: AuthPolicy;
  readonly hub: SseHub;
  readonly tokens: TokenCache;
  readonly trackingLimiter: RateLimiter;
  /** Largest upload to PUT /v1/blobs/:sha256. */
  readonly maxBlobBytes: number;
  readonly version: string;
  readonly openApi: () => Record<string, unknown>;
}

const Ok = z.object({ ok: z.literal(true) });
const BlobStored = z.object({ sha256: z.string(), size: z.number().int(), created: z.boolean() });

function blobHash(params: Readonly<Record<string, string>>): string {
  const sha256 = params['sha256'] ?? '';
  if (!SHA256_PATTERN.test(sha256)) throw new HttpError(400, 'invalid_hash', 'The path must end in a lowercase hex SHA-256');
  return sha256;
}

function signedIn(user: SessionUser | null): SessionUser {
  if (!user) throw new HttpError(401, 'unauthorized', 'Sign in first');
  return user;
}

async function currentVersion(db: ServerDb): Promise<number> {
  const [row] = await db.query<{ v: number }>('SELECT v FROM sync_version WHERE id = 1');
  return row?.v ?? 0;
}

/** Every endpoint of the central API. */
export function serverRoutes(deps: RouteDeps): Route[] {
  const { db } = deps;
  return [
    route({
      method: 'GET', path: '/healthz', summary: 'Liveness and database check', tag: 'operations', auth: 'none',
      response: z.object({ status: z.literal('ok'), database: z.enum(['postgres', 'pglite']), version: z.string() }),
      errors: { 503: 'The database does not answer' },
      async handle() {
        await db.query('SELECT 1').catch((error: unknown) => {
          throw new HttpError(503, 'unavailable', error instanceof Error ? error.message : 'database down');
        });
        return { status: 'ok', database: db.kind, version: deps.version };
      },
    }),
    route({
      method: 'GET', path: '/openapi.json', summary: 'This API described in OpenAPI 3.1', tag: 'operations', auth: 'none',
      response: z.record(z.string(), z.unknown()),
      handle: () => Promise.resolve(deps.openApi()),
    }),
    route({
      method: 'POST', path: '/v1/auth/sign-in', summary: 'Sign in with login and password; returns an expiring bearer token', tag: 'auth', auth: 'none',
      body: SignInRequest, response: SignInResponse,
      errors: { 401: 'Wrong login or password', 423: 'Locked after repeated wrong passwords' },
      async handle({ body }) {
        const result = await signIn(db, body, deps.auth);
        if (result === 'bad_credentials') throw new HttpError(401, 'bad_credentials', 'Wrong login or password');
        if (result === 'locked') throw new HttpError(423, 'locked', 'Account locked for a while after repeated wrong passwords');
        return result;
      },
    }),
    route({
      method: 'POST', path: '/v1/auth/sign-out', summary: 'End this token\'s session', tag: 'auth', auth: 'user',
      response: Ok,
      async handle({ token }) {
        if (token) {
          deps.tokens.forget(token);
          await signOut(db, token);
        }
        return { ok: true };
      },
    }),
    route({
      method: 'GET', path: '/v1/auth/me', summary: 'Who this token belongs to', tag: 'auth', auth: 'user',
      response: SessionUser,
      handle: ({ user }) => Promise.resolve(signedIn(user)),
    }),
    route({
      method: 'POST', path: '/v1/sync/push', summary: 'Apply outbox commands in order, each exactly once', tag: 'sync', auth: 'user',
      body: PushRequest, response: PushResponse,
      errors: { 403: 'The client id belongs to another user' },
      async handle({ body, user }) {
        try {
          return await push(db, signedIn(user), body, deps.secrets, (version) => deps.hub.poke(version));
        } catch (error) {
          if (error instanceof ForeignClientError) throw new HttpError(403, 'foreign_client', error.message);
          throw error;
        }
      },
    }),
    route({
      method: 'GET', path: '/v1/sync/pull', summary: 'Changes after a version cursor, in commit order, within the user\'s scope', tag: 'sync', auth: 'user',
      query: PullQuery, response: PullResponse,
      errors: { 410: 'Cursor older than the compacted log: start again from 0' },
      async handle({ query, user }) {
        try {
          return new JsonText(await pullJson(db, signedIn(user), query));
        } catch (error) {
          if (error instanceof CursorTooOldError) throw new HttpError(410, 'resync_required', 'Cursor is older than the change log; pull again from 0');
          throw error;
        }
      },
    }),
    route({
      method: 'GET', path: '/v1/sync/events', summary: 'Server-sent "poke" events: pull now', tag: 'sync', auth: 'user',
      response: 'event-stream',
      async handle({ res }) {
        deps.hub.open(res, await currentVersion(db));
        return undefined;
      },
    }),
    route({
      method: 'POST', path: '/v1/numbering/rpw/lease', summary: 'Lease the next block of RPW numbers for a desk and year', tag: 'numbering', auth: 'user',
      body: RpwLeaseRequest.extend({ clientId: z.uuid() }), response: RpwLease,
      errors: { 403: 'Only registry clerks lease numbers', 404: 'No such desk' },
      async handle({ body, user }) {
        try {
          return await leaseRpwBlock(db, signedIn(user), body.clientId, body);
        } catch (error) {
          if (error instanceof CommandRejection) throw new HttpError(error.code === 'forbidden' ? 403 : 404, error.code, error.message);
          throw error;
        }
      },
    }),
    route({
      method: 'POST', path: '/v1/numbering/rkw/lease', summary: 'Lease the next block of RKW (outgoing register) numbers for a desk, or a unit sending its own letters, and year', tag: 'numbering', auth: 'user',
      body: RkwLeaseRequest.extend({ clientId: z.uuid() }), response: RpwLease,
      errors: { 403: 'Only the roles that send letters lease RKW numbers', 404: 'No such desk or unit' },
      async handle({ body, user }) {
        try {
          return await leaseRkwBlock(db, signedIn(user), body.clientId, body);
        } catch (error) {
          if (error instanceof CommandRejection) throw new HttpError(error.code === 'forbidden' ? 403 : 404, error.code, error.message);
          throw error;
        }
      },
    }),
    route({
      method: 'PUT', path: '/v1/blobs/:sha256', summary: 'Upload a file (a scan, its PDF) under its SHA-256; storing it again changes nothing', tag: 'files', auth: 'user',
      rawBody: { mediaType: 'application/octet-stream', maxBytes: deps.maxBlobBytes }, response: BlobStored,
      errors: { 413: 'Larger than the server accepts', 422: 'The bytes do not hash to the SHA-256 in the path' },
      async handle({ params, raw, user }) {
        const sha256 = blobHash(params);
        try {
          const stored = await storeBlob(db, signedIn(user), sha256, raw ?? Buffer.alloc(0));
          return { sha256, ...stored };
        } catch (error) {
          if (error instanceof BlobHashMismatch) throw new HttpError(422, 'hash_mismatch', error.message);
          throw error;
        }
      },
    }),
    route({
      method: 'GET', path: '/v1/blobs/:sha256', summary: 'Download a file named by a record the user may pull', tag: 'files', auth: 'user',
      response: 'bytes',
      errors: { 404: 'No such file, or none of the records naming it is the user\'s to see (the same answer for both)' },
      async handle({ params, user }) {
        const sha256 = blobHash(params);
        const bytes = (await mayReadBlob(db, signedIn(user), sha256)) ? await readBlob(db, sha256) : null;
        if (bytes === null) throw new HttpError(404, 'not_found', 'No such file');
        return new BinaryBody(bytes);
      },
    }),
    route({
      method: 'GET', path: '/v1/track/:code', summary: 'Public: a letter\'s path and processing time, for its tracking code and PIN', tag: 'public', auth: 'none',
      query: TrackingQuery, response: TrackingResponse,
      errors: { 404: 'Unknown code or wrong PIN (the same answer for both)', 429: 'Too many requests from this address' },
      async handle({ params, query, ip }) {
        if (!deps.trackingLimiter.allow(ip)) throw new HttpError(429, 'rate_limited', 'Too many requests; try again in a minute');
        const found = await trackLetter(db, deps.secrets.trackingPinKey, params['code'] ?? '', query.pin);
        if (!found) throw new HttpError(404, 'not_found', 'No letter with this code and PIN');
        return found;
      },
    }),
  ];
}
