import type { JrwaClass } from '../../../shared/organisation/jrwa.ts';

/** One line of the JRWA picker: an end class the clerk can choose, or a heading above some. */
export interface JrwaOption {
  readonly symbol: string;
  readonly heading: string;
  readonly category: string | null;
  readonly selectable: boolean;
  /** 0 for a top class (one digit): the picker indents by it, so the tree stays readable. */
  readonly depth: number;
}

/**
 * Lower case without Polish diacritics, so "lacznosc" finds "Łączność". NFD leaves ł alone
 * (it is a letter of its own, not l with a mark), hence the explicit replacement.
 */
export function foldText(text: string): string {
  return text.toLocaleLowerCase('pl').replace(/ł/gu, 'l').normalize('NFD').replace(/\p{M}/gu, '');
}

function words(heading: string): string[] {
  return foldText(heading).split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

/**
 * The classes to offer, in tree order: the ones that take cases, under the headings of their
 * ancestors. With a query, only the classes whose symbol starts with each word typed, or whose
 * heading has a word starting with it ("inf pub" finds "Udostępnianie informacji publicznej").
 * Headings with nothing choosable under them are left out: they would only lengthen the list.
 */
export function jrwaOptions(classes: readonly JrwaClass[], query = ''): JrwaOption[] {
  // Symbols are decimal prefixes of their subclasses, so plain string order is the tree's order.
  const sorted = [...classes].sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0));
  const tokens = foldText(query).split(/\s+/u).filter((token) => token !== '');
  const matches = (c: JrwaClass): boolean => {
    if (tokens.length === 0) return true;
    const headingWords = words(c.heading);
    return tokens.every((token) => c.symbol.startsWith(token) || headingWords.some((word) => word.startsWith(token)));
  };
  const chosen = sorted.filter((c) => c.takesCases && matches(c));
  const keep = new Set<string>();
  for (const c of chosen) {
    for (let length = 1; length <= c.symbol.length; length++) keep.add(c.symbol.slice(0, length));
  }
  const selectable = new Set(chosen.map((c) => c.symbol));
  return sorted
    .filter((c) => keep.has(c.symbol))
    .map((c) => ({ symbol: c.symbol, heading: c.heading, category: c.category, selectable: selectable.has(c.symbol), depth: c.symbol.length - 1 }));
}
