import { describe, expect, it } from 'vitest';
import { pageRanges } from './page-ranges.ts';

describe('pageRanges', () => {
  it('joins runs of pages and lists the rest', () => {
    expect(pageRanges([1, 2, 3, 5])).toBe('1–3, 5');
    expect(pageRanges([4])).toBe('4');
    expect(pageRanges([1, 3, 4, 7, 8, 9])).toBe('1, 3–4, 7–9');
    expect(pageRanges([])).toBe('');
  });
});
