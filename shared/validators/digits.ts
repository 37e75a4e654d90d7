/**
 * Separators people put inside numbers: whitespace (including the non-breaking space of pasted
 * text), the ASCII hyphen, and the Unicode hyphens and dashes word processors substitute for it.
 */
const SEPARATORS = /[\s\-\u2010-\u2014\u2212]/gu;

export function stripSeparators(input: string): string {
  return input.replace(SEPARATORS, '');
}

export function isDigits(value: string, length?: number): boolean {
  return /^\d+$/.test(value) && (length === undefined || value.length === length);
}

/** Numeric value of each character; callers check `isDigits` first. */
export function digitValues(digits: string): number[] {
  return Array.from(digits, Number);
}

/**
 * Σ weight × value over the weights; values beyond the weights (the check digit) are ignored,
 * which is how every Polish checksum here is defined.
 */
export function weightedSum(values: readonly number[], weights: readonly number[]): number {
  return weights.reduce((sum, weight, index) => sum + weight * (values[index] ?? 0), 0);
}
