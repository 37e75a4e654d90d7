import { computed, ref } from 'vue';

export type SortDirection = 'asc' | 'desc';
export interface TableSort { readonly table: string; readonly column: string; readonly direction: SortDirection }

/** Nulls (a share of nothing) last whatever the direction; numbers by value, text the Polish way. */
export function compareValues(a: number | string | null, b: number | string | null, direction: SortDirection): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const sign = direction === 'asc' ? 1 : -1;
  return sign * (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'pl'));
}

/**
 * Sorting for the intake and outgoing tables, one table at a time: a header clicked once sorts by
 * its column (counts largest first, names A–Z), twice the other way; until then each table keeps
 * its own order (periods by date, channels as the register lists them).
 */
export function useTableSort() {
  const sort = ref<TableSort | null>(null);
  function sortBy(table: string, column: string): void {
    const current = sort.value;
    sort.value = current?.table === table && current.column === column
      ? { table, column, direction: current.direction === 'asc' ? 'desc' : 'asc' }
      : { table, column, direction: column === 'label' ? 'asc' : 'desc' };
  }
  function ariaSort(table: string, column: string): 'ascending' | 'descending' | 'none' {
    const current = sort.value;
    if (current?.table !== table || current.column !== column) return 'none';
    return current.direction === 'asc' ? 'ascending' : 'descending';
  }
  function sorted<L>(table: string, lines: readonly L[], value: (line: L, column: string) => number | string | null): L[] {
    const current = sort.value;
    if (current?.table !== table) return [...lines];
    return [...lines].sort((a, b) => compareValues(value(a, current.column), value(b, current.column), current.direction));
  }
  return { sort: computed(() => sort.value), sortBy, ariaSort, sorted };
}
