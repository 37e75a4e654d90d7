import { digitValues, isDigits, stripSeparators, weightedSum } from './digits.ts';
import { decodePeselDate, toIsoDate } from './pesel-date.ts';
import type { IdProblem } from './result.ts';

export type PeselSex = 'female' | 'male';

/** A valid PESEL also tells the birth date and sex, so the form can offer them. */
export type PeselCheck =
  | { readonly ok: true; readonly normalized: string; readonly birthDate: string; readonly sex: PeselSex }
  | { readonly ok: false; readonly reason: IdProblem };

const WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3] as const;

/** PESEL: 11 digits YYMMDDZZZXQ; Q is a weighted check digit, YYMMDD a real date. */
export function checkPesel(input: string): PeselCheck {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  const digits = stripSeparators(trimmed);
  if (!isDigits(digits, 11)) return { ok: false, reason: 'format' };
  const values = digitValues(digits);
  // The sum comes first: a mistyped digit is the likelier cause, and then any date verdict misleads.
  const check = (10 - (weightedSum(values, WEIGHTS) % 10)) % 10;
  if (check !== values[10]) return { ok: false, reason: 'checksum' };
  const date = decodePeselDate(digits);
  if (date === null) return { ok: false, reason: 'date' };
  // The tenth digit: even for women, odd for men.
  const sex = (values[9] ?? 0) % 2 === 0 ? 'female' : 'male';
  return { ok: true, normalized: digits, birthDate: toIsoDate(date), sex };
}

/** ISO 'YYYY-MM-DD' of a valid PESEL; null when it does not pass `checkPesel`. */
export function peselBirthDate(pesel: string): string | null {
  const check = checkPesel(pesel);
  return check.ok ? check.birthDate : null;
}

/** Sex encoded in a valid PESEL; null when it does not pass `checkPesel`. */
export function peselSex(pesel: string): PeselSex | null {
  const check = checkPesel(pesel);
  return check.ok ? check.sex : null;
}
