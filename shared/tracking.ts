import { z } from 'zod';

/**
 * What a resident sees when following a letter with the code and PIN from the receipt: its path
 * and times, never personal data, the subject, or internal notes.
 */
export const TrackingStep = z.object({
  step: z.enum(['received', 'routed', 'with_clerk', 'reply_sent', 'delivered', 'cancelled']),
  /** A moment; or a day alone for the reply's sending and delivery, which the post records by day. */
  at: z.union([z.iso.datetime({ offset: true }), z.iso.date()]),
});
export type TrackingStep = z.infer<typeof TrackingStep>;

export const TrackingResponse = z.object({
  trackingCode: z.string(),
  receivedAt: z.iso.datetime({ offset: true }),
  path: z.array(TrackingStep),
  /** The statutory due date, once the letter is a case with a deadline. */
  dueDate: z.iso.date().nullable(),
  /** Whole calendar days from receipt until now (or until the reply was sent). */
  processingDays: z.number().int().nonnegative(),
});
export type TrackingResponse = z.infer<typeof TrackingResponse>;

export const TrackingQuery = z.object({ pin: z.string().regex(/^\d{6}$/u) });
