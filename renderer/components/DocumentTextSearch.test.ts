import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDispatch } from '../../electron/core/rpc/dispatch.ts';
import { handlersFor } from '../../electron/core/test-support/handlers.ts';
import type { DocumentSearchHit, TextQueueProgress } from '../../shared/document-text.ts';
import { createClient } from '../../shared/rpc/client.ts';
import { setApiClient } from '../api/index.ts';
import { fakeEvents, type FakeEvents } from '../test-support/fake-events.ts';
import { mountInApp } from '../test-support/mount-app.ts';
import DocumentTextSearch from './DocumentTextSearch.vue';
import TextQueueStatus from './TextQueueStatus.vue';

const hit: DocumentSearchHit = {
  itemId: '0190a4c2-7e1b-7c4d-8a5e-2f0c3b4d5e01', rpwNumber: 'RPW/KO/7/2026', subject: 'Skarga na suszę',
  documentId: '0190a4c2-7e1b-7c4d-8a5e-2f0c3b4d5e02', documentName: 'skan.tiff', page: 2, source: 'ocr',
  snippet: [{ text: 'Uschły na popiół pola ', match: false }, { text: 'pszenicy', match: true }, { text: ', bawełny…', match: false }],
};
const idle: TextQueueProgress = { documentsWaiting: 0, pagesTotal: 0, pagesDone: 0, currentDocumentId: null, currentPagePercent: null };

let searched: string[];
let events: FakeEvents;
const dispatch = createDispatch(handlersFor({
  'documents.search': (input) => {
    searched.push(input.text);
    return input.text.startsWith('psz') ? [hit] : [];
  },
  'documents.textState': () => ({ queue: { ...idle, documentsWaiting: 2, pagesTotal: 12, pagesDone: 3 }, documents: [] }),
}), { checkOutput: true, logError: () => undefined });

beforeEach(() => {
  searched = [];
  events = fakeEvents();
  setApiClient(createClient({ call: (method, input) => dispatch(method, input), on: events.on }));
});
enableAutoUnmount(afterEach);

describe('searching the text of the letters', () => {
  it('lists the pages that hold the words, with the entry, the page and the words highlighted', async () => {
    vi.useFakeTimers();
    const { wrapper } = await mountInApp(DocumentTextSearch);
    await wrapper.get('#document-search').setValue('pszen');
    await wrapper.get('#document-search').setValue('pszenicy');
    await vi.runAllTimersAsync();
    vi.useRealTimers();
    await flushPromises();
    // One search after the typing pause, not one per keystroke.
    expect(searched).toEqual(['pszenicy']);
    expect(wrapper.get('[data-testid="document-search-total"]').text()).toBe('1 strona pisma zawiera te słowa:');
    const item = wrapper.get('[data-testid="document-search-hits"] li');
    expect(item.get('a').text()).toBe('RPW/KO/7/2026');
    expect(item.get('a').attributes('href')).toBe(`/kancelaria/rejestr/${hit.itemId}`);
    expect(item.text()).toContain('skan.tiff, str. 2 · tekst rozpoznany ze skanu');
    expect(item.get('.snippet').text()).toBe('Uschły na popiół pola pszenicy, bawełny…');
    expect(item.findAll('mark').map((m) => m.text())).toEqual(['pszenicy']);
  });

  it('says so when no letter holds the words', async () => {
    vi.useFakeTimers();
    const { wrapper } = await mountInApp(DocumentTextSearch);
    await wrapper.get('#document-search').setValue('zzyzx');
    await vi.runAllTimersAsync();
    vi.useRealTimers();
    await flushPromises();
    expect(wrapper.get('[data-testid="document-search-total"]').text()).toBe('Żadne pismo nie zawiera tych słów.');
    expect(wrapper.find('[data-testid="document-search-hits"]').exists()).toBe(false);
  });
});

describe('the text queue status line', () => {
  it('shows pages read of the batch while the queue runs, and nothing once it is empty', async () => {
    const { wrapper } = await mountInApp(TextQueueStatus);
    await flushPromises();
    const line = () => wrapper.get('[data-testid="text-queue"]').text().replace(/\s+/gu, ' ');
    expect(line()).toBe('Rozpoznawanie tekstu: 3 z 12 stron');
    events.emit('ocr.progress', { ...idle, documentsWaiting: 1, pagesTotal: 12, pagesDone: 4, currentDocumentId: hit.documentId, currentPagePercent: 40 });
    await flushPromises();
    expect(line()).toBe('Rozpoznawanie tekstu: 4 z 12 stron (bieżąca strona: 40%)');
    events.emit('ocr.progress', { ...idle, documentsWaiting: 1, pagesTotal: 1, pagesDone: 0 });
    await flushPromises();
    expect(line()).toBe('Rozpoznawanie tekstu: 0 z 1 strony');
    events.emit('ocr.progress', idle);
    await flushPromises();
    expect(line()).toBe('');
  });
});
