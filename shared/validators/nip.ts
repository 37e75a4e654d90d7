import { digitValues, isDigits, stripSeparators, weightedSum } from './digits.ts';
import type { IdCheck } from './result.ts';

const WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7] as const;

/** The EU VAT number of a Polish taxpayer is its NIP behind 'PL', so invoices often carry that. */
const VAT_PREFIX = /^PL/iu;

/** NIP: 10 digits; the last is Σ mod 11, and a sum giving 10 is never issued. */
export function checkNip(input: string): IdCheck {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  const digits = stripSeparators(trimmed).replace(VAT_PREFIX, '');
  if (!isDigits(digits, 10)) return { ok: false, reason: 'format' };
  const values = digitValues(digits);
  const check = weightedSum(values, WEIGHTS) % 11;
  if (check === 10 || check !== values[9]) return { ok: false, reason: 'checksum' };
  return { ok: true, normalized: digits };
}
