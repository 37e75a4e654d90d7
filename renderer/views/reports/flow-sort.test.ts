import { describe, expect, it } from 'vitest';
import { useTableSort } from './flow-sort.ts';

const lines = [{ label: 'Łódź', n: 2, share: null }, { label: 'Kraków', n: 5, share: 0.4 }, { label: 'Zamość', n: 1, share: 1 }];
const value = (line: (typeof lines)[number], column: string) => (column === 'label' ? line.label : column === 'n' ? line.n : line.share);

describe('sorting the intake and outgoing tables', () => {
  it('keeps a table’s own order until its header is clicked, then sorts counts largest first and names A–Z, and back', () => {
    const { sortBy, sorted, ariaSort } = useTableSort();
    expect(sorted('desks', lines, value).map((l) => l.label)).toEqual(['Łódź', 'Kraków', 'Zamość']);
    sortBy('desks', 'n');
    expect(ariaSort('desks', 'n')).toBe('descending');
    expect(sorted('desks', lines, value).map((l) => l.n)).toEqual([5, 2, 1]);
    // Another table keeps its order.
    expect(sorted('periods', lines, value).map((l) => l.label)).toEqual(['Łódź', 'Kraków', 'Zamość']);
    expect(ariaSort('periods', 'n')).toBe('none');
    sortBy('desks', 'n');
    expect(sorted('desks', lines, value).map((l) => l.n)).toEqual([1, 2, 5]);
    // Polish alphabetical order: Ł after L, Z last.
    sortBy('desks', 'label');
    expect(sorted('desks', lines, value).map((l) => l.label)).toEqual(['Kraków', 'Łódź', 'Zamość']);
    // A share of nothing goes last either way.
    sortBy('desks', 'share');
    expect(sorted('desks', lines, value).map((l) => l.share)).toEqual([1, 0.4, null]);
    sortBy('desks', 'share');
    expect(sorted('desks', lines, value).map((l) => l.share)).toEqual([0.4, 1, null]);
  });
});
