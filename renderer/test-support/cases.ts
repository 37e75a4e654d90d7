import type { CaseDeadlineView, CaseEvent, CaseWithDeadline } from '../../shared/cases.ts';
import type { Out } from '../../shared/contract.ts';
import type { JrwaClass } from '../../shared/organisation/jrwa.ts';

/** Case fixtures for the case screens' tests: a valid contract value, changed where a test cares. */

export function caseId(n: number): string {
  return `0190a4c2-7e1b-7c4d-8a5e-${String(n).padStart(12, '0')}`;
}

export function deadline(overrides: Partial<CaseDeadlineView> = {}): CaseDeadlineView {
  return { state: 'due', originalDueDate: '2026-12-02', currentDueDate: '2026-12-02', calendarDaysLeft: 12, workingDaysLeft: 9, processingDays: 4, extended: false, ...overrides };
}

export function aCase(n: number, overrides: Partial<CaseWithDeadline> = {}): CaseWithDeadline {
  return {
    id: caseId(n), sign: `OR.1431.${String(n)}.2026`, displaySign: `OR.1431.${String(n)}.2026`, provisional: false,
    unitCode: 'OR', jrwaSymbol: '1431', year: 2026, number: n, title: `Wniosek o informację publiczną nr ${String(n)}`,
    matterType: 'informacja_publiczna', startedOn: '2026-11-16', status: 'open', settlement: null, handlerLogin: 'anna',
    openedAt: '2026-11-16T09:00:00.000Z', closedAt: null, deadline: deadline(),
    ...overrides,
  };
}

export function event(kind: CaseEvent['kind'], details: Record<string, unknown>, at = '2026-11-16T09:00:00.000Z'): CaseEvent {
  return { at, actorLogin: 'anna', actorName: 'Anna Nowak', actorPost: 'inspektor', kind, details, document: null };
}

export function jrwaClass(symbol: string, heading: string, category: string | null = null, takesCases = category !== null): JrwaClass {
  return { symbol, heading, parentSymbol: symbol.length > 1 ? symbol.slice(0, -1) : null, category, categoryOther: null, notes: null, localAddition: false, takesCases };
}

/** A small slice of a gmina's JRWA: two end classes that take cases, their headings, and one that does not. */
export const JRWA: JrwaClass[] = [
  jrwaClass('0', 'Zarządzanie'),
  jrwaClass('00', 'Rada gminy'),
  jrwaClass('000', 'Sesje i komisje'),
  jrwaClass('0002', 'Sesje rady gminy', 'A'),
  jrwaClass('0004', 'Przewodniczący rady bez kategorii'),
  jrwaClass('1', 'Organizacja'),
  jrwaClass('14', 'Informacja'),
  jrwaClass('143', 'Informacja publiczna'),
  jrwaClass('1431', 'Udostępnianie informacji publicznej', 'A'),
];

export const UNITS: Out<'organisation.units'> = [
  { code: 'UM', name: 'Urząd Miasta', kind: 'office', parentCode: null, depth: 0, active: true },
  { code: 'OR', name: 'Wydział Organizacyjny', kind: 'department', parentCode: 'UM', depth: 1, active: true },
  { code: 'GN', name: 'Wydział Gospodarki Nieruchomościami', kind: 'department', parentCode: 'UM', depth: 1, active: true },
];

export const PEOPLE: Out<'organisation.people'> = [
  { login: 'anna', displayName: 'Anna Nowak', post: 'inspektor', unitCode: 'OR', roles: ['clerk'], active: true },
];
