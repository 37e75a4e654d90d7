import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../electron/core/rpc/dispatch.ts';
import { AppError } from '../../electron/core/rpc/app-error.ts';
import { handlersFor } from '../../electron/core/test-support/handlers.ts';
import { createClient } from '../../shared/rpc/client.ts';
import type { Inbox, Route } from '../../shared/routing.ts';
import { setApiClient } from '../api/index.ts';
import { fakeEvents } from '../test-support/fake-events.ts';
import { useInboxStore } from './inbox.ts';

// The store against core's real dispatch (contract parsing both ways); the inbox itself is a
// variable here. The real routing is covered by the repository tests and tests/e2e/dekretacja.spec.ts.
const ROUTE: Route = {
  id: '0190a4c2-7e1b-7c4d-8a5e-2f0c3b4d5e60', itemId: '0190a4c2-7e1b-7c4d-8a5e-2f0c3b4d5e61', rpwNumber: 'RPW/KO/7/2026',
  subject: 'Podział działki', senderName: 'Zofia Łęcka', unitCode: 'GN-I', unitName: 'Referat Gospodarki Nieruchomościami', role: 'lead',
  instruction: null, dueDate: null, state: 'waiting', assigneeLogin: null, assigneeName: null, returnedReason: null, replacesId: null,
  routedAt: '2026-11-25T09:00:00.000Z', routedBy: 'tdudek', routedByName: 'Tomasz Dudek',
};
const empty: Inbox = { toAssign: [], toAccept: [], inProgress: [], forInformation: [], sent: [], returned: [], overdueCount: 0 };

let current: Inbox;
let inboxCalls: number;

beforeEach(() => {
  current = { ...empty, toAssign: [ROUTE] };
  inboxCalls = 0;
  const dispatch = createDispatch(handlersFor({
    'routing.inbox': () => {
      inboxCalls += 1;
      return current;
    },
    'routing.assign': (input) => {
      const assigned: Route = { ...ROUTE, state: 'assigned', assigneeLogin: input.assigneeLogin, assigneeName: 'Iwona Adamczyk' };
      current = { ...empty, sent: [assigned] };
      return assigned;
    },
    'routing.accept': () => {
      throw new AppError('conflict', 'Not yours', [{ path: 'route', message: 'routing.notYours' }]);
    },
    'routing.return': () => ({ ...ROUTE, state: 'returned', returnedReason: 'Nie nasza właściwość' }),
  }), { checkOutput: true, logError: () => undefined });
  setApiClient(createClient({ call: (method, input) => dispatch(method, input), on: fakeEvents().on }));
  setActivePinia(createPinia());
});

describe('inbox store', () => {
  it('loads the inbox, and after a step says what happened and reloads it', async () => {
    const store = useInboxStore();
    await store.load();
    expect(store.inbox?.toAssign.map((r) => r.rpwNumber)).toEqual(['RPW/KO/7/2026']);
    expect(await store.assign(ROUTE, 'iadamczyk2')).toBeNull();
    expect(store.notice).toEqual({ key: 'dekretacja.done.assigned', values: { rpw: 'RPW/KO/7/2026', name: 'Iwona Adamczyk' } });
    expect(store.inbox?.toAssign).toEqual([]);
    expect(store.inbox?.sent.map((r) => r.assigneeLogin)).toEqual(['iadamczyk2']);
    expect(inboxCalls).toBe(2);
  });

  it('hands a refusal back as the i18n key to show beside the control, leaving the inbox as it was', async () => {
    const store = useInboxStore();
    await store.load();
    expect(await store.accept(ROUTE)).toBe('routing.notYours');
    expect(store.notice).toBeNull();
    expect(inboxCalls).toBe(1);
  });

  it('checks a return reason through the contract: too short is refused with its Polish key', async () => {
    const store = useInboxStore();
    expect(await store.giveBack(ROUTE, 'x')).toBe('validation.reasonRequired');
    expect(await store.giveBack(ROUTE, 'Nie nasza właściwość')).toBeNull();
    expect(store.notice).toEqual({ key: 'dekretacja.done.returned', values: { rpw: 'RPW/KO/7/2026' } });
  });
});
