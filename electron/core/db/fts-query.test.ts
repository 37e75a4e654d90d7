import { describe, expect, it } from 'vitest';
import { toFtsQuery } from './fts-query.ts';

describe('toFtsQuery', () => {
  it('makes every word a prefix term and folds ł', () => {
    expect(toFtsQuery('  Łódź   wnios ')).toBe('"Lódź"* "wnios"*');
  });

  it('keeps numbers with slashes as one exact phrase', () => {
    expect(toFtsQuery('RPW/KO-2/15/2026 skarga')).toBe('"RPW KO 2 15 2026" "skarga"*');
  });

  it('drops FTS syntax and returns null for nothing searchable', () => {
    expect(toFtsQuery('"OR" * NEAR( -')).toBe('"OR"* "NEAR"*');
    expect(toFtsQuery(' *() ')).toBeNull();
  });
});
