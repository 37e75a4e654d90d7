import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../electron/core/rpc/dispatch.ts';
import { handlersFor } from '../../../electron/core/test-support/handlers.ts';
import type { CaseWithDeadline } from '../../../shared/cases.ts';
import type { ParsedIn } from '../../../shared/contract.ts';
import { createClient } from '../../../shared/rpc/client.ts';
import type { Role } from '../../../shared/sync/protocol.ts';
import { setApiClient } from '../../api/index.ts';
import { useSessionStore } from '../../stores/session.ts';
import { aCase, caseId, deadline } from '../../test-support/cases.ts';
import { fakeEvents, type FakeEvents } from '../../test-support/fake-events.ts';
import { mountInApp } from '../../test-support/mount-app.ts';
import MyCasesView from './MyCasesView.vue';

const overdue = aCase(1, { deadline: deadline({ state: 'overdue', currentDueDate: '2026-11-19', originalDueDate: '2026-11-19', calendarDaysLeft: -1, workingDaysLeft: -1 }) });
const soon = aCase(2, {
  sign: null, number: null, provisional: true, displaySign: 'OR.1431.…/2026 (tymczasowy)',
  deadline: deadline({ state: 'dueSoon', currentDueDate: '2026-11-22', originalDueDate: '2026-11-22', calendarDaysLeft: 2, workingDaysLeft: 1 }),
});
const later = aCase(3, { deadline: deadline({ calendarDaysLeft: 22 }) });
const paused = aCase(4, { deadline: deadline({ state: 'paused', calendarDaysLeft: 5 }) });
const closed = aCase(5, { status: 'closed', closedAt: '2026-11-18T10:00:00.000Z', settlement: 'Udostępniono', deadline: deadline({ state: 'closed', calendarDaysLeft: null, workingDaysLeft: null }) });

let listed: ParsedIn<'cases.list'>[];
let events: FakeEvents;
const dispatch = createDispatch(handlersFor({
  'cases.list': (input) => {
    listed.push(input);
    const mine: CaseWithDeadline[] = [overdue, soon, later, paused];
    const units = input.scope === 'myUnits' ? [...mine, aCase(6, { handlerLogin: 'piotr' })] : mine;
    return input.includeClosed ? [...units, closed] : units;
  },
  'cases.dueSoon': () => [overdue, soon],
}), { checkOutput: true, logError: () => undefined });

beforeEach(() => {
  listed = [];
  events = fakeEvents();
  setApiClient(createClient({ call: (method, input) => dispatch(method, input), on: events.on }));
});
enableAutoUnmount(afterEach);

async function myCases(roles: Role[] = ['clerk']) {
  const { wrapper } = await mountInApp(MyCasesView, {
    path: '/moje-sprawy',
    before: () => useSessionStore().receiveAuth({
      mode: 'local', user: null, offline: false, serverUrl: '',
      localPerson: { login: 'anna', displayName: 'Anna Nowak', post: 'inspektor', unitCode: 'OR', roles },
    }),
  });
  await flushPromises();
  return wrapper;
}

/** Each row as "sign | title | due text". */
function rows(table: { findAll: (s: string) => { findAll: (s: string) => { text: () => string }[] }[] }): string[] {
  return table.findAll('tbody tr').map((tr) => {
    const cells = tr.findAll('td').map((td) => td.text().replace(/\s+/gu, ' '));
    return `${cells[0] ?? ''} | ${cells[3] ?? ''}`;
  });
}

describe('my cases', () => {
  it('puts the overdue and the due-soon cases on top, with their state and the days left in Polish', async () => {
    const wrapper = await myCases();
    expect(wrapper.get('[data-testid="cases-urgent"] h2').text()).toBe('Termin w ciągu 3 dni / po terminie');
    expect(rows(wrapper.get('[data-testid="urgent-list"]'))).toEqual([
      'OR.1431.1.2026 | 19 listopada 2026 po terminie 1 dzień po terminie',
      'OR.1431.…/2026 (tymczasowy) | 22 listopada 2026 termin wkrótce zostały 2 dni',
    ]);
    const urgent = wrapper.get('[data-testid="urgent-list"]');
    expect(urgent.get(`[data-testid="case-row-${caseId(1)}"] .due`).classes()).toContain('due-overdue');
    expect(urgent.get(`[data-testid="case-row-${caseId(2)}"] .due`).classes()).toContain('due-dueSoon');
  });

  it('lists every open case as a link to its detail, marking a provisional sign', async () => {
    const wrapper = await myCases();
    const list = wrapper.get('[data-testid="case-list"]');
    expect(wrapper.get('.list-summary').text()).toBe('4 sprawy');
    expect(rows(list)).toEqual([
      'OR.1431.1.2026 | 19 listopada 2026 po terminie 1 dzień po terminie',
      'OR.1431.…/2026 (tymczasowy) | 22 listopada 2026 termin wkrótce zostały 2 dni',
      'OR.1431.3.2026 | 2 grudnia 2026 w terminie zostały 22 dni',
      'OR.1431.4.2026 | 2 grudnia 2026 bieg terminu wstrzymany zostało 5 dni',
    ]);
    const links = list.findAll('a');
    expect(links.map((a) => a.attributes('href'))).toEqual([1, 2, 3, 4].map((n) => `/moje-sprawy/sprawa/${caseId(n)}`));
    expect(links[1]?.classes()).toContain('provisional');
    expect(links[1]?.attributes('title')).toBe('Znak tymczasowy — serwer nada numer');
    expect(list.findAll('[data-testid="case-due-date"]').map((d) => d.attributes('datetime'))).toEqual(['2026-11-19', '2026-11-22', '2026-12-02', '2026-12-02']);
  });

  it('shows the closed cases on request', async () => {
    const wrapper = await myCases();
    await wrapper.get('#cases-include-closed').setValue(true);
    await flushPromises();
    expect(listed.at(-1)).toMatchObject({ scope: 'mine', includeClosed: true });
    expect(wrapper.get('.list-summary').text()).toBe('5 spraw');
    expect(wrapper.get(`[data-testid="case-row-${caseId(5)}"]`).text()).toContain('zakończona');
  });

  it('offers the cases of my units to a unit head only', async () => {
    expect((await myCases()).find('#cases-my-units').exists()).toBe(false);
    const head = await myCases(['clerk', 'unit_head']);
    await head.get('#cases-my-units').setValue(true);
    await flushPromises();
    expect(listed.at(-1)).toMatchObject({ scope: 'myUnits', includeClosed: false });
    expect(head.get('.list-summary').text()).toBe('5 spraw');
  });

  it('follows changes brought by sync', async () => {
    await myCases();
    const before = listed.length;
    events.emit('registry.changed', { ids: [caseId(9)] });
    await flushPromises();
    expect(listed.length).toBe(before + 1);
  });
});
