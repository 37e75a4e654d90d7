/** Sorting a report table by a clicked header: the same rules for every report. */
export type SortDirection = 'asc' | 'desc';

/** Nulls (a share of nothing, a median withheld) last whatever the direction; numbers by value, text the Polish way. */
export function compareValues(a: unknown, b: unknown, direction: SortDirection): number {
  const x = a ?? null;
  const y = b ?? null;
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  const sign = direction === 'asc' ? 1 : -1;
  if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
  return sign * (typeof x === 'string' ? x : '').localeCompare(typeof y === 'string' ? y : '', 'pl');
}

/** A header clicked once sorts by its column (counts largest first, names A–Z), twice the other way. */
export function nextDirection(current: { column: string; direction: SortDirection } | null, column: string): SortDirection {
  if (current?.column === column) return current.direction === 'asc' ? 'desc' : 'asc';
  return column === 'label' ? 'asc' : 'desc';
}

/** The header's aria-sort: only the column the table is sorted by says which way. */
export function ariaSortOf(current: { column: string; direction: SortDirection } | null, column: string): 'ascending' | 'descending' | 'none' {
  if (current?.column !== column) return 'none';
  return current.direction === 'asc' ? 'ascending' : 'descending';
}
