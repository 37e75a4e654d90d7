import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { h } from 'vue';
import { AppError } from '../../../electron/core/rpc/app-error.ts';
import { createDispatch } from '../../../electron/core/rpc/dispatch.ts';
import { handlersFor } from '../../../electron/core/test-support/handlers.ts';
import type { CaseEvent, CaseWithDeadline } from '../../../shared/cases.ts';
import type { ParsedIn } from '../../../shared/contract.ts';
import { createClient } from '../../../shared/rpc/client.ts';
import { setApiClient } from '../../api/index.ts';
import { aCase, caseId, deadline, event, JRWA, PEOPLE, UNITS } from '../../test-support/cases.ts';
import { fakeEvents, type FakeEvents } from '../../test-support/fake-events.ts';
import { mountInApp } from '../../test-support/mount-app.ts';
import CaseDetailView from './CaseDetailView.vue';

const letterId = '0190a4c2-7e1b-7c4d-8a5e-0000000000aa';
const extended = aCase(1, {
  deadline: deadline({ state: 'dueSoon', originalDueDate: '2026-11-30', currentDueDate: '2027-01-18', calendarDaysLeft: 3, workingDaysLeft: 2, processingDays: 60, extended: true }),
});
const history: CaseEvent[] = [
  event('opened', { sign: 'OR.1431.1.2026', unitCode: 'OR', jrwaSymbol: '1431' }),
  event('item_attached', { itemId: letterId, rpwNumber: 'RPW/KO/17/2026' }),
  event('extended', { noticeOn: '2026-11-27', newDate: '2027-01-18', reason: 'Potrzebna opinia prawna' }, '2026-11-27T10:00:00.000Z'),
];

let current: CaseWithDeadline;
let events: CaseEvent[];
let gets: number;
let paused: ParsedIn<'cases.pause'>[];
let events$: FakeEvents;
const dispatch = createDispatch(handlersFor({
  'cases.get': ({ id }) => {
    gets += 1;
    if (id !== current.id) throw new AppError('not_found', 'No such case');
    return { case: current, itemIds: [letterId], events };
  },
  'organisation.units': () => UNITS,
  'organisation.people': () => PEOPLE,
  'jrwa.forUnit': () => ({ ownerCode: 'UM', classes: JRWA }),
  'cases.pause': (input) => {
    paused.push(input);
    events = [...events, event('paused', { from: input.from, reason: input.reason }, '2026-11-28T10:00:00.000Z')];
    current = { ...current, deadline: deadline({ state: 'paused' }) };
    return current;
  },
  'cases.close': ({ settlement }) => {
    current = { ...current, status: 'closed', settlement, closedAt: '2026-11-28T12:00:00.000Z', deadline: deadline({ state: 'closed', calendarDaysLeft: null, workingDaysLeft: null }) };
    events = [...events, event('closed', { settlement }, '2026-11-28T12:00:00.000Z')];
    return current;
  },
  'cases.extend': ({ newDate }) => {
    // As core refuses a date that is not after the notice: on the new date's field.
    throw new AppError('invalid_input', 'Refused', [{ path: 'newDate', message: newDate === '' ? 'validation.date' : 'cases.extensionNotLater' }]);
  },
}), { checkOutput: true, logError: () => undefined });

beforeEach(() => {
  current = extended;
  events = history;
  gets = 0;
  paused = [];
  events$ = fakeEvents();
  setApiClient(createClient({ call: (method, input) => dispatch(method, input), on: events$.on }));
});
enableAutoUnmount(afterEach);

async function detail(id = current.id): Promise<VueWrapper> {
  const { wrapper } = await mountInApp({ render: () => h(CaseDetailView, { id }) }, { path: `/moje-sprawy/sprawa/${id}` });
  await flushPromises();
  return wrapper;
}

/** The facts as "label: value" lines. */
function facts(wrapper: VueWrapper, testid: string): string[] {
  const list = wrapper.get(`[data-testid="${testid}"]`);
  const values = list.findAll('dd').map((d) => d.text().replace(/\s+/gu, ' '));
  return list.findAll('dt').map((term, i) => `${term.text()}: ${values[i] ?? ''}`);
}

