import { z } from 'zod';

/**
 * Dekretacja as the contract carries it: where a letter was sent, to whom it was given, and what
 * became of it. Reasons and instructions are the people's own words; keys are i18n.
 */

export const RouteRole = z.enum(['lead', 'info']);
export const RouteState = z.enum(['waiting', 'assigned', 'accepted', 'returned', 'rerouted']);
export type RouteState = z.infer<typeof RouteState>;

export const RouteItemInput = z.object({
  itemId: z.uuid(),
  /** The unit that handles it. */
  leadUnitCode: z.string().min(1, { error: 'validation.required' }),
  /** Units that get it "do wiadomości". */
  infoUnitCodes: z.array(z.string().min(1)).max(20).default([]),
  instruction: z.string().trim().max(1000, { error: 'validation.tooLong1000' }).nullable().default(null),
  dueDate: z.iso.date({ error: 'validation.date' }).nullable().default(null),
});
export type RouteItemInput = z.input<typeof RouteItemInput>;
export type RouteItem = z.output<typeof RouteItemInput>;

export const ReturnRouteInput = z.object({
  routeId: z.uuid(),
  reason: z.string().trim().min(3, { error: 'validation.reasonRequired' }).max(1000, { error: 'validation.tooLong1000' }),
});

export const Route = z.object({
  id: z.string(),
  itemId: z.string(),
  rpwNumber: z.string(),
  subject: z.string().nullable(),
  senderName: z.string().nullable(),
  unitCode: z.string(),
  unitName: z.string(),
  role: RouteRole,
  instruction: z.string().nullable(),
  dueDate: z.string().nullable(),
  state: RouteState,
  assigneeLogin: z.string().nullable(),
  assigneeName: z.string().nullable(),
  returnedReason: z.string().nullable(),
  /** The route this one replaced when the item was re-routed. */
  replacesId: z.string().nullable(),
  routedAt: z.string(),
  routedBy: z.string(),
  routedByName: z.string().nullable(),
});
export type Route = z.infer<typeof Route>;

export const Inbox = z.object({
  /** Items routed to units I head, waiting for me to assign them to a clerk. */
  toAssign: z.array(Route),
  /** Items given to me, waiting for me to accept or return them. */
  toAccept: z.array(Route),
  /** Items I accepted and am working on. */
  inProgress: z.array(Route),
  /** Items sent to my units for information. */
  forInformation: z.array(Route),
  /** What I routed or assigned and is still on its way. */
  sent: z.array(Route),
  /** What came back to me as not theirs, with the reason. */
  returned: z.array(Route),
  /** Of all the above, what is past its due date. */
  overdueCount: z.number().int().nonnegative(),
});
export type Inbox = z.infer<typeof Inbox>;
