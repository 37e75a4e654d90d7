import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { h, ref } from 'vue';
import type { ItemDocument } from '../../../shared/document-import.ts';
import { mountInApp } from '../../test-support/mount-app.ts';
import DocumentList from './DocumentList.vue';

enableAutoUnmount(afterEach);

function documentOf(name: string, n: number, downloading: boolean): ItemDocument {
  const sha = n.toString(16).padStart(64, '0');
  return {
    id: `0190a4c2-7e1b-7c4d-8a5e-${n.toString(16).padStart(12, '0')}`, itemId: '0190a4c2-7e1b-7c4d-8a5e-2f0c3b4d5e61', originalName: name,
    originalFormat: 'pdf', originalMediaType: 'application/pdf', originalSha256: sha, originalSize: 1000, pdfSha256: sha, pdfSize: 1000,
    pageCount: 1, importedAt: '2026-12-02T09:00:00.000Z', importedByLogin: 'anowak', importedByName: 'Anna Nowak', ...(downloading ? { downloading } : {}),
  };
}

describe('the documents of an entry, some still coming from the server', () => {
  it('lists a document attached at another desk as downloading, with nothing to open, until its files arrive', async () => {
    const documents = ref([documentOf('skan.pdf', 1, false), documentOf('mapa.pdf', 2, true)]);
    const { wrapper } = await mountInApp({ render: () => h(DocumentList, { documents: documents.value, selectedId: null }) });
    const rows = wrapper.findAll('tbody tr');
    expect(rows.map((r) => r.attributes('data-document'))).toEqual(['skan.pdf', 'mapa.pdf']);
    expect(rows[0]?.find('button').text()).toBe('Pokaż');
    expect(rows[1]?.find('button').exists()).toBe(false);
    expect(rows[1]?.find('[role="status"]').text()).toBe('Pobieranie z serwera…');

    documents.value = [documentOf('skan.pdf', 1, false), documentOf('mapa.pdf', 2, false)];
    await wrapper.vm.$nextTick();
    expect(wrapper.findAll('tbody tr')[1]?.find('button').text()).toBe('Pokaż');
    expect(wrapper.find('[data-testid="document-downloading"]').exists()).toBe(false);
  });
});
