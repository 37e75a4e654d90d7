import { z } from 'zod';

/**
 * The sync protocol between workstations and the central server (DESIGN.md "Sync"): an outbox
 * of named commands pushed in per-client order and applied exactly once, and a pull of changes
 * by one version cursor in commit order. Shared so both ends parse the same shapes.
 */

export const Role = z.enum(['admin', 'registry_clerk', 'clerk', 'unit_head', 'supervisor']);
export type Role = z.infer<typeof Role>;

export const SignInRequest = z.object({
  login: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
  /** What the token is for, shown to an admin listing sessions: e.g. "Okienko 2 (KO)". */
  clientLabel: z.string().max(200).default(''),
});
export type SignInRequest = z.input<typeof SignInRequest>;

export const SessionUser = z.object({
  id: z.uuid(),
  login: z.string(),
  displayName: z.string(),
  role: Role,
  unitCode: z.string().nullable(),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const SignInResponse = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime(),
  user: SessionUser,
});
export type SignInResponse = z.infer<typeof SignInResponse>;

export const Mutation = z.object({
  /** Per-client sequence number, 1, 2, 3… with no gaps: the exactly-once key with clientId. */
  seq: z.number().int().positive(),
  /** Command name, e.g. `registry.register`; the server knows each one's argument schema. */
  name: z.string().min(1).max(100),
  args: z.unknown(),
  /** For field edits: the version of the record the clerk edited. */
  baseVersion: z.number().int().nonnegative().nullable().default(null),
});
export type Mutation = z.input<typeof Mutation>;

export const PushRequest = z.object({
  clientId: z.uuid(),
  mutations: z.array(Mutation).max(500),
});
export type PushRequest = z.input<typeof PushRequest>;

export const MutationStatus = z.enum(['applied', 'rejected', 'conflict']);
export type MutationStatus = z.infer<typeof MutationStatus>;

export const MutationResult = z.object({
  seq: z.number().int().positive(),
  status: MutationStatus,
  /** Why a command was rejected or conflicts, as an error code plus a Polish-ready i18n key. */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** What the server made of it (e.g. the final RPW number), when it matters to the client. */
  value: z.unknown(),
});
export type MutationResult = z.infer<typeof MutationResult>;

export const PushResponse = z.object({
  results: z.array(MutationResult),
  lastSeq: z.number().int().nonnegative(),
  /** Set when the batch skipped numbers: the client resends from here. */
  expectedSeq: z.number().int().positive().nullable(),
});
export type PushResponse = z.infer<typeof PushResponse>;

export const Change = z.object({
  version: z.number().int().positive(),
  entity: z.string(),
  id: z.string(),
  op: z.enum(['upsert', 'delete']),
  data: z.unknown(),
});
export type Change = z.infer<typeof Change>;

export const PullQuery = z.object({
  clientId: z.uuid(),
  cursor: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
export type PullQuery = z.input<typeof PullQuery>;

export const PullResponse = z.object({
  changes: z.array(Change),
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
  /** The client's last processed mutation: outbox rows up to here can go. */
  lastSeq: z.number().int().nonnegative(),
});
export type PullResponse = z.infer<typeof PullResponse>;

/** The registers numbered from blocks the server leases: incoming (RPW) and outgoing (RKW) letters. */
export const NumberRegister = z.enum(['rpw', 'rkw']);
export type NumberRegister = z.infer<typeof NumberRegister>;

export const RpwLeaseRequest = z.object({
  deskCode: z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,15}$/u),
  year: z.number().int().min(2000).max(2100),
  size: z.number().int().min(1).max(1000).default(50),
});
export type RpwLeaseRequest = z.input<typeof RpwLeaseRequest>;

/** An RKW block is leased for a desk, or for a unit that sends its own letters (its code may hold Polish letters). */
export const RkwLeaseRequest = RpwLeaseRequest.extend({
  deskCode: z.string().regex(/^[A-ZĄĆĘŁŃÓŚŹŻ0-9][A-ZĄĆĘŁŃÓŚŹŻ0-9-]{0,59}$/u),
});
export type RkwLeaseRequest = z.input<typeof RkwLeaseRequest>;

export const RpwLease = z.object({
  deskCode: z.string(),
  year: z.number().int(),
  firstNo: z.number().int().positive(),
  lastNo: z.number().int().positive(),
});
export type RpwLease = z.infer<typeof RpwLease>;
/** A leased block looks the same in both registers. */
export const NumberLease = RpwLease;
export type NumberLease = RpwLease;

export const ServerError = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ServerError = z.infer<typeof ServerError>;
