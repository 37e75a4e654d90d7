import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../electron/core/rpc/dispatch.ts';
import { handlersFor } from '../../../electron/core/test-support/handlers.ts';
import type { ItemRow } from '../../../shared/registry.ts';
import { createClient } from '../../../shared/rpc/client.ts';
import { setApiClient } from '../../api/index.ts';
import { fakeEvents, type FakeEvents } from '../../test-support/fake-events.ts';
import { mountInApp } from '../../test-support/mount-app.ts';
import RegisterListView from './RegisterListView.vue';

const row = (n: number): ItemRow => ({
  id: `0190a4c2-7e1b-7c4d-8a5e-2f0c3b4d5e${String(n).padStart(2, '0')}`, rpwNumber: `RPW/KO/${String(n)}/2026`, receivedAt: '2026-11-20T08:00:00.000Z',
  channel: 'post', senderName: 'Jan Kowalski', subject: `Pismo ${String(n)}`, status: 'registered', deskCode: 'KO', attachmentsCount: 0,
});

let rows: ItemRow[];
let events: FakeEvents;
const dispatch = createDispatch(handlersFor({
  'registry.list': () => ({ rows, next: null, total: rows.length, totalExact: true }),
  'registry.desks': () => ['KO'],
  'registry.export': () => ({ fileName: 'x.csv', mediaType: 'text/csv', base64: '' }),
}), { checkOutput: true, logError: () => undefined });

beforeEach(() => {
  rows = [row(1)];
  events = fakeEvents();
  setApiClient(createClient({ call: (method, input) => dispatch(method, input), on: events.on }));
});
enableAutoUnmount(afterEach);

describe('the register list while other desks work', () => {
  it('counts letters changed elsewhere without moving the rows, and shows them on request', async () => {
    const { wrapper } = await mountInApp(RegisterListView);
    await flushPromises();
    expect(wrapper.find('[data-testid="register-changes"]').exists()).toBe(false);

    rows = [row(3), row(2), row(1)];
    events.emit('registry.changed', { ids: [row(2).id, row(3).id] });
    await flushPromises();
    expect(wrapper.get('[data-testid="register-changes"]').text()).toContain('zmieniły się 2 pisma');
    expect(wrapper.get('[data-testid="register-total"]').text()).toContain('1 pozycja');

    await wrapper.get('[data-testid="register-changes"] button').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="register-changes"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="register-total"]').text()).toContain('3 pozycje');
  });
});
