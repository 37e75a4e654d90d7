import type { IdCheck } from './result.ts';

/**
 * NN-NNN, also written without the hyphen, with spaces, or with a dash a word processor put in.
 * The separator may sit only after the second digit, so a misplaced one is still a typo to see.
 */
const POSTAL_CODE = /^\d{2}\s*[-\u2010-\u2014\u2212]?\s*\d{3}$/u;

export function checkPostalCode(input: string): IdCheck {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  if (!POSTAL_CODE.test(trimmed)) return { ok: false, reason: 'format' };
  const digits = trimmed.replace(/\D/gu, '');
  return { ok: true, normalized: `${digits.slice(0, 2)}-${digits.slice(2)}` };
}
