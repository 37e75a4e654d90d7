import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseWithDeadline } from '../../shared/cases.ts';
import { createClient } from '../../shared/rpc/client.ts';
import { setApiClient } from '../api/index.ts';
import { fakeEvents } from '../test-support/fake-events.ts';
import { useCasesStore } from './cases.ts';

function aCase(title: string): CaseWithDeadline {
  return {
    id: '0190a4c2-7e1b-7c4d-8a5e-000000000001', sign: 'OR.1431.1.2026', displaySign: 'OR.1431.1.2026', provisional: false,
    unitCode: 'OR', jrwaSymbol: '1431', year: 2026, number: 1, title, matterType: 'informacja_publiczna', startedOn: '2026-11-02',
    status: 'open', settlement: null, handlerLogin: 'anna', openedAt: '2026-11-02T09:00:00.000Z', closedAt: null,
    deadline: { state: 'due', originalDueDate: '2026-11-16', currentDueDate: '2026-11-16', calendarDaysLeft: 10, workingDaysLeft: 7, processingDays: 4, extended: false },
  };
}

/** A transport whose answers the test releases by hand, in any order. */
function heldTransport() {
  const held: { method: string; input: unknown; answer: (value: unknown) => void; fail: (error: unknown) => void }[] = [];
  const client = createClient({
    call: (method, input) => new Promise((resolve) => {
      held.push({ method, input, answer: (value) => resolve({ ok: true, value }), fail: (error) => resolve({ ok: false, error }) });
    }),
    on: fakeEvents().on,
  });
  return { held, client };
}

describe('the cases store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('asks for the chosen scope, closed ones included on request', async () => {
    const { held, client } = heldTransport();
    setApiClient(client);
    const store = useCasesStore();
    store.scope = 'myUnits';
    store.includeClosed = true;
    const done = store.load();
    expect(held.map((h) => [h.method, h.input])).toEqual([
      ['cases.list', { scope: 'myUnits', includeClosed: true }],
      ['cases.dueSoon', { scope: 'myUnits' }],
    ]);
    held[0]?.answer([aCase('Wniosek o informację')]);
    held[1]?.answer([]);
    await done;
    expect(store.cases.map((c) => c.title)).toEqual(['Wniosek o informację']);
    expect(store.loaded).toBe(true);
  });

  it('shows only the answer to the last question when the clerk toggles quickly', async () => {
    const { held, client } = heldTransport();
    setApiClient(client);
    const store = useCasesStore();
    const first = store.load();
    store.includeClosed = true;
    const second = store.load();
    held[2]?.answer([aCase('Nowsza odpowiedź')]);
    held[3]?.answer([]);
    await second;
    held[0]?.answer([aCase('Starsza odpowiedź')]);
    held[1]?.answer([]);
    await first;
    expect(store.cases.map((c) => c.title)).toEqual(['Nowsza odpowiedź']);
  });

  it('keeps the error code when core refuses', async () => {
    const { held, client } = heldTransport();
    setApiClient(client);
    const store = useCasesStore();
    const done = store.load();
    for (const h of held) h.fail({ code: 'unavailable', message: 'down' });
    await done;
    expect(store.errorCode).toBe('unavailable');
  });
});
