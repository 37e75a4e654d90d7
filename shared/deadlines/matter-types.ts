import type { Term } from './kpa.ts';

/** "Niezwłocznie" (KPA art. 35 § 2): no calendar date until an art. 36 notice sets one. */
export interface WithoutDelay {
  readonly unit: 'withoutDelay';
}

export type StatutoryTerm = Term | WithoutDelay;

/** The event a term runs from; the caller supplies its date as the case's start. */
export type TermStart = 'initiation' | 'appealReceipt' | 'receipt' | 'filing';

/** How the clerk sees each start event, so the form asks for the right date. */
export const TERM_START_NAMES: Readonly<Record<TermStart, string>> = {
  // On request: the day the request reached the organ, not the posting date (domain.md §4.2, art. 61 § 3).
  initiation: 'wszczęcie postępowania (na żądanie strony: dzień doręczenia żądania organowi)',
  appealReceipt: 'otrzymanie odwołania',
  receipt: 'wpływ pisma do organu',
  filing: 'złożenie petycji (po wezwaniu do uzupełnienia: dzień uzupełnienia)',
};

/** The latest date an art. 36-style extension may set, where the statute caps it. */
export interface ExtensionLimit {
  readonly term: Term;
  /** `start`: counted from the day the term runs from; `originalDue`: added to the original due date. */
  readonly counted: 'start' | 'originalDue';
  readonly legalBasis: string;
}

export interface MatterType {
  readonly key: string;
  readonly name: string;
  readonly term: StatutoryTerm;
  readonly runsFrom: TermStart;
  readonly legalBasis: string;
  readonly extensionLimit?: ExtensionLimit;
  /** Present where domain.md marks the rule as not checked in a source (🧠): what to verify. */
  readonly unverified?: string;
}

const days = (amount: number): Term => ({ amount, unit: 'days' });
const months = (amount: number): Term => ({ amount, unit: 'months' });

/**
 * The statutory terms of domain.md §4.1. Special laws may set other terms (art. 35 § 4): callers
 * can build their own `MatterType` for those, the engine takes any.
 */
export const MATTER_TYPES = [
  {
    key: 'kpa_without_delay',
    name: 'Sprawa KPA załatwiana niezwłocznie',
    term: { unit: 'withoutDelay' },
    runsFrom: 'initiation',
    legalBasis: 'art. 35 § 2 KPA',
  },
  {
    key: 'kpa_general',
    name: 'Sprawa KPA wymagająca postępowania wyjaśniającego',
    term: months(1),
    runsFrom: 'initiation',
    legalBasis: 'art. 35 § 3 KPA',
  },
  {
    key: 'kpa_complicated',
    name: 'Sprawa KPA szczególnie skomplikowana',
    term: months(2),
    runsFrom: 'initiation',
    legalBasis: 'art. 35 § 3 KPA',
  },
  {
    key: 'kpa_appeal',
    name: 'Odwołanie (organ odwoławczy)',
    term: months(1),
    runsFrom: 'appealReceipt',
    legalBasis: 'art. 35 § 3 KPA',
  },
  {
    key: 'kpa_simplified',
    name: 'Postępowanie uproszczone (art. 163b KPA)',
    term: months(1),
    runsFrom: 'initiation',
    legalBasis: 'art. 35 § 3a KPA',
    unverified: 'domain.md §4.1 marks the 1-month term of art. 35 § 3a as unchecked',
  },
  {
    key: 'zaswiadczenie',
    name: 'Wydanie zaświadczenia',
    term: days(7),
    runsFrom: 'receipt',
    legalBasis: 'art. 217 § 3 KPA',
  },
  {
    key: 'skarga',
    name: 'Skarga',
    term: months(1),
    runsFrom: 'receipt',
    legalBasis: 'art. 237 § 1 KPA',
  },
  {
    key: 'skarga_posel_radny',
    name: 'Skarga posła, senatora lub radnego: zawiadomienie o załatwieniu lub stanie rozpatrywania',
    term: days(14),
    runsFrom: 'receipt',
    legalBasis: 'art. 237 § 2 KPA',
  },
  {
    key: 'skarga_przekazanie',
    name: 'Skarga do niewłaściwego organu: przekazanie właściwemu',
    term: days(7),
    runsFrom: 'receipt',
    legalBasis: 'art. 231 KPA',
    unverified: 'domain.md §4.1 and §9 mark the 7 days of art. 231 as unchecked',
  },
  {
    key: 'wniosek',
    name: 'Wniosek (art. 241 KPA)',
    term: months(1),
    runsFrom: 'receipt',
    legalBasis: 'art. 244 § 1 KPA',
  },
  {
    key: 'informacja_publiczna',
    name: 'Wniosek o udostępnienie informacji publicznej',
    term: days(14),
    runsFrom: 'receipt',
    legalBasis: 'art. 13 ust. 1 ustawy o dostępie do informacji publicznej',
    // The new date may be at most 2 months from the request, not from the 14-day term.
    extensionLimit: { term: months(2), counted: 'start', legalBasis: 'art. 13 ust. 2 ustawy o dostępie do informacji publicznej' },
  },
  {
    key: 'informacja_publiczna_odwolanie',
    name: 'Odwołanie od decyzji odmownej (informacja publiczna)',
    term: days(14),
    runsFrom: 'appealReceipt',
    legalBasis: 'art. 16 ust. 2 ustawy o dostępie do informacji publicznej',
  },
  {
    key: 'petycja',
    name: 'Petycja',
    term: months(3),
    runsFrom: 'filing',
    legalBasis: 'art. 10 ust. 1 ustawy o petycjach',
    extensionLimit: { term: months(3), counted: 'originalDue', legalBasis: 'art. 10 ust. 2 ustawy o petycjach' },
    unverified: 'domain.md §4.1 and §9 mark the extension by up to 3 more months (art. 10 ust. 2) as unchecked',
  },
] as const satisfies readonly MatterType[];

export type MatterTypeKey = (typeof MATTER_TYPES)[number]['key'];

const BY_KEY: ReadonlyMap<string, MatterType> = new Map(MATTER_TYPES.map((type) => [type.key, type]));

/** The matter type stored with a case (`CaseRecord.matterType`), or undefined for an unknown key. */
export function findMatterType(key: string): MatterType | undefined {
  return BY_KEY.get(key);
}
