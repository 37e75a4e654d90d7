/**
 * Numbers as a Polish reader writes them (decimal comma), the same on screen, in the PDF and in
 * the CSV, so a supervisor comparing them sees the same text. `—` where a figure is withheld
 * (a group below the minimum count) or cannot exist (no case had a term).
 */
export const WITHHELD = '—';

export function formatShare(share: number | null): string {
  if (share === null) return WITHHELD;
  return `${(share * 100).toFixed(1).replace('.', ',')}%`;
}

/** Whole days stay whole; a median between two days ends in ",5". */
export function formatDays(days: number | null): string {
  if (days === null) return WITHHELD;
  return Number.isInteger(days) ? String(days) : days.toFixed(1).replace('.', ',');
}

export function formatCount(count: number | null): string {
  return count === null ? WITHHELD : String(count);
}
