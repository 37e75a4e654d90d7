import { z } from 'zod';

/**
 * What can go wrong across the contract. The renderer translates the code (never the English
 * message) into Polish, so every code here needs an entry under `errors.` in renderer/i18n.
 */
export const ErrorCode = z.enum([
  'invalid_input', // the caller sent something the schema rejects; `issues` says which field
  'unknown_method', // a method name that is not in the contract
  'not_found',
  'conflict',
  'forbidden',
  'unauthenticated', // sign in first, or the login or password was wrong (`issues` says which)
  'not_configured', // the workstation lacks a setting the action needs (e.g. no desk code)
  'not_supported', // this shell cannot do it (printing directly is Electron's; the browser prints the opened PDF)
  'unavailable', // the workstation core or the transport cannot be reached right now
  'internal', // a bug: logged in full on the core side, never shown raw to the clerk
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** One field-level problem. `message` is an i18n key such as `validation.required`. */
export const Issue = z.object({
  path: z.string(),
  message: z.string(),
});
export type Issue = z.infer<typeof Issue>;

export const RpcErrorBody = z.object({
  code: ErrorCode,
  message: z.string(),
  issues: z.array(Issue).optional(),
});
export type RpcErrorBody = z.infer<typeof RpcErrorBody>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: RpcErrorBody };

/** The envelope as it arrives over a transport, before the value is checked against its method. */
export const ResultEnvelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: RpcErrorBody }),
]);

/** Thrown by the typed client when a call comes back with `ok: false`. */
export class RpcError extends Error {
  readonly code: ErrorCode;
  readonly issues: readonly Issue[];

  constructor(body: RpcErrorBody) {
    super(body.message);
    this.name = 'RpcError';
    this.code = body.code;
    this.issues = body.issues ?? [];
  }
}

/** Turns zod issues into contract issues: dotted paths, messages kept as they are (i18n keys). */
export function toIssues(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** For exhaustive switches: the compiler fails when a case is missing. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
