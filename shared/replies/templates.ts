import { z } from 'zod';
import { parseTemplateText, type TemplateIssue } from './template-text.ts';

/** The parts of a letter an admin writes; the layout around them (date line, sign, addressee) is fixed. */
export const TEMPLATE_FIELDS = ['letterhead', 'body', 'signature'] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

export const TemplateInput = z.object({
  /** null: a new template; an id: a new version of that template. */
  id: z.uuid().nullable().default(null),
  unitCode: z.string().trim().min(1, { error: 'validation.required' }).max(50),
  name: z.string().trim().min(1, { error: 'validation.required' }).max(200),
  /** The town in the place-and-date line ("Opole, 22 listopada 2026 r."). */
  place: z.string().trim().min(1, { error: 'validation.required' }).max(100),
  letterhead: z.string().max(2000).default(''),
  body: z.string().trim().min(1, { error: 'validation.required' }).max(50_000),
  signature: z.string().max(2000).default(''),
});
export type TemplateInput = z.input<typeof TemplateInput>;
export type ParsedTemplateInput = z.output<typeof TemplateInput>;

export const LetterTemplate = z.object({
  id: z.uuid(),
  version: z.number().int().positive(),
  unitCode: z.string(),
  name: z.string(),
  place: z.string(),
  letterhead: z.string(),
  body: z.string(),
  signature: z.string(),
  savedAt: z.string(),
  savedBy: z.string(),
});
export type LetterTemplate = z.infer<typeof LetterTemplate>;

export interface TemplateFieldIssue extends TemplateIssue {
  readonly field: TemplateField;
}

/** Every problem of a template, by field, line and column; empty when it may be saved. */
export function checkTemplate(template: Pick<ParsedTemplateInput, TemplateField>): TemplateFieldIssue[] {
  return TEMPLATE_FIELDS.flatMap((field) => parseTemplateText(template[field]).issues.map((issue) => ({ ...issue, field })));
}
