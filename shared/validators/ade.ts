import type { IdCheck } from './result.ts';

/** e-Doręczenia address: AE:PL-XXXXX-XXXXX-XXXXX-NN, letters in capitals. */
const ADE = /^AE:PL-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}-\d{2}$/u;

/** Spaces pasted in from a letterhead mean nothing; the hyphens are part of the format. */
const WHITESPACE = /\s/gu;
/** Word processors turn hyphens into dashes; put them back so the format check sees hyphens. */
const DASHES = /[\u2010-\u2014\u2212]/gu;

/** Format only: the two final digits are not verified as a check number. */
export function checkAde(input: string): IdCheck {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  const normalized = trimmed.replace(WHITESPACE, '').replace(DASHES, '-').toUpperCase();
  if (!ADE.test(normalized)) return { ok: false, reason: 'format' };
  return { ok: true, normalized };
}
