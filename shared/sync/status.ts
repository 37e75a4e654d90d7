import { z } from 'zod';
import { Role, SessionUser } from './protocol.ts';

/**
 * What the renderer sees of sign-in and sync: always-visible state in the header, and the
 * conflicts view. Message fields are i18n keys, so the clerk reads them in Polish.
 */

export const AuthStatus = z.object({
  /** `local`: no central server configured, no sign-in needed. */
  mode: z.enum(['local', 'signedOut', 'signedIn']),
  user: SessionUser.nullable(),
  /** Signed in with the offline verifier: local work goes on, sync waits for an online sign-in. */
  offline: z.boolean(),
  serverUrl: z.string(),
  /**
   * Local mode only: the person from the organisation who said "Pracuję jako" here (nobody
   * signs in without a server), or null while nobody has; the actor of the metryka and the
   * owner of the inbox.
   */
  localPerson: z.object({ login: z.string(), displayName: z.string(), post: z.string(), unitCode: z.string(), roles: z.array(Role) }).nullable(),
});
export type AuthStatus = z.infer<typeof AuthStatus>;

export const SignInInput = z.object({
  login: z.string().trim().min(1, { error: 'validation.required' }).max(100, { error: 'validation.tooLong100' }),
  password: z.string().min(1, { error: 'validation.required' }).max(200, { error: 'validation.tooLong200' }),
});
export type SignInInput = z.input<typeof SignInInput>;

/** "Pracuję jako" in local mode; null: nobody in particular (the workstation itself). */
export const ActAsInput = z.object({ login: z.string().trim().toLowerCase().min(1, { error: 'validation.required' }).max(64).nullable() });

export const SyncState = z.enum([
  /** No server configured: nothing to sync. */
  'local',
  /** A server is configured but nobody has signed in online. */
  'signedOut',
  'syncing',
  'online',
  /** The server cannot be reached: work goes on, changes wait in the outbox. */
  'offline',
  /** The server refused the token (expired or revoked): sign in again. */
  'unauthorized',
]);
export type SyncState = z.infer<typeof SyncState>;

export const SyncStatus = z.object({
  state: SyncState,
  /** The signed-in person's commands waiting in their outbox (what their sync sends). */
  pending: z.number().int().nonnegative(),
  /**
   * Other people's commands waiting on this PC: the server takes a queue only from its owner, so
   * they go when those people sign in here again.
   */
  othersPending: z.number().int().nonnegative(),
  /** Files (scans, czystopisy) still to be sent to the server or fetched from it. */
  files: z.number().int().nonnegative(),
  /** Unresolved refusals and conflicts. */
  issues: z.number().int().nonnegative(),
  lastSyncAt: z.string().nullable(),
  /** When the next attempt is due while offline (back-off). */
  nextAttemptAt: z.string().nullable(),
  /** i18n key of the last failure, if any. */
  lastError: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const SyncIssue = z.object({
  id: z.number().int().positive(),
  /** The outbox command's number; null for a pulled change that clashed with a local entry. */
  seq: z.number().int().nullable(),
  command: z.string(),
  status: z.enum(['rejected', 'conflict']),
  errorCode: z.string(),
  messageKey: z.string(),
  /** What this workstation did (the command's arguments, or the local entry). */
  local: z.unknown(),
  /** The server's version, when the server has one. */
  server: z.unknown(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export type SyncIssue = z.infer<typeof SyncIssue>;