describe('a case in detail', () => {
  it('shows the current due date beside the original one after an art. 36 notice', async () => {
    const wrapper = await detail();
    expect(wrapper.get('[data-testid="case-sign"]').text()).toBe('OR.1431.1.2026');
    expect(wrapper.get('[data-testid="case-due-date"]').text()).toBe('18 stycznia 2027');
    expect(wrapper.get('[data-testid="case-original-due-date"]').text()).toBe('30 listopada 2026');
    expect(facts(wrapper, 'case-deadline')).toEqual([
      'Termin załatwienia: 18 stycznia 2027 termin wkrótce',
      'Pierwotny termin: 30 listopada 2026 — sprzed zawiadomienia z art. 36 KPA',
      'Do terminu: zostały 3 dni, w tym 2 dni robocze',
      'Czas załatwiania (bez wstrzymań): 60 dni',
    ]);
  });

  it('shows the particulars with names, the letters and the metryka with each actor’s post', async () => {
    const wrapper = await detail();
    expect(facts(wrapper, 'case-facts')).toEqual([
      'Tytuł: Wniosek o informację publiczną nr 1',
      'Komórka: OR — Wydział Organizacyjny',
      'Klasa JRWA: 1431 — Udostępnianie informacji publicznej',
      'Rodzaj sprawy: Wniosek o udostępnienie informacji publicznej (art. 13 ust. 1 ustawy o dostępie do informacji publicznej)',
      'Stan: w toku',
      'Prowadzący: Anna Nowak',
      'Data wszczęcia: 16 listopada 2026',
      expect.stringMatching(/^Założona: 16\.11\.2026/u) as string,
    ]);
    expect(wrapper.get('[data-testid="case-letters"] a').attributes('href')).toBe(`/kancelaria/rejestr/${letterId}`);
    expect(wrapper.get('[data-testid="case-letters"] a').text()).toBe('RPW/KO/17/2026');
    expect(wrapper.findAll('[data-testid="case-history"] li').map((li) => li.text().replace(/^.*? · /u, ''))).toEqual([
      'Anna Nowak (inspektor) · Założono sprawę OR.1431.1.2026',
      'Anna Nowak (inspektor) · Dołączono pismo RPW/KO/17/2026',
      'Anna Nowak (inspektor) · Zawiadomienie z art. 36 KPA z 27 listopada 2026: nowy termin 18 stycznia 2027 — Potrzebna opinia prawna',
    ]);
  });

  it('marks a provisional sign', async () => {
    current = aCase(2, { sign: null, number: null, provisional: true, displaySign: 'OR.1431.…/2026 (tymczasowy)' });
    const wrapper = await detail();
    expect(wrapper.get('[data-testid="case-sign"]').classes()).toContain('provisional');
    expect(wrapper.get('[data-testid="case-provisional"]').text()).toBe('Znak tymczasowy — serwer nada numer');
  });

  it('is read-only once closed', async () => {
    current = aCase(3, { status: 'closed', closedAt: '2026-11-25T12:00:00.000Z', settlement: 'Udostępniono pocztą elektroniczną', deadline: deadline({ state: 'closed', calendarDaysLeft: null, workingDaysLeft: null }) });
    events = [...history, event('closed', { settlement: 'Udostępniono pocztą elektroniczną' })];
    const wrapper = await detail();
    expect(wrapper.find('[data-testid="case-actions"]').exists()).toBe(false);
    expect(wrapper.findAll('button')).toHaveLength(0);
    expect(wrapper.get('[data-testid="case-read-only"]').text()).toBe('Sprawa jest zakończona — można ją tylko przeglądać.');
    expect(wrapper.get('[data-testid="case-status"]').text()).toBe('zakończona');
    expect(facts(wrapper, 'case-facts')).toContain('Sposób załatwienia: Udostępniono pocztą elektroniczną');
  });

  it('closes the case with how it was settled and lands on its new, read-only state', async () => {
    const wrapper = await detail();
    await wrapper.findAll('[data-testid="case-actions"] button').find((b) => b.text() === 'Zakończ sprawę')?.trigger('click');
    await wrapper.get('#case-close-settlement').setValue('Udostępniono umowy pocztą elektroniczną');
    await wrapper.get('[data-testid="case-close"]').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-testid="case-actions"]').exists()).toBe(false);
    expect(document.activeElement).toBe(wrapper.get('[data-testid="case-status"]').element);
    expect(wrapper.get('[data-testid="case-status"]').text()).toBe('zakończona');
    expect(wrapper.get('[data-testid="case-history"]').text()).toContain('Zakończono sprawę: Udostępniono umowy pocztą elektroniczną');
  });

  it('pauses the term from an inline form and shows the new metryka entry', async () => {
    const wrapper = await detail();
    const button = wrapper.findAll('[data-testid="case-actions"] button').find((b) => b.text() === 'Wstrzymaj bieg terminu');
    await button?.trigger('click');
    await flushPromises();
    expect(document.activeElement).toBe(wrapper.get('#case-pause-from').element);
    await wrapper.get('#case-pause-from').setValue('2026-11-28');
    await wrapper.get('#case-pause-reason').setValue('Wezwanie do uzupełnienia wniosku');
    await wrapper.get('[data-testid="case-pause"]').trigger('submit');
    await flushPromises();
    expect(paused).toEqual([{ id: caseId(1), from: '2026-11-28', reason: 'Wezwanie do uzupełnienia wniosku' }]);
    expect(wrapper.find('[data-testid="case-pause"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="case-history"]').text()).toContain('Wstrzymano bieg terminu od 28 listopada 2026 (art. 35 § 5 KPA): Wezwanie do uzupełnienia wniosku');
    // While the term is stopped, the same place offers to let it run again.
    expect(wrapper.findAll('[data-testid="case-actions"] button').map((b) => b.text())).toContain('Wznów bieg terminu');
    expect(document.activeElement?.textContent.trim()).toBe('Wznów bieg terminu');
  });

  it('shows why a new due date is refused, on its field', async () => {
    const wrapper = await detail();
    await wrapper.findAll('[data-testid="case-actions"] button').find((b) => b.text() === 'Wyznacz nowy termin (art. 36)')?.trigger('click');
    await wrapper.get('#case-extend-newDate').setValue('2026-11-20');
    await wrapper.get('#case-extend-reason').setValue('Opinia biegłego');
    await wrapper.get('[data-testid="case-extend"]').trigger('submit');
    await flushPromises();
    expect(wrapper.get('#case-extend-newDate-error').text()).toBe('Nowy termin musi być późniejszy niż dzień zawiadomienia.');
    expect(document.activeElement).toBe(wrapper.get('#case-extend-newDate').element);
    // Escape gives up and returns to the button.
    await wrapper.get('#case-extend-reason').trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(wrapper.find('[data-testid="case-extend"]').exists()).toBe(false);
    expect(document.activeElement?.textContent.trim()).toBe('Wyznacz nowy termin (art. 36)');
  });

  it('reloads when sync brings a change to one of its letters', async () => {
    await detail();
    const before = gets;
    events$.emit('registry.changed', { ids: ['0190a4c2-7e1b-7c4d-8a5e-0000000000ff'] });
    await flushPromises();
    expect(gets).toBe(before);
    events$.emit('registry.changed', { ids: [letterId] });
    await flushPromises();
    expect(gets).toBe(before + 1);
  });
});
