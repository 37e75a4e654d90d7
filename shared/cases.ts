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
  kind: z.enum(['opened', 'item_attached', 'note', 'handler_changed', 'paused', 'resumed', 'extended', 'closed', 'sign_assigned']),
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
