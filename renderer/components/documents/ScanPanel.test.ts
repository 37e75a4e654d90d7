import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { h } from 'vue';
import { createDispatch } from '../../../electron/core/rpc/dispatch.ts';
import { handlersFor } from '../../../electron/core/test-support/handlers.ts';
import type { ItemDocument } from '../../../shared/document-import.ts';
import { createClient } from '../../../shared/rpc/client.ts';
import type { BatchSummary } from '../../../shared/scan-batch.ts';
import type { ScanBatchInput, ScannerDevice, ScanRequest, ScanResult } from '../../../shared/scanning.ts';
import { setApiClient } from '../../api/index.ts';
import { fakeEvents, type FakeEvents } from '../../test-support/fake-events.ts';
import { mountInApp } from '../../test-support/mount-app.ts';
import ScanPanel from './ScanPanel.vue';

enableAutoUnmount(afterEach);

// Core's real dispatch (the contract checks inputs and outputs); the scanner behind it is driven
// by hand. Real scans through scanimage are covered in core's scanner-service tests.
const ITEM = '0190a4c2-7e1b-7c4d-8a5e-000000000001';
const device: ScannerDevice = { id: 'sane:test:0', driver: 'sane', name: 'frontend-tester — test:0', resolutions: [75, 150, 300], modes: ['gray', 'color', 'lineart'], sources: ['flatbed', 'adf'], duplex: false };
const document: ItemDocument = {
  id: '0190a4c2-7e1b-7c4d-8a5e-0000000000d1', itemId: ITEM, originalName: 'skan.tiff', originalFormat: 'tiff', originalMediaType: 'image/tiff',
  originalSha256: 'a'.repeat(64), originalSize: 10, pdfSha256: 'b'.repeat(64), pdfSize: 10, pageCount: 2,
  importedAt: '2026-12-02T10:00:00.000Z', importedByLogin: 'stanowisko', importedByName: 'Okienko 1',
};

const BATCH: BatchSummary = {
  batchId: '0190a4c2-7e1b-7c4d-8a5e-0000000000b1', fileName: 'skan.tiff', pageCount: 5, trayParts: 1, trayPages: 1, separatorsDropped: 1, duplicate: false,
  attached: [{ itemId: ITEM, rpwNumber: 'RPW/KO/1/2026', documentId: '0190a4c2-7e1b-7c4d-8a5e-0000000000b2', pageCount: 3, pages: [1, 2, 3] }],
};

let devices: ScannerDevice[];
let requests: ScanRequest[];
let batchRequests: ScanBatchInput[];
let finishScan: (result: ScanResult) => void;
let cancels: number;
let events: FakeEvents;

beforeEach(() => {
  localStorage.clear();
  devices = [device];
  requests = [];
  batchRequests = [];
  cancels = 0;
  events = fakeEvents();
  const dispatch = createDispatch(handlersFor({
    'scanner.devices': () => devices,
    'scanner.scan': (input) => {
      requests.push(input);
      return new Promise<ScanResult>((resolve) => { finishScan = resolve; });
    },
    'scanner.scanBatch': (input) => {
      batchRequests.push(input);
      return { status: 'imported', summary: BATCH };
    },
    'scanner.cancel': () => {
      cancels++;
      finishScan({ status: 'refused', reason: 'scanner.cancelled', detail: '' });
      return { cancelled: true };
    },
  }), { checkOutput: true, logError: () => undefined });
  setApiClient(createClient({ call: (method, input) => dispatch(method, input), on: events.on }));
});

async function panel(compact = false) {
  const { wrapper } = await mountInApp({ render: () => h(ScanPanel, { itemId: ITEM, idPrefix: 't', compact }) });
  await flushPromises();
  return wrapper;
}

