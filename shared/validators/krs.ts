import { isDigits, stripSeparators } from './digits.ts';
import type { IdCheck } from './result.ts';

const LENGTH = 10;

/**
 * KRS: 10 digits without a checksum. Letters and court records often drop the leading zeros
 * ("KRS 12345"), so shorter numbers are padded back to the registry's form.
 */
export function checkKrs(input: string): IdCheck {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  const digits = stripSeparators(trimmed);
  if (!isDigits(digits) || digits.length > LENGTH) return { ok: false, reason: 'format' };
  return { ok: true, normalized: digits.padStart(LENGTH, '0') };
}
