import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/core/rpc/app-error.ts';
import { createDispatch } from '../../../electron/core/rpc/dispatch.ts';
import { handlersFor } from '../../../electron/core/test-support/handlers.ts';
import type { ParsedIn } from '../../../shared/contract.ts';
import type { IncomingItem } from '../../../shared/registry.ts';
import { createClient } from '../../../shared/rpc/client.ts';
import { setApiClient } from '../../api/index.ts';
import { useSessionStore } from '../../stores/session.ts';
import { aCase, caseId, JRWA, UNITS } from '../../test-support/cases.ts';
import { fakeEvents } from '../../test-support/fake-events.ts';
import { mountInApp } from '../../test-support/mount-app.ts';
import OpenCaseView from './OpenCaseView.vue';

const letter: IncomingItem = {
  id: '0190a4c2-7e1b-7c4d-8a5e-0000000000aa', rpwNumber: 'RPW/KO/17/2026', deskCode: 'KO', year: 2026, sequence: 17,
  receivedAt: '2026-11-20T09:00:00+01:00', channel: 'post', postedOn: null, correspondentId: null,
  senderName: 'Jan Kowalski', senderAddress: null, senderReference: null, letterDate: '2026-11-17',
  subject: 'Wniosek o udostępnienie umów na odśnieżanie', attachmentsCount: 0, personalDelivery: false, accessLevel: 'public',
  originalLocation: null, postalTrackingNumber: null, notes: null, status: 'registered', cancelReason: null,
  registeredAt: '2026-11-20T09:01:00+01:00', registeredBy: 'Ewa Zielińska', trackingCode: 'ABCD-1234', trackingPin: '1234',
};

let opened: ParsedIn<'cases.open'>[];
let refuseWith: string | null;
let jrwaAsked: ParsedIn<'jrwa.forUnit'>[];
const dispatch = createDispatch(handlersFor({
  'registry.get': ({ id }) => {
    if (id !== letter.id) throw new AppError('not_found', 'No such entry');
    return { item: letter, events: [] };
  },
  'organisation.units': () => UNITS,
  'jrwa.forUnit': (input) => {
    jrwaAsked.push(input);
    return { ownerCode: 'UM', classes: JRWA };
  },
  'cases.open': (input) => {
    opened.push(input);
    // As core refuses: the case as a whole, with the reason as an i18n key.
    if (refuseWith) throw new AppError('invalid_input', `Refused: ${refuseWith}`, [{ path: 'case', message: refuseWith }]);
    return aCase(7, { title: input.title });
  },
}), { checkOutput: true, logError: () => undefined });

beforeEach(() => {
  opened = [];
  jrwaAsked = [];
  refuseWith = null;
  setApiClient(createClient({ call: (method, input) => dispatch(method, input), on: fakeEvents().on }));
});
enableAutoUnmount(afterEach);

async function openCase(path = `/moje-sprawy/nowa?itemId=${letter.id}`) {
  const mounted = await mountInApp(OpenCaseView, {
    path,
    before: () => useSessionStore().receiveAuth({
      mode: 'local', user: null, offline: false, serverUrl: '',
      localPerson: { login: 'anna', displayName: 'Anna Nowak', post: 'inspektor', unitCode: 'OR', roles: ['clerk'] },
    }),
  });
  await flushPromises();
  return mounted;
}

const value = (wrapper: VueWrapper, selector: string): string => (wrapper.get(selector).element as HTMLInputElement | HTMLSelectElement).value;
const labelOf = (wrapper: VueWrapper, id: string): string => wrapper.get(`label[for="${id}"]`).text();

async function fill(wrapper: VueWrapper): Promise<void> {
  await wrapper.get('#case-jrwa').setValue('1431');
  await wrapper.get('#case-matter').setValue('informacja_publiczna');
}

