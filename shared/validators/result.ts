/**
 * The outcome of checking one identifier. Validators only warn: the clerk may still register a
 * letter with a doubtful number, so a check reports and never throws.
 */
export type IdCheck =
  | { readonly ok: true; readonly normalized: string }
  | { readonly ok: false; readonly reason: IdProblem };

/** Codes, not messages: the UI maps each one to Polish text. */
export type IdProblem = 'empty' | 'format' | 'checksum' | 'date';
