import { digitValues, isDigits, stripSeparators, weightedSum } from './digits.ts';
import type { IdCheck } from './result.ts';

const WEIGHTS_9 = [8, 9, 2, 3, 4, 5, 6, 7] as const;
const WEIGHTS_14 = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8] as const;

/** REGON: 9 digits for an entity, 14 for its local unit (the entity's 9 digits come first). */
export function checkRegon(input: string): IdCheck {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  const digits = stripSeparators(trimmed);
  if (!isDigits(digits, 9) && !isDigits(digits, 14)) return { ok: false, reason: 'format' };
  if (!hasValidCheckDigit(digits.slice(0, 9), WEIGHTS_9)) return { ok: false, reason: 'checksum' };
  if (digits.length === 14 && !hasValidCheckDigit(digits, WEIGHTS_14)) return { ok: false, reason: 'checksum' };
  return { ok: true, normalized: digits };
}

/** Both lengths use Σ mod 11 with 10 written as 0. */
function hasValidCheckDigit(digits: string, weights: readonly number[]): boolean {
  const values = digitValues(digits);
  return (weightedSum(values, weights) % 11) % 10 === values[weights.length];
}
