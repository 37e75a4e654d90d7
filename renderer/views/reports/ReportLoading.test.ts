import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import { createClient } from '../../../shared/rpc/client.ts';
import { setApiClient } from '../../api/index.ts';
import { fakeEvents, type FakeEvents } from '../../test-support/fake-events.ts';
import { mountInApp } from '../../test-support/mount-app.ts';
import ReportLoading from './ReportLoading.vue';

let events: FakeEvents;
beforeEach(() => {
  events = fakeEvents();
  setApiClient(createClient({ call: () => Promise.reject(new Error('no calls here')), on: events.on }));
});
enableAutoUnmount(afterEach);

describe('while a report loads', () => {
  it('says "Wczytywanie" and, while closed cases are being computed after an upgrade, how far it got', async () => {
    const { wrapper } = await mountInApp(ReportLoading);
    const status = wrapper.get('[role="status"]');
    const plain = status.text();
    expect(plain).not.toContain('przeliczam');
    events.emit('reports.progress', { done: 15_000, total: 250_000 });
    await nextTick();
    expect(status.text()).toBe('Jednorazowo po aktualizacji przeliczam terminowość zakończonych spraw: 15000 z 250000…');
    expect(wrapper.get('progress').attributes()).toMatchObject({ value: '15000', max: '250000' });
    events.emit('reports.progress', { done: 250_000, total: 250_000 });
    await nextTick();
    expect(status.text()).toBe(plain);
    expect(wrapper.find('progress').exists()).toBe(false);
  });
});
