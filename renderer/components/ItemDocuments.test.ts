import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { h } from 'vue';
import type { IncomingItem } from '../../shared/registry.ts';
import { mountInApp } from '../test-support/mount-app.ts';
import ItemDocuments from './ItemDocuments.vue';

enableAutoUnmount(afterEach);

const item: IncomingItem = {
  id: '0190a4c2-7e1b-7c4d-8a5e-000000000001', rpwNumber: 'RPW/KO/1/2026', deskCode: 'KO', year: 2026, sequence: 1,
  receivedAt: '2026-11-20T09:00:00+01:00', channel: 'post', postedOn: null, correspondentId: null,
  senderName: 'Jan Kowalski', senderAddress: null, senderReference: null, letterDate: null, subject: null,
  attachmentsCount: 0, personalDelivery: false, accessLevel: 'public', originalLocation: null, postalTrackingNumber: null,
  notes: null, status: 'registered', cancelReason: null, registeredAt: '2026-11-20T09:01:00+01:00', registeredBy: 'Anna Nowak',
  trackingCode: 'ABCD-1234', trackingPin: '482913',
};

async function documents(of: IncomingItem, compact: boolean) {
  const { wrapper } = await mountInApp({ render: () => h(ItemDocuments, { item: of, idPrefix: 'test', compact }) });
  return wrapper;
}

describe('the papers of an entry', () => {
  it('offers the receipt where the letter was registered', async () => {
    const wrapper = await documents(item, false);
    expect(wrapper.findAll('legend').map((l) => l.text())).toEqual(['Etykieta z kodem kreskowym', 'Potwierdzenie wpływu dla wnoszącego']);
    expect(wrapper.find('[data-testid="receipt-elsewhere"]').exists()).toBe(false);
  });

  it('leaves the receipt to the desk that registered a letter pulled from it, and says so', async () => {
    for (const compact of [false, true]) {
      const wrapper = await documents({ ...item, trackingPin: '' }, compact);
      expect(wrapper.text()).toContain('Potwierdzenie drukuje stanowisko, które zarejestrowało pismo.');
      expect(wrapper.text()).not.toContain('Potwierdzenie wpływu');
      // The label is printed anywhere: it carries only the RPW number.
      expect(wrapper.findAll('button').length).toBeGreaterThan(0);
      wrapper.unmount();
    }
  });
});
