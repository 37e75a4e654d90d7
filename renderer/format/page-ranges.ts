/** Page numbers as a clerk reads them: [1, 2, 3, 5] → "1–3, 5". */
export function pageRanges(pages: readonly number[]): string {
  const ranges: string[] = [];
  let start: number | null = null;
  let previous: number | null = null;
  const flush = (): void => {
    if (start === null || previous === null) return;
    ranges.push(start === previous ? String(start) : `${String(start)}–${String(previous)}`);
  };
  for (const page of pages) {
    if (previous !== null && page === previous + 1) {
      previous = page;
      continue;
    }
    flush();
    start = page;
    previous = page;
  }
  flush();
  return ranges.join(', ');
}
