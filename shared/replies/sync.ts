import { z } from 'zod';
import { AcceptanceStep, MAX_STEPS } from './acceptance.ts';
import { ReplyState } from './replies.ts';

/**
 * Replies between desks through the central server (issues 4 and 7): the commands a workstation
 * pushes and the `reply` change every desk of the case's unit pulls. Shared, so the server and the
 * workstation parse the same shapes at their trust boundaries.
 *
 * Versions: a reply's `updatedAt` is its version token, the time of the command that last changed
 * it as its desk wrote it, and the same on every desk once pulled. An edit names the token it
 * started from (`baseAt`), a decision the token the approver saw (`seenAt`); the server refuses a
 * different one as a conflict and sends its own version back, so nothing is silently overwritten.
 * `eventId` is the id of the metryka entry the desk wrote for the step: other desks add it once.
 */

const Token = z.string().min(1).max(40);
const Hash = z.string().regex(/^[0-9a-f]{64}$/u);
const Text = (max: number) => z.string().trim().min(1).max(max);

/** A template version as the drafting desk had it: other desks insert it if they lack it. */
export const SyncedTemplate = z.object({
  id: z.string().min(1).max(100),
  version: z.number().int().positive(),
  unitCode: z.string().min(1).max(50),
  name: Text(200),
  place: Text(100),
  letterhead: z.string().max(2000),
  body: Text(50_000),
  signature: z.string().max(2000),
  savedAt: z.string().max(40),
  savedBy: z.string().max(200),
});
export type SyncedTemplate = z.infer<typeof SyncedTemplate>;

/** The chain the submitting desk computed from its unit's configuration, kept as sent. */
export const SyncedChain = z.array(AcceptanceStep).min(1).max(MAX_STEPS);

export const DraftReplyCommand = z.object({
  reply: z.object({ id: z.uuid(), caseId: z.uuid(), template: SyncedTemplate, addressee: z.string().max(1000), body: Text(50_000), at: Token }),
  eventId: z.uuid(),
});
export const UpdateReplyCommand = z.object({ id: z.uuid(), addressee: Text(1000), body: Text(50_000), baseAt: Token, at: Token });
export const SubmitReplyCommand = z.object({ id: z.uuid(), chain: SyncedChain, baseAt: Token, at: Token, eventId: z.uuid() });
export const ReturnReplyCommand = z.object({ id: z.uuid(), step: z.number().int().min(1), remarks: Text(2000), seenAt: Token, at: Token, eventId: z.uuid() });
export const AcceptReplyStepCommand = z.object({ id: z.uuid(), step: z.number().int().min(1), seenAt: Token, at: Token, eventId: z.uuid() });
export const AcceptReplyCommand = z.object({
  id: z.uuid(), step: z.number().int().min(1), seenAt: Token, finalSign: Text(100), finalSha256: Hash, at: Token, eventId: z.uuid(),
});

export const ReplyEventKind = z.enum(['reply_drafted', 'reply_submitted', 'reply_returned', 'reply_step_accepted', 'reply_accepted']);

/** One metryka entry of a reply, as the server keeps it. */
export const SyncedReplyEvent = z.object({
  id: z.string(),
  kind: ReplyEventKind,
  at: z.string(),
  login: z.string(),
  name: z.string(),
  details: z.record(z.string(), z.unknown()),
  document: z.string().nullable(),
});
export type SyncedReplyEvent = z.infer<typeof SyncedReplyEvent>;

/** A reply as every desk of its case's unit pulls it (a `reply` change): its whole current state. */
export const SyncedReply = z.object({
  id: z.string(),
  caseId: z.string(),
  unitCode: z.string(),
  template: SyncedTemplate,
  addressee: z.string(),
  body: z.string(),
  state: ReplyState,
  remarks: z.string().nullable(),
  draftedBy: z.string(),
  draftedByName: z.string(),
  draftedAt: z.string(),
  updatedAt: z.string(),
  chain: SyncedChain.nullable(),
  step: z.number().int().min(1).nullable(),
  decidedBy: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  finalSign: z.string().nullable(),
  finalSha256: Hash.nullable(),
  events: z.array(SyncedReplyEvent),
});
export type SyncedReply = z.infer<typeof SyncedReply>;
