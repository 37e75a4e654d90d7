import { computed, ref } from 'vue';
import { ariaSortOf, compareValues, nextDirection, type SortDirection } from '../../format/table-sort.ts';

export interface TableSort { readonly table: string; readonly column: string; readonly direction: SortDirection }

/**
 * Sorting for the intake and outgoing tables, one table at a time, by the rules of every report
 * table (format/table-sort.ts); until a header is clicked each table keeps its own order (periods
 * by date, channels as the register lists them).
 */
export function useTableSort() {
  const sort = ref<TableSort | null>(null);
  function sortBy(table: string, column: string): void {
    const current = sort.value?.table === table ? sort.value : null;
    sort.value = { table, column, direction: nextDirection(current, column) };
  }
  const ariaSort = (table: string, column: string) => ariaSortOf(sort.value?.table === table ? sort.value : null, column);
  function sorted<L>(table: string, lines: readonly L[], value: (line: L, column: string) => number | string | null): L[] {
    const current = sort.value;
    if (current?.table !== table) return [...lines];
    return [...lines].sort((a, b) => compareValues(value(a, current.column), value(b, current.column), current.direction));
  }
  return { sort: computed(() => sort.value), sortBy, ariaSort, sorted };
}
