import { z } from 'zod';
import { JrwaSymbol } from './organisation/jrwa.ts';
import { UnitCode } from './organisation/organisation.ts';
import { IsoDate } from './registry.ts';

/**
 * Documents the workstation generates for the registry desk and the units' case registers, as
 * they cross the contract: the bytes travel base64-encoded because both transports carry JSON.
 */

export const LabelLayout = z.enum(['roll62', 'a4sheet']);
export type LabelLayout = z.infer<typeof LabelLayout>;

/** An A4 label sheet holds 3 × 8 labels; `position` 1–24 picks the next free one. */
export const LABEL_SHEET_COLUMNS = 3;
export const LABEL_SHEET_ROWS = 8;

export const ItemDocumentRequest = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('label'),
    id: z.uuid(),
    layout: LabelLayout.default('roll62'),
    position: z.number().int().min(1, { error: 'validation.labelPosition' }).max(LABEL_SHEET_COLUMNS * LABEL_SHEET_ROWS, { error: 'validation.labelPosition' }).default(1),
  }),
  z.object({ kind: z.literal('receipt'), id: z.uuid() }),
]);
export type ItemDocumentRequest = z.input<typeof ItemDocumentRequest>;

export const ExportFormat = z.enum(['pdf', 'csv']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** Most entries one export may hold; the clerk is asked to pick a shorter period beyond it. */
export const EXPORT_LIMITS: Readonly<Record<ExportFormat, number>> = { pdf: 20_000, csv: 500_000 };

export const RegisterExportRequest = z
  .object({
    from: IsoDate,
    to: IsoDate,
    format: ExportFormat,
    deskCode: z.string().nullable().default(null),
  })
  .refine((r) => r.from <= r.to, { path: ['to'], error: 'validation.periodReversed' });
export type RegisterExportRequest = z.input<typeof RegisterExportRequest>;

/** The year a spis spraw is kept for; the same span the case register query accepts. */
const RegisterYear = z.number({ error: 'validation.year' }).int({ error: 'validation.year' }).min(2000, { error: 'validation.year' }).max(2100, { error: 'validation.year' });

/**
 * The spis spraw of one unit for one JRWA class and year (domain.md §3.3). A class above the end
 * level covers the cases of its subclasses, as the register query does.
 */
export const CaseRegisterExportRequest = z
  .object({
    unitCode: UnitCode,
    jrwaSymbol: JrwaSymbol,
    year: RegisterYear,
    format: ExportFormat,
    /** Only the cases started within this part of the year; null ends are open. */
    from: IsoDate.nullable().default(null),
    to: IsoDate.nullable().default(null),
  })
  .refine((r) => r.from === null || r.to === null || r.from <= r.to, { path: ['to'], error: 'validation.periodReversed' });
export type CaseRegisterExportRequest = z.input<typeof CaseRegisterExportRequest>;

export const GeneratedFile = z.object({
  fileName: z.string(),
  mediaType: z.enum(['application/pdf', 'text/csv']),
  base64: z.string(),
});
export type GeneratedFile = z.infer<typeof GeneratedFile>;

/** A generated PDF sent back to the shell to print (Electron only: the browser prints it itself). */
export const PrintRequest = z.object({
  fileName: z.string().max(200),
  // ~75 MB of PDF: far beyond any label or register; a guard against a runaway renderer.
  base64: z.base64().max(100_000_000),
});
export type PrintRequest = z.infer<typeof PrintRequest>;
