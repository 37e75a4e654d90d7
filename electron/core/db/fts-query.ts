/**
 * Turns what a clerk typed into an FTS5 query: every word must match as a prefix, with or without
 * Polish diacritics. unicode61 with remove_diacritics folds ą ć ę ń ó ś ź ż but not ł, so ł→l is
 * folded here and in the indexed text (see migration 0002). A chunk with slashes (an RPW number
 * or a sender's reference such as `RPW/KO/2/2026`) must match as an exact run of tokens, or
 * `RPW/KO/2` would find every entry of 2026. Only letters and digits survive, so no FTS syntax
 * can be injected. Returns null when nothing searchable was typed.
 */
export function toFtsQuery(text: string): string | null {
  const terms: string[] = [];
  for (const chunk of foldForSearch(text).split(/\s+/u)) {
    const words = chunk.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
    if (words.length === 0) continue;
    if (chunk.includes('/')) terms.push(`"${words.join(' ')}"`);
    else terms.push(...words.map((word) => `"${word}"*`));
  }
  return terms.length > 0 ? terms.join(' ') : null;
}

export function foldForSearch(text: string): string {
  return text.replaceAll('ł', 'l').replaceAll('Ł', 'L');
}
