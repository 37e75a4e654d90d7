import { isDigits, stripSeparators, weightedSum } from './digits.ts';
import type { IdCheck } from './result.ts';

/** Weights over all nine characters; the fourth character is the check digit (weight 9). */
const WEIGHTS = [7, 3, 1, 9, 7, 3, 1, 7, 3] as const;
const SERIES = /^[A-Z]{3}$/u;

/** Dowód osobisty: three-letter series, six digits; Σ weight × value mod 10 must be 0. */
export function checkIdCard(input: string): IdCheck {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  const normalized = stripSeparators(trimmed).toUpperCase();
  if (!SERIES.test(normalized.slice(0, 3)) || !isDigits(normalized.slice(3), 6)) {
    return { ok: false, reason: 'format' };
  }
  const sum = weightedSum(Array.from(normalized, characterValue), WEIGHTS);
  if (sum % 10 !== 0) return { ok: false, reason: 'checksum' };
  return { ok: true, normalized };
}

/** Digits count as themselves, letters A=10 … Z=35 (base-36 digit values). */
function characterValue(character: string): number {
  return Number.parseInt(character, 36);
}
