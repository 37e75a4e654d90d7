import { z } from 'zod';

/**
 * Cases (sprawy) as the contract carries them. The znak sprawy is UNIT.JRWA.NO.YEAR
 * (domain.md §3.4), numbered per unit, JRWA class and year; initials are for letters only.
 */

export function formatCaseSign(unitCode: string, jrwaSymbol: string, number: number, year: number): string {
  return `${unitCode}.${jrwaSymbol}.${String(number)}.${String(year)}`;
}

/** What a case without its number shows while the server has not numbered it yet. */
export function provisionalCaseSign(unitCode: string, jrwaSymbol: string, year: number): string {
  return `${unitCode}.${jrwaSymbol}.…/${String(year)} (tymczasowy)`;
}

export const OpenCaseInput = z.object({
  /** The letters the case starts from (usually one); the first is the opening letter. */
  itemIds: z.array(z.uuid()).max(50).default([]),
  unitCode: z.string().min(1),
  jrwaSymbol: z.string().regex(/^\d{1,4}$/u, { error: 'jrwa.badSymbol' }),
  title: z.string().trim().min(3, { error: 'validation.titleRequired' }).max(500, { error: 'validation.tooLong500' }),
  /** Key of the statutory term (the deadline engine's matter types). */
  matterType: z.string().min(1),
  /** The day the term runs from: usually the day the opening letter was received. */
  startedOn: z.iso.date({ error: 'validation.date' }),
  handlerLogin: z.string().nullable().default(null),
});
export type OpenCaseInput = z.input<typeof OpenCaseInput>;
export type OpenCase = z.output<typeof OpenCaseInput>;

export const CaseStatus = z.enum(['open', 'closed']);

export const CaseRecord = z.object({
  id: z.string(),
  /** Null while provisional (waiting for the server's number). */
  sign: z.string().nullable(),
  displaySign: z.string(),
  provisional: z.boolean(),
  unitCode: z.string(),
  jrwaSymbol: z.string(),
  year: z.number().int(),
  number: z.number().int().nullable(),
  title: z.string(),
  matterType: z.string(),
  startedOn: z.string(),
  status: CaseStatus,
  settlement: z.string().nullable(),
  handlerLogin: z.string().nullable(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
});
export type CaseRecord = z.infer<typeof CaseRecord>;

export const CaseEvent = z.object({
  at: z.string(),
  actorLogin: z.string(),
  actorName: z.string(),
  /** The actor's post when they acted, as the metryka requires. */
  actorPost: z.string(),
  kind: z.enum(['opened', 'item_attached', 'note', 'handler_changed', 'paused', 'resumed', 'extended', 'closed', 'sign_assigned', 'reply_drafted', 'reply_submitted', 'reply_step_accepted', 'reply_returned', 'reply_accepted', 'reply_dispatched', 'reply_delivered', 'reply_undelivered']),
  details: z.record(z.string(), z.unknown()),
  document: z.string().nullable(),
});
export type CaseEvent = z.infer<typeof CaseEvent>;

/** One line of the spis spraw (domain.md §3.3). */
export const CaseRegisterRow = z.object({
  number: z.number().int().nullable(),
  sign: z.string(),
  title: z.string(),
  senderName: z.string().nullable(),
  senderReference: z.string().nullable(),
  letterDate: z.string().nullable(),
  startedOn: z.string(),
  closedOn: z.string().nullable(),
  handlerName: z.string().nullable(),
  settlement: z.string().nullable(),
});
export type CaseRegisterRow = z.infer<typeof CaseRegisterRow>;

/** Where the case stands against its statutory term, as of today (the deadline engine's answer). */
export const CaseDeadlineView = z.object({
  state: z.enum(['due', 'dueSoon', 'overdue', 'paused', 'closed', 'withoutDelay']),
  /** The due date before any art. 36 notice, kept beside the current one. */
  originalDueDate: z.string().nullable(),
  currentDueDate: z.string().nullable(),
  calendarDaysLeft: z.number().int().nullable(),
  workingDaysLeft: z.number().int().nullable(),
  /** Days since the start, net of pauses. */
  processingDays: z.number().int(),
  extended: z.boolean(),
});
export type CaseDeadlineView = z.infer<typeof CaseDeadlineView>;

export const CaseWithDeadline = CaseRecord.extend({ deadline: CaseDeadlineView.nullable() });
export type CaseWithDeadline = z.infer<typeof CaseWithDeadline>;

export const PauseCaseInput = z.object({
  id: z.uuid(),
  from: z.iso.date({ error: 'validation.date' }),
  reason: z.string().trim().min(3, { error: 'validation.reasonRequired' }).max(500, { error: 'validation.tooLong500' }),
});
export const ResumeCaseInput = z.object({ id: z.uuid(), to: z.iso.date({ error: 'validation.date' }) });
export const ExtendCaseInput = z.object({
  id: z.uuid(),
  noticeOn: z.iso.date({ error: 'validation.date' }),
  newDate: z.iso.date({ error: 'validation.date' }),
  reason: z.string().trim().min(3, { error: 'validation.reasonRequired' }).max(1000, { error: 'validation.tooLong1000' }),
});

/** Whose cases a list shows: the ones I handle, or those of the units I head. */
export const CaseScope = z.enum(['mine', 'myUnits']);
export type CaseScope = z.infer<typeof CaseScope>;
