import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/core/rpc/app-error.ts';
import { createDispatch } from '../../../electron/core/rpc/dispatch.ts';
import { handlersFor } from '../../../electron/core/test-support/handlers.ts';
import type { ParsedIn } from '../../../shared/contract.ts';
import { DEFAULT_CHAIN, type AcceptanceChain } from '../../../shared/replies/acceptance.ts';
import { createClient } from '../../../shared/rpc/client.ts';
import { setApiClient } from '../../api/index.ts';
import { PEOPLE, UNITS } from '../../test-support/cases.ts';
import { fakeEvents } from '../../test-support/fake-events.ts';
import { mountInApp } from '../../test-support/mount-app.ts';
import AcceptanceChainsView from './AcceptanceChainsView.vue';

const AT = '2026-11-20T10:00:00.000Z';
let chains: Map<string, AcceptanceChain>;
let saved: ParsedIn<'acceptance.saveChain'>[];
const dispatch = createDispatch(handlersFor({
  'organisation.units': () => UNITS,
  'organisation.people': () => PEOPLE,
  'acceptance.chain': ({ unitCode }) => chains.get(unitCode) ?? { unitCode, steps: [...DEFAULT_CHAIN], configured: false, savedAt: null, savedBy: null },
  'acceptance.saveChain': (input) => {
    saved.push(input);
    // The core's own check of the organisation: in this city nobody heads the urząd.
    if (input.steps.some((s) => s.approver === 'parent_head')) throw new AppError('invalid_input', 'Refused', [{ path: 'steps', message: 'acceptance.errors.nobody' }]);
    const chain = input.steps.length === 0
      ? { unitCode: input.unitCode, steps: [...DEFAULT_CHAIN], configured: false, savedAt: null, savedBy: null }
      : { unitCode: input.unitCode, steps: input.steps, configured: true, savedAt: AT, savedBy: 'Tomasz Zieliński' };
    chains.set(input.unitCode, chain);
    return chain;
  },
}), { checkOutput: true, logError: () => undefined });

beforeEach(() => {
  chains = new Map();
  saved = [];
  setApiClient(createClient({ call: (method, input) => dispatch(method, input), on: fakeEvents().on }));
});
enableAutoUnmount(afterEach);

async function chainOf(unitCode: string): Promise<VueWrapper> {
  const { wrapper } = await mountInApp(AcceptanceChainsView, { path: '/odpowiedzi/akceptacja' });
  await flushPromises();
  await wrapper.get('#chain-unit').setValue(unitCode);
  await flushPromises();
  return wrapper;
}
const button = (wrapper: VueWrapper, text: string) => wrapper.findAll('button').find((b) => b.text() === text);
const kinds = (wrapper: VueWrapper) => wrapper.findAll<HTMLSelectElement>('select[id^="chain-kind-"]').map((s) => s.element.value);

describe('a unit\'s akceptacja chain', () => {
  it('shows the default, adds a named person as a second step with the keyboard where it was, saves, and restores the default', async () => {
    const wrapper = await chainOf('GN');
    expect(wrapper.get('[data-testid="chain-state"]').text()).toBe('Ta komórka nie ma własnej ścieżki: obowiązuje domyślna — jeden krok, kierownik komórki.');
    expect(kinds(wrapper)).toEqual(['unit_head']);

    await button(wrapper, 'Dodaj krok')?.trigger('click');
    await flushPromises();
    expect(document.activeElement?.id).toBe('chain-kind-1');
    await wrapper.get('#chain-kind-1').setValue('person');
    // A person step without its person says so, and nothing is saved.
    expect(wrapper.get('#chain-problem-1').text()).toBe('Wybierz osobę.');
    expect(button(wrapper, 'Zapisz ścieżkę')?.attributes('disabled')).toBeDefined();
    await wrapper.get('#chain-person-1').setValue('anna');
    expect(wrapper.find('#chain-problem-1').exists()).toBe(false);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(saved).toEqual([{ unitCode: 'GN', steps: [{ approver: 'unit_head' }, { approver: 'person', login: 'anna' }] }]);
    expect(wrapper.get('[role="status"]').text()).toBe('Zapisano ścieżkę akceptacji komórki GN.');
    expect(wrapper.get('[data-testid="chain-state"]').text()).toContain('przez: Tomasz Zieliński');

    // The person first, then the head; at the top the moved step's select holds the focus, lower down its button.
    await button(wrapper, 'Krok 2 wyżej')?.trigger('click');
    await flushPromises();
    expect(kinds(wrapper)).toEqual(['person', 'unit_head']);
    expect(document.activeElement?.id).toBe('chain-kind-0');
    await button(wrapper, 'Dodaj krok')?.trigger('click');
    await button(wrapper, 'Krok 2 niżej')?.trigger('click');
    await flushPromises();
    expect(kinds(wrapper)).toEqual(['person', 'parent_head', 'unit_head']);
    expect(document.activeElement?.id).toBe('chain-kind-2');
    await button(wrapper, 'Krok 3 wyżej')?.trigger('click');
    await flushPromises();
    expect(kinds(wrapper)).toEqual(['person', 'unit_head', 'parent_head']);
    expect(document.activeElement?.id).toBe('chain-up-1');

    await button(wrapper, 'Przywróć domyślną (kierownik komórki)')?.trigger('click');
    await flushPromises();
    expect(saved.at(-1)).toEqual({ unitCode: 'GN', steps: [] });
    expect(wrapper.get('[role="status"]').text()).toBe('Komórka GN ma znowu ścieżkę domyślną.');
    expect(kinds(wrapper)).toEqual(['unit_head']);
  });

  it('names what is wrong while editing, and the core\'s refusal in Polish', async () => {
    const wrapper = await chainOf('UM');
    await wrapper.get('#chain-kind-0').setValue('parent_head');
    expect(wrapper.get('#chain-problem-0').text()).toBe('Ta komórka nie ma komórki nadrzędnej.');

    const department = await chainOf('OR');
    await button(department, 'Dodaj krok')?.trigger('click');
    await department.get('#chain-kind-1').setValue('unit_head');
    expect(department.get('#chain-problem-1').text()).toBe('Ten sam krok powtarza się w ścieżce.');
    await department.get('#chain-kind-1').setValue('parent_head');
    await button(department, 'Zapisz ścieżkę')?.trigger('click');
    await flushPromises();
    expect(department.get('.error[role="alert"]').text()).toBe('Jednego z kroków nikt nie może wykonać: w komórce ani wyżej nie ma kierownika.');

    await button(department, 'Usuń krok 2')?.trigger('click');
    await flushPromises();
    expect(kinds(department)).toEqual(['unit_head']);
    expect(document.activeElement?.id).toBe('chain-kind-0');
  });
});
