import { z } from 'zod';
import { AcceptanceProgress } from './acceptance.ts';

/**
 * A reply drafted in a case: draft → submitted (akceptacja, step by step along its unit's chain:
 * acceptance.ts) → returned with remarks at any step, or accepted at the last one. Accepted is the
 * czystopis: its PDF is final and nothing changes it any more.
 */
export const ReplyState = z.enum(['draft', 'submitted', 'returned', 'accepted']);
export type ReplyState = z.infer<typeof ReplyState>;

const Addressee = z.string().trim().min(1, { error: 'validation.required' }).max(1000);
const Body = z.string().trim().min(1, { error: 'validation.required' }).max(50_000);

export const Reply = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseSign: z.string(),
  caseTitle: z.string(),
  templateId: z.string(),
  templateVersion: z.number().int(),
  templateName: z.string(),
  /** Lines of the addressee block, separated by line breaks. */
  addressee: z.string(),
  body: z.string(),
  state: ReplyState,
  remarks: z.string().nullable(),
  draftedBy: z.string(),
  draftedAt: z.string(),
  updatedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  finalSign: z.string().nullable(),
  /**
   * Accepted at another desk, and its czystopis (the final PDF) has not reached this desk's store
   * yet: shown as such, and not sent until it has. Absent or false otherwise.
   */
  finalMissing: z.boolean().optional(),
  /** While submitted: the step it waits at and who may decide it; null otherwise. */
  acceptance: AcceptanceProgress.nullable(),
});
export type Reply = z.infer<typeof Reply>;

export const DraftReplyInput = z.object({
  caseId: z.uuid(),
  templateId: z.uuid(),
});
/** The reply's `updatedAt` on the approver's screen: a text changed since is refused, not decided unseen. */
const SeenAt = z.string().min(1).max(40).optional();
/** `seenAt`: the reply's `updatedAt` when the editor opened it, so an edit never writes over a text changed at another desk meanwhile. */
export const UpdateReplyInput = z.object({ id: z.uuid(), addressee: Addressee, body: Body, seenAt: SeenAt });
export const DecideReplyInput = z.discriminatedUnion('decision', [
  z.object({ id: z.uuid(), decision: z.literal('accept'), seenAt: SeenAt }),
  z.object({ id: z.uuid(), decision: z.literal('return'), remarks: z.string().trim().min(3, { error: 'validation.reasonRequired' }).max(2000), seenAt: SeenAt }),
]);
export type DecideReplyInput = z.input<typeof DecideReplyInput>;