describe('ScanPanel', () => {
  it('scans with the chosen settings, shows "Strona 2 — 45%", and says what was attached', async () => {
    const wrapper = await panel();
    await wrapper.find('#t-resolution').setValue('150');
    await wrapper.find('#t-mode').setValue('gray');
    await wrapper.find('#t-source').setValue('adf');
    await wrapper.find('[data-testid="scan-button"]').trigger('click');
    await flushPromises();
    expect(requests).toEqual([{ itemId: ITEM, deviceId: 'sane:test:0', resolution: 150, mode: 'gray', duplex: false, source: 'adf' }]);
    events.emit('scanner.progress', { page: 2, percent: 45 });
    await flushPromises();
    expect(wrapper.find('[data-testid="scan-progress"]').text()).toBe('Strona 2 — 45%');
    finishScan({ status: 'imported', document, duplicate: false });
    await flushPromises();
    expect(wrapper.find('[data-testid="scan-message"]').text()).toBe('Zeskanowano 2 strony i dołączono do pisma jako jeden dokument.');
    expect(wrapper.findComponent(ScanPanel).emitted('scanned')).toEqual([[2]]);
    // Remembered on this computer for the next letter.
    expect(JSON.parse(localStorage.getItem('kancelaria.scanner') ?? '{}')).toMatchObject({ deviceId: 'sane:test:0', resolution: 150, source: 'adf' });
  });

  it('Alt+S scans from the compact row after registering; Escape cancels and it says nothing was attached', async () => {
    localStorage.setItem('kancelaria.scanner', JSON.stringify({ deviceId: 'sane:test:0', resolution: 300, mode: 'color' }));
    const wrapper = await panel(true);
    expect(wrapper.find('select').exists()).toBe(false);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', code: 'KeyS', altKey: true }));
    await flushPromises();
    expect(requests).toMatchObject([{ resolution: 300, mode: 'color', source: 'flatbed' }]);
    expect(wrapper.find('[data-testid="scan-progress"]').text()).toBe('Uruchamiam skaner…');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await flushPromises();
    expect(cancels).toBe(1);
    expect(wrapper.find('[data-testid="scan-message"]').text()).toBe('Skanowanie przerwano. Do pisma niczego nie dołączono.');
    // AltGr+S types "ś" on a Polish keyboard: never a scan.
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ś', code: 'KeyS', altKey: true, ctrlKey: true }));
    await flushPromises();
    expect(requests).toHaveLength(1);
  });

  it('says plainly when no scanner is found, and when the scanner refuses', async () => {
    devices = [];
    const none = await panel();
    expect(none.find('[data-testid="scan-message"]').text()).toContain('Nie znaleziono skanera.');
    expect(none.find('[data-testid="scan-button"]').attributes('disabled')).toBeDefined();
    expect(none.find('[role="alert"]').exists()).toBe(false);
    none.unmount();
    // After registering, a desk without a scanner sees no scanning row at all.
    expect((await panel(true)).find('[data-testid="scan-panel"]').exists()).toBe(false);

    devices = [device];
    const wrapper = await panel();
    await wrapper.find('#t-scanner').setValue('sane:test:0');
    await wrapper.find('[data-testid="scan-button"]').trigger('click');
    await flushPromises();
    finishScan({ status: 'refused', reason: 'scanner.busy', detail: 'Device busy' });
    await flushPromises();
    expect(wrapper.find('[role="alert"]').text()).toBe('Skaner jest zajęty (trwa inne skanowanie albo używa go inny program). Spróbuj za chwilę.');
  });

  it('without an entry it scans a batch ("Skanuj partię") through scanner.scanBatch and hands the summary on', async () => {
    const { wrapper } = await mountInApp({ render: () => h(ScanPanel, { idPrefix: 'b' }) });
    await flushPromises();
    const button = wrapper.find('[data-testid="scan-button"]');
    expect(button.text()).toContain('Skanuj partię');
    await wrapper.find('#b-source').setValue('adf');
    await button.trigger('click');
    await flushPromises();
    expect(requests).toEqual([]);
    expect(batchRequests).toEqual([{ deviceId: 'sane:test:0', resolution: 300, mode: 'gray', duplex: false, source: 'adf' }]);
    expect(wrapper.find('[data-testid="scan-message"]').text()).toBe('Zeskanowano partię: 5 stron.');
    expect(wrapper.findComponent(ScanPanel).emitted('batch')).toEqual([[BATCH]]);
  });
});
