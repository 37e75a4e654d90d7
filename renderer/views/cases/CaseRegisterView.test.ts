import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDispatch } from '../../../electron/core/rpc/dispatch.ts';
import { handlersFor } from '../../../electron/core/test-support/handlers.ts';
import type { CaseRegisterRow } from '../../../shared/cases.ts';
import type { ParsedIn } from '../../../shared/contract.ts';
import { createClient } from '../../../shared/rpc/client.ts';
import { setApiClient } from '../../api/index.ts';
import { useSessionStore } from '../../stores/session.ts';
import { JRWA, UNITS } from '../../test-support/cases.ts';
import { fakeEvents } from '../../test-support/fake-events.ts';
import { mountInApp } from '../../test-support/mount-app.ts';
import CaseRegisterView from './CaseRegisterView.vue';

const rows: CaseRegisterRow[] = [
  {
    number: 1, sign: 'OR.1431.1.2026', title: 'Umowy na odśnieżanie', senderName: 'Jan Kowalski', senderReference: 'JK/3/2026', letterDate: '2026-01-05',
    startedOn: '2026-01-07', closedOn: '2026-01-19', handlerName: 'Anna Nowak', settlement: 'Udostępniono',
  },
  {
    number: 2, sign: 'OR.1431.2.2026', title: 'Rejestr umów 2025', senderName: null, senderReference: null, letterDate: null,
    startedOn: '2026-02-02', closedOn: null, handlerName: 'Anna Nowak', settlement: null,
  },
];

let asked: ParsedIn<'cases.register'>[];
let exported: ParsedIn<'cases.registerExport'>[];
const dispatch = createDispatch(handlersFor({
  'organisation.units': () => UNITS,
  'jrwa.forUnit': () => ({ ownerCode: 'UM', classes: JRWA }),
  'cases.register': (input) => {
    asked.push(input);
    return input.year === 2026 ? rows : [];
  },
  'cases.registerExport': (input) => {
    exported.push(input);
    return { fileName: 'spis-spraw.csv', mediaType: 'text/csv', base64: btoa('lp;znak\n') };
  },
}), { checkOutput: true, logError: () => undefined });

beforeEach(() => {
  asked = [];
  exported = [];
  setApiClient(createClient({ call: (method, input) => dispatch(method, input), on: fakeEvents().on }));
});
enableAutoUnmount(afterEach);

async function register(): Promise<VueWrapper> {
  const { wrapper } = await mountInApp(CaseRegisterView, {
    path: '/moje-sprawy/spis-spraw',
    before: () => useSessionStore().receiveAuth({
      mode: 'local', user: null, offline: false, serverUrl: '',
      localPerson: { login: 'anna', displayName: 'Anna Nowak', post: 'inspektor', unitCode: 'OR', roles: ['clerk'] },
    }),
  });
  await flushPromises();
  await wrapper.get('#register-jrwa').setValue('1431');
  await wrapper.get('#register-year').setValue('2026');
  await flushPromises();
  return wrapper;
}

describe('the spis spraw', () => {
  it('lists the cases of the unit, class and year with the columns of the instrukcja', async () => {
    const wrapper = await register();
    expect(asked.at(-1)).toEqual({ unitCode: 'OR', jrwaSymbol: '1431', year: 2026, from: null, to: null });
    expect(wrapper.get('[data-testid="case-register-header"] strong').text())
      .toBe('Spis spraw za 2026 r. · komórka OR — Wydział Organizacyjny · klasa 1431 — Udostępnianie informacji publicznej');
    const table = wrapper.get('[data-testid="case-register-rows"]');
    expect(table.findAll('th').map((th) => th.text())).toEqual([
      'Lp.', 'Znak sprawy', 'Tytuł sprawy', 'Od kogo wpłynęła', 'Znak pisma', 'Z dnia', 'Data wszczęcia', 'Data ostatecznego załatwienia', 'Prowadzący', 'Uwagi (sposób załatwienia)',
    ]);
    expect(table.findAll('tbody tr').map((tr) => tr.findAll('td').map((td) => td.text()))).toEqual([
      ['1', 'OR.1431.1.2026', 'Umowy na odśnieżanie', 'Jan Kowalski', 'JK/3/2026', '5.01.2026', '7.01.2026', '19.01.2026', 'Anna Nowak', 'Udostępniono'],
      ['2', 'OR.1431.2.2026', 'Rejestr umów 2025', '', '', '', '2.02.2026', '', 'Anna Nowak', ''],
    ]);
  });

  it('says so when the class has no cases that year', async () => {
    const wrapper = await register();
    await wrapper.get('#register-year').setValue('2025');
    await flushPromises();
    expect(wrapper.get('[data-testid="case-register-empty"]').text()).toBe('W tej klasie nie ma spraw z 2025 r.');
  });

  it('downloads the same register as CSV', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const wrapper = await register();
    await wrapper.findAll('button').find((b) => b.text() === 'Pobierz CSV')?.trigger('click');
    await flushPromises();
    expect(exported).toEqual([{ unitCode: 'OR', jrwaSymbol: '1431', year: 2026, from: null, to: null, format: 'csv' }]);
    expect(click).toHaveBeenCalledOnce();
    expect(wrapper.findAll('button').map((b) => b.text())).toEqual(['Pobierz PDF', 'Pobierz CSV']);
    click.mockRestore();
  });
});
