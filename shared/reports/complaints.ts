import { z } from 'zod';
import { ReportExportFormat } from './reports.ts';

/**
 * The rejestr skarg i wniosków (KPA art. 254; domain.md §7): every complaint and request of a
 * year, so that "their course and deadlines can be controlled" — NIK faulted offices without one.
 */
export const COMPLAINT_MATTER_TYPES = ['skarga', 'skarga_posel_radny', 'skarga_przekazanie', 'wniosek'] as const;

export const ComplaintsQuery = z.object({
  year: z.number({ error: 'validation.year' }).int({ error: 'validation.year' }).min(2000, { error: 'validation.year' }).max(2100, { error: 'validation.year' }),
});
export type ComplaintsQuery = z.input<typeof ComplaintsQuery>;

export const ComplaintRow = z.object({
  caseId: z.string(),
  sign: z.string(),
  matterType: z.enum(COMPLAINT_MATTER_TYPES),
  /** When the first letter of the case came in (its date of wpływ), else the case's start. */
  receivedOn: z.string(),
  /** Who complained or asked: the sender of the first letter. */
  senderName: z.string().nullable(),
  subject: z.string(),
  unitCode: z.string(),
  handlerName: z.string().nullable(),
  /** The term that counts now (after art. 36 notices and pauses); null while paused. */
  dueOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  settlement: z.string().nullable(),
  /** Closed within its term; null while open. */
  onTime: z.boolean().nullable(),
  /** Open past its term as of today. */
  overdue: z.boolean(),
});
export type ComplaintRow = z.infer<typeof ComplaintRow>;

export const ComplaintsExportRequest = ComplaintsQuery.extend({ format: ReportExportFormat });
export type ComplaintsExportRequest = z.input<typeof ComplaintsExportRequest>;
