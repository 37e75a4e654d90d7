import { z } from 'zod';
import { OutgoingChannel } from '../outgoing/outgoing.ts';
import { Channel } from '../registry.ts';

/**
 * Intake and outgoing reports (issue "Supervisor reports", point 3): letters registered by
 * channel and desk per day, ISO week or month, the share scanned, letters waiting for
 * dekretacja; letters sent by channel, postage, return receipts still to come back.
 */

export const FlowPeriod = z.enum(['day', 'week', 'month']);
export type FlowPeriod = z.infer<typeof FlowPeriod>;

const isoDate = z.iso.date({ error: 'validation.date' });

/** Hours a registered letter may wait for its route before it counts as waiting too long. */
export const DEFAULT_WAITING_HOURS = 24;

export const IntakeQuery = z.object({
  from: isoDate,
  to: isoDate,
  period: FlowPeriod.default('day'),
  waitingHours: z.number().int().min(1).max(24 * 365).default(DEFAULT_WAITING_HOURS),
}).refine((q) => q.from <= q.to, { error: 'validation.periodReversed', path: ['to'] });
export type IntakeQuery = z.input<typeof IntakeQuery>;

export const OutgoingReportQuery = z.object({ from: isoDate, to: isoDate })
  .refine((q) => q.from <= q.to, { error: 'validation.periodReversed', path: ['to'] });
export type OutgoingReportQuery = z.input<typeof OutgoingReportQuery>;

const ChannelCounts = z.record(Channel, z.number().int());

/** One line of the intake report: a day/week/month, a desk, or the total. */
export const IntakeRow = z.object({
  key: z.string().nullable(),
  total: z.number().int(),
  scanned: z.number().int(),
  scannedShare: z.number().nullable(),
  channels: ChannelCounts,
});
export type IntakeRow = z.infer<typeof IntakeRow>;

export const IntakeReport = z.object({
  query: z.object({ from: z.string(), to: z.string(), period: FlowPeriod, waitingHours: z.number().int() }),
  scope: z.array(z.string()).nullable(),
  /** When the waiting figure was taken (ISO instant): it is "as of now", not of the period. */
  asOf: z.string(),
  periods: z.array(IntakeRow),
  desks: z.array(IntakeRow),
  total: IntakeRow,
  /**
   * Registered, not cancelled, no route at all, registered more than `waitingHours` ago. Null
   * for a unit head: a letter without a route belongs to no unit yet (the registry desk's queue).
   */
  awaitingRouting: z.number().int().nullable(),
});
export type IntakeReport = z.infer<typeof IntakeReport>;

export const OutgoingFlowRow = z.object({
  key: z.string().nullable(),
  label: z.string(),
  sent: z.number().int(),
  postageGrosze: z.number().int(),
  /** ZPO, e-Doręczenia or ePUAP with neither delivery nor return recorded (awaitsProofOfDelivery). */
  awaitingProof: z.number().int(),
  returned: z.number().int(),
  /** Delivered by the art. 44 KPA fiction (awizo twice, not collected). */
  fiction: z.number().int(),
});
export type OutgoingFlowRow = z.infer<typeof OutgoingFlowRow>;

export const OutgoingFlowReport = z.object({
  query: z.object({ from: z.string(), to: z.string() }),
  scope: z.array(z.string()).nullable(),
  channels: z.array(OutgoingFlowRow),
  units: z.array(OutgoingFlowRow),
  desks: z.array(OutgoingFlowRow),
  total: OutgoingFlowRow,
});
export type OutgoingFlowReport = z.infer<typeof OutgoingFlowReport>;

export const IntakeMeasure = z.enum(['registered', 'scanned', 'notScanned', 'awaitingRouting']);
export type IntakeMeasure = z.infer<typeof IntakeMeasure>;
export const OutgoingMeasure = z.enum(['sent', 'awaitingProof', 'returned', 'fiction']);
export type OutgoingMeasure = z.infer<typeof OutgoingMeasure>;

/** Which line of the report a figure sits on; absent: the total line. `null` key: no unit (a letter without a case). */
export const IntakeGroup = z.discriminatedUnion('by', [
  z.object({ by: z.literal('period'), key: z.string() }),
  z.object({ by: z.literal('desk'), key: z.string() }),
  z.object({ by: z.literal('channel'), key: Channel }),
]);
export type IntakeGroup = z.infer<typeof IntakeGroup>;
export const OutgoingGroup = z.discriminatedUnion('by', [
  z.object({ by: z.literal('channel'), key: OutgoingChannel }),
  z.object({ by: z.literal('unit'), key: z.string().nullable() }),
  z.object({ by: z.literal('desk'), key: z.string() }),
]);
export type OutgoingGroup = z.infer<typeof OutgoingGroup>;

/** ISO 8601 week of a date: "2026-W01"; the week belongs to the year of its Thursday. */
export function isoWeek(isoDay: string): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - weekday + 3);
  const year = date.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((date.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${String(year)}-W${String(week).padStart(2, '0')}`;
}

/** The report line a calendar day falls into. */
export function periodOf(isoDay: string, period: FlowPeriod): string {
  switch (period) {
    case 'day':
      return isoDay;
    case 'week':
      return isoWeek(isoDay);
    case 'month':
      return isoDay.slice(0, 7);
  }
}

/** The first and last calendar day of a report line's key ("2026-04-07", "2026-W15", "2026-04"). */
export function periodRange(key: string, period: FlowPeriod): { from: string; to: string } {
  switch (period) {
    case 'day':
      return { from: key, to: key };
    case 'month':
      return { from: `${key}-01`, to: `${key}-31` };
    case 'week': {
      const year = Number(key.slice(0, 4));
      const week = Number(key.slice(6));
      const jan4 = new Date(Date.UTC(year, 0, 4));
      const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000 + (week - 1) * 7 * 86_400_000);
      const sunday = new Date(monday.getTime() + 6 * 86_400_000);
      return { from: monday.toISOString().slice(0, 10), to: sunday.toISOString().slice(0, 10) };
    }
  }
}