describe('opening a case from a letter', () => {
  it('starts from the letter: its subject, the day it arrived, my unit, me as the handler', async () => {
    const { wrapper } = await openCase();
    expect(wrapper.get('[data-testid="open-case-letter"]').text()).toBe('Sprawa z pisma RPW/KO/17/2026 — Jan Kowalski, pismo z 17 listopada 2026');
    expect(value(wrapper, '#case-title')).toBe('Wniosek o udostępnienie umów na odśnieżanie');
    expect(value(wrapper, '#case-started')).toBe('2026-11-20');
    expect(value(wrapper, '#case-unit')).toBe('OR');
    expect(jrwaAsked.at(-1)).toEqual({ unitCode: 'OR', date: '2026-11-20' });
    expect(wrapper.get('.handler-line').text()).toBe('Prowadzący: Anna Nowak');
    expect(labelOf(wrapper, 'case-jrwa')).toBe('Klasa JRWA');
    expect(labelOf(wrapper, 'case-matter')).toBe('Rodzaj sprawy');
    // The clerk starts by finding the class.
    expect(document.activeElement).toBe(wrapper.get('#case-jrwa-search').element);
  });

  it('offers only the end classes that take cases, under greyed headings', async () => {
    const { wrapper } = await openCase();
    const options = wrapper.findAll('#case-jrwa option').map((o) => ({ value: o.attributes('value'), text: o.text().trim(), disabled: o.attributes('disabled') !== undefined }));
    expect(options.filter((o) => !o.disabled).map((o) => o.text)).toEqual(['0002 — Sesje rady gminy (kat. A)', '1431 — Udostępnianie informacji publicznej (kat. A)']);
    expect(options.filter((o) => o.disabled).map((o) => o.value)).toEqual(['', '0', '00', '000', '1', '14', '143']);
    expect(options.some((o) => o.value === '0004')).toBe(false);
  });

  it('narrows the classes by words of the heading and picks the first match', async () => {
    const { wrapper } = await openCase();
    await wrapper.get('#case-jrwa-search').setValue('udostep');
    expect(wrapper.findAll('#case-jrwa option:not([disabled])').map((o) => o.attributes('value'))).toEqual(['1431']);
    expect(value(wrapper, '#case-jrwa')).toBe('1431');
  });

  it('hints what the start date means for the matter type chosen', async () => {
    const { wrapper } = await openCase();
    await wrapper.get('#case-matter').setValue('petycja');
    expect(wrapper.get('#case-started-hint').text()).toContain('złożenie petycji');
    expect(wrapper.get('#case-matter-hint').text()).toBe('Termin ustawowy: 3 miesiące (art. 10 ust. 1 ustawy o petycjach).');
  });

  it('opens the case with the letter attached and shows it', async () => {
    const { wrapper, router } = await openCase();
    await fill(wrapper);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(opened).toEqual([{
      itemIds: [letter.id], unitCode: 'OR', jrwaSymbol: '1431', title: 'Wniosek o udostępnienie umów na odśnieżanie',
      matterType: 'informacja_publiczna', startedOn: '2026-11-20', handlerLogin: 'anna',
    }]);
    expect(router.currentRoute.value.path).toBe(`/moje-sprawy/sprawa/${caseId(7)}`);
  });

  it('shows a refusal on the field it is about, in Polish, and focuses it', async () => {
    refuseWith = 'cases.notEndClass';
    const { wrapper, router } = await openCase();
    await fill(wrapper);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true }));
    await flushPromises();
    expect(opened).toHaveLength(1);
    expect(wrapper.get('#case-jrwa-error').text()).toBe('Sprawę zakłada się tylko w klasie końcowej JRWA z kategorią archiwalną — wybierz klasę najniższego poziomu.');
    expect(wrapper.get('#case-jrwa').attributes('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(wrapper.get('#case-jrwa').element);
    expect(router.currentRoute.value.path).toBe('/moje-sprawy/nowa');
  });

  it('shows what the contract refuses on its field, and the choices not made yet', async () => {
    const { wrapper } = await openCase();
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('#case-jrwa-error').text()).toBe('Wybierz klasę JRWA.');
    expect(wrapper.get('#case-matter-error').text()).toBe('Wybierz rodzaj sprawy.');
    expect(opened).toHaveLength(0);

    await fill(wrapper);
    await wrapper.get('#case-title').setValue('ab');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('#case-title-error').text()).toBe('Podaj tytuł sprawy (co najmniej 3 znaki).');
    expect(wrapper.find('#case-jrwa-error').exists()).toBe(false);
  });

  it('says so when the letter is not in the register, and still opens a case', async () => {
    const { wrapper } = await openCase('/moje-sprawy/nowa?itemId=0190a4c2-7e1b-7c4d-8a5e-0000000000bb');
    expect(wrapper.get('[role="alert"]').text()).toBe('Nie ma takiego pisma w rejestrze. Sprawę można założyć bez niego.');
    expect(value(wrapper, '#case-title')).toBe('');
  });
});
