import { z } from 'zod';

/**
 * JRWA (jednolity rzeczowy wykaz akt): the decimal classification every case is filed under.
 * One list per organisation that is its own employer (the urząd, each municipal unit), versioned
 * by the date it takes effect, with the organisation's own additions (domain.md §3.7).
 */

/** 1 to 4 digits; each level adds one digit to its parent's symbol. */
export const JrwaSymbol = z.string().trim().regex(/^\d{1,4}$/u, { error: 'jrwa.badSymbol' });

/** Archival categories: A (kept forever), B with years (B5, B10…), BE with years, Bc (kept briefly). */
export const ArchivalCategory = z.string().trim().regex(/^(?:A|Bc|BE?\d{1,2})$/u, { error: 'jrwa.badCategory' });

export const JrwaClassInput = z.object({
  symbol: JrwaSymbol,
  heading: z.string().trim().min(1, { error: 'jrwa.headingRequired' }).max(500, { error: 'validation.tooLong500' }),
  /** Category in the owning unit (komórka macierzysta); null for a class that only groups others. */
  category: ArchivalCategory.nullable().default(null),
  /** Category of copies in other units. */
  categoryOther: ArchivalCategory.nullable().default(null),
  notes: z.string().trim().max(2000).nullable().default(null),
});
export type JrwaClassInput = z.input<typeof JrwaClassInput>;
export type JrwaClassData = z.output<typeof JrwaClassInput>;

export const JrwaClass = z.object({
  symbol: z.string(),
  heading: z.string(),
  parentSymbol: z.string().nullable(),
  category: z.string().nullable(),
  categoryOther: z.string().nullable(),
  notes: z.string().nullable(),
  localAddition: z.boolean(),
  /** Only an end class (no subclasses) with an archival category takes cases. */
  takesCases: z.boolean(),
});
export type JrwaClass = z.infer<typeof JrwaClass>;

export function parentSymbol(symbol: string): string | null {
  return symbol.length > 1 ? symbol.slice(0, -1) : null;
}

export interface JrwaProblem {
  /** 1-based line of the file, or 0 for the file as a whole. */
  readonly line: number;
  /** i18n key. */
  readonly message: string;
}

/**
 * Checks a whole list: symbols unique, every subclass's parent present. Problems name the line,
 * so an admin can fix the spreadsheet rather than guess.
 */
export function checkJrwa(classes: readonly JrwaClassData[], lines: readonly number[] = classes.map((_, i) => i + 1)): JrwaProblem[] {
  const problems: JrwaProblem[] = [];
  const symbols = new Set<string>();
  classes.forEach((c, i) => {
    if (symbols.has(c.symbol)) problems.push({ line: lines[i] ?? 0, message: 'jrwa.duplicateSymbol' });
    symbols.add(c.symbol);
  });
  classes.forEach((c, i) => {
    const parent = parentSymbol(c.symbol);
    if (parent !== null && !symbols.has(parent)) problems.push({ line: lines[i] ?? 0, message: 'jrwa.missingParent' });
  });
  if (classes.length === 0) problems.push({ line: 0, message: 'jrwa.empty' });
  return problems;
}
