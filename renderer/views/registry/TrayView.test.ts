import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/core/rpc/app-error.ts';
import { createDispatch } from '../../../electron/core/rpc/dispatch.ts';
import { handlersFor } from '../../../electron/core/test-support/handlers.ts';
import { createClient } from '../../../shared/rpc/client.ts';
import type { TrayPart } from '../../../shared/scan-batch.ts';
import { setApiClient } from '../../api/index.ts';
import { fakeEvents } from '../../test-support/fake-events.ts';
import { mountInApp } from '../../test-support/mount-app.ts';
import TrayView from './TrayView.vue';

const ENTRY = '0190a4c2-7e1b-7c4d-8a5e-000000000007';
const part = (n: number, overrides: Partial<TrayPart> = {}): TrayPart => ({
  id: `0190a4c2-7e1b-7c4d-8a5e-00000000010${String(n)}`,
  batchId: '0190a4c2-7e1b-7c4d-8a5e-000000000200',
  sourceName: 'partia-01.pdf',
  source: 'scanner',
  originalFormat: 'pdf',
  pageCount: 2,
  pages: [1, 2],
  reason: 'tray.reason.noLabel',
  label: null,
  createdAt: '2026-11-20T09:00:00.000Z',
  ...overrides,
});

let tray: TrayPart[];
let assigned: unknown[];
let batches: unknown[];
const dispatch = createDispatch(handlersFor({
  'tray.list': () => tray,
  'tray.assign': (input) => {
    assigned.push(input);
    if (input.rpwNumber !== 'RPW/KO/7/2026') throw new AppError('invalid_input', 'no entry', [{ path: 'rpwNumber', message: 'tray.errors.unknownEntry' }]);
    const done = tray.find((p) => p.id === input.trayId);
    tray = tray.filter((p) => p.id !== input.trayId);
    return { itemId: ENTRY, rpwNumber: 'RPW/KO/7/2026', documentId: done?.id ?? '' };
  },
  'documents.importBatch': (input) => {
    batches.push(input);
    return {
      status: 'imported',
      summary: {
        batchId: '0190a4c2-7e1b-7c4d-8a5e-000000000300', fileName: input.fileName, pageCount: 6, trayParts: 1, trayPages: 1, separatorsDropped: 1, duplicate: false,
        attached: [{ itemId: ENTRY, rpwNumber: 'RPW/KO/7/2026', documentId: '0190a4c2-7e1b-7c4d-8a5e-000000000301', pageCount: 3, pages: [2, 3, 4] }],
      },
    };
  },
}), { checkOutput: true, logError: () => undefined });

beforeEach(() => {
  tray = [part(1), part(2, { pages: [5], pageCount: 1, reason: 'tray.reason.unknownEntry', label: 'RPW/XX/9/2026' })];
  assigned = [];
  batches = [];
  setApiClient(createClient({ call: (method, input) => dispatch(method, input), on: fakeEvents().on }));
});
enableAutoUnmount(afterEach);

async function view() {
  const { wrapper } = await mountInApp(TrayView, { path: '/kancelaria/do-rozdzielenia' });
  await flushPromises();
  return wrapper;
}

describe('the "do rozdzielenia" view', () => {
  it('lists tray parts with file, pages, the reason in Polish and the label read', async () => {
    const wrapper = await view();
    const parts = wrapper.findAll('[data-testid="tray-part"]');
    expect(parts).toHaveLength(2);
    expect(parts[0]?.text()).toContain('partia-01.pdf (skaner)');
    expect(parts[0]?.text()).toContain('1–2 (Liczba stron: 2)');
    expect(parts[0]?.text()).toContain('brak etykiety RPW przed tymi stronami');
    expect(parts[1]?.text()).toContain('etykieta z numerem RPW, którego nie ma w rejestrze');
    expect(parts[1]?.text()).toContain('RPW/XX/9/2026');
  });

  it('checks the typed number before asking, shows the workstation’s refusal, and assigns with Enter', async () => {
    const wrapper = await view();
    const input = wrapper.get('#tray-rpw-0190a4c2-7e1b-7c4d-8a5e-000000000101');
    await input.setValue('KO 7');
    await wrapper.get('[data-testid="tray-part"] form').trigger('submit');
    await flushPromises();
    expect(assigned).toEqual([]);
    expect(wrapper.get('[data-testid="tray-part"] .error').text()).toBe('Numer RPW ma postać RPW/symbol punktu/numer/rok, np. RPW/KO/123/2026.');
    expect(input.attributes('aria-invalid')).toBe('true');

    await input.setValue('rpw/ko/8/2026');
    await wrapper.get('[data-testid="tray-part"] form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="tray-part"] .error').text()).toBe('Nie ma w rejestrze pisma o tym numerze RPW.');

    await input.setValue(' rpw/ko/7/2026 ');
    await wrapper.get('[data-testid="tray-part"] form').trigger('submit');
    await flushPromises();
    expect(assigned.at(-1)).toEqual({ trayId: part(1).id, rpwNumber: 'RPW/KO/7/2026', itemId: null });
    expect(wrapper.findAll('[data-testid="tray-part"]')).toHaveLength(1);
    expect(wrapper.text()).toContain('Przypisano 2 str. do pisma RPW/KO/7/2026.');
    // The focus goes on to the part that is now first.
    expect(document.activeElement).toBe(wrapper.get('#tray-rpw-0190a4c2-7e1b-7c4d-8a5e-000000000102').element);
  });

  it('imports a batch file and shows what went where', async () => {
    const wrapper = await view();
    const input = wrapper.get('[data-testid="tray-batch-file"]');
    const file = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], 'partia-02.pdf', { type: 'application/pdf' });
    Object.defineProperty(input.element, 'files', { value: [file] });
    await input.trigger('change');
    await flushPromises();
    expect(batches).toEqual([{ fileName: 'partia-02.pdf', base64: 'JVBERi0=', source: 'picker' }]);
    const summary = wrapper.get('[data-testid="batch-summary"]').text();
    expect(summary).toContain('Partia „partia-02.pdf”: 6 str.');
    expect(summary).toContain('RPW/KO/7/2026: dołączono 3 str. (strony 2–4)');
    expect(summary).toContain('Do rozdzielenia: 1 część, razem 1 str.');
    expect(summary).toContain('Pominięte karty rozdzielające: 1');
  });

  it('says so when nothing waits', async () => {
    tray = [];
    const wrapper = await view();
    expect(wrapper.get('[data-testid="tray-empty"]').text()).toBe('Nie ma stron czekających na rozdzielenie.');
  });
});
