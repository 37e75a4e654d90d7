import { describe, expect, it } from 'vitest';
import { caseDeadline } from './case-deadline.ts';
import { findMatterType, MATTER_TYPES } from './matter-types.ts';
import { matterTypeForTest as type } from './test-matter-types.ts';

describe('MATTER_TYPES', () => {
  it('holds the terms of domain.md §4.1 with their legal basis and start event', () => {
    expect(MATTER_TYPES.map((matter) => [matter.key, matter.term, matter.runsFrom, matter.legalBasis])).toEqual([
      ['kpa_without_delay', { unit: 'withoutDelay' }, 'initiation', 'art. 35 § 2 KPA'],
      ['kpa_general', { amount: 1, unit: 'months' }, 'initiation', 'art. 35 § 3 KPA'],
      ['kpa_complicated', { amount: 2, unit: 'months' }, 'initiation', 'art. 35 § 3 KPA'],
      ['kpa_appeal', { amount: 1, unit: 'months' }, 'appealReceipt', 'art. 35 § 3 KPA'],
      ['kpa_simplified', { amount: 1, unit: 'months' }, 'initiation', 'art. 35 § 3a KPA'],
      ['zaswiadczenie', { amount: 7, unit: 'days' }, 'receipt', 'art. 217 § 3 KPA'],
      ['skarga', { amount: 1, unit: 'months' }, 'receipt', 'art. 237 § 1 KPA'],
      ['skarga_posel_radny', { amount: 14, unit: 'days' }, 'receipt', 'art. 237 § 2 KPA'],
      ['skarga_przekazanie', { amount: 7, unit: 'days' }, 'receipt', 'art. 231 KPA'],
      ['wniosek', { amount: 1, unit: 'months' }, 'receipt', 'art. 244 § 1 KPA'],
      ['informacja_publiczna', { amount: 14, unit: 'days' }, 'receipt', 'art. 13 ust. 1 ustawy o dostępie do informacji publicznej'],
      ['informacja_publiczna_odwolanie', { amount: 14, unit: 'days' }, 'appealReceipt', 'art. 16 ust. 2 ustawy o dostępie do informacji publicznej'],
      ['petycja', { amount: 3, unit: 'months' }, 'filing', 'art. 10 ust. 1 ustawy o petycjach'],
    ]);
  });

  it('flags the rules domain.md has not checked in a source', () => {
    expect(MATTER_TYPES.filter((matter) => 'unverified' in matter).map((matter) => matter.key)).toEqual(['kpa_simplified', 'skarga_przekazanie', 'petycja']);
  });

  it('finds the keys cases already store, and nothing for an unknown key', () => {
    expect(type('kpa_general').name).toBe('Sprawa KPA wymagająca postępowania wyjaśniającego');
    expect(type('skarga').term).toEqual({ amount: 1, unit: 'months' });
    expect(findMatterType('nieznany')).toBeUndefined();
  });
});

describe('due dates per matter type, for a case started on Monday 2 March 2026', () => {
  const due = (key: string) => caseDeadline({ startedOn: '2026-03-02', matterType: type(key) }).current;

  it('computes each statutory term', () => {
    expect(due('kpa_general')).toEqual({ statutory: '2026-04-02', adjusted: '2026-04-02' });
    // 2 May 2026 is a Saturday and 3 May a Sunday holiday.
    expect(due('kpa_complicated')).toEqual({ statutory: '2026-05-02', adjusted: '2026-05-04' });
    expect(due('kpa_appeal')).toEqual({ statutory: '2026-04-02', adjusted: '2026-04-02' });
    expect(due('zaswiadczenie')).toEqual({ statutory: '2026-03-09', adjusted: '2026-03-09' });
    expect(due('skarga')).toEqual({ statutory: '2026-04-02', adjusted: '2026-04-02' });
    expect(due('skarga_posel_radny')).toEqual({ statutory: '2026-03-16', adjusted: '2026-03-16' });
    expect(due('wniosek')).toEqual({ statutory: '2026-04-02', adjusted: '2026-04-02' });
    expect(due('informacja_publiczna')).toEqual({ statutory: '2026-03-16', adjusted: '2026-03-16' });
    expect(due('petycja')).toEqual({ statutory: '2026-06-02', adjusted: '2026-06-02' });
    expect(due('kpa_without_delay')).toBeNull();
  });
});
