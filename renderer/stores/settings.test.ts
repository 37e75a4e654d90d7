import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../electron/core/rpc/dispatch.ts';
import { handlersFor } from '../../electron/core/test-support/handlers.ts';
import { createClient } from '../../shared/rpc/client.ts';
import type { EditableSettings, Settings } from '../../shared/settings.ts';
import { setApiClient } from '../api/index.ts';
import { useSettingsStore } from './settings.ts';

// The store talks to core's real dispatch (contract parsing included); only storage is a plain
// variable here. The full path through SQLite is covered by the Playwright tests.
let stored: Settings;
let updates: EditableSettings[];
let offline: boolean;

const handlers = handlersFor({
  'app.info': () => ({ version: '1', shell: 'browser', dataDir: '/d', databaseFile: '/d/k.sqlite', schemaVersion: 1 }),
  'settings.get': () => stored,
  'settings.update': (input) => {
    updates.push(input);
    stored = { ...input, updatedAt: '2026-11-22T10:00:00.000Z' };
    return stored;
  },
});
const dispatch = createDispatch(handlers, { checkOutput: true, logError: () => undefined });

beforeEach(() => {
  stored = { workstationName: 'PC-1', deskCode: '', centralServerUrl: '', uiLanguage: 'pl', hotFolderPath: '', postalSender: '', batchSeparator: '', updatedAt: null };
  updates = [];
  offline = false;
  setApiClient(createClient({
    call: (method, input) => (offline ? Promise.reject(new TypeError('Failed to fetch')) : dispatch(method, input)),
    on: () => () => undefined,
  }));
  setActivePinia(createPinia());
});

describe('settings store', () => {
  it('loads what core has saved', async () => {
    const store = useSettingsStore();
    await store.load();
    expect(store.saved).toEqual(stored);
    expect(store.editable).toEqual({ workstationName: 'PC-1', deskCode: '', centralServerUrl: '', uiLanguage: 'pl', hotFolderPath: '', postalSender: '', batchSeparator: '' });
  });

  it('saves valid values as core normalises them', async () => {
    const store = useSettingsStore();
    await store.load();
    const errors = await store.save({ workstationName: ' Okienko ', deskCode: 'ko-1', centralServerUrl: 'https://k.pl/', uiLanguage: 'pl', hotFolderPath: '', postalSender: '', batchSeparator: '' });
    expect(errors).toEqual({});
    expect(store.saved).toMatchObject({ workstationName: 'Okienko', deskCode: 'KO-1', centralServerUrl: 'https://k.pl' });
  });

  it('stops invalid values before they leave the form, with a message key per field', async () => {
    const store = useSettingsStore();
    await store.load();
    const errors = await store.save({ workstationName: '', deskCode: 'ź', centralServerUrl: 'www.k.pl', uiLanguage: 'pl', hotFolderPath: '', postalSender: '', batchSeparator: '' });
    expect(errors).toEqual({ workstationName: 'validation.required', deskCode: 'validation.deskCode', centralServerUrl: 'validation.httpUrl' });
    expect(updates).toEqual([]);
    expect(store.saved?.workstationName).toBe('PC-1');
  });

  it('keeps the saved values and reports "unavailable" when core cannot be reached', async () => {
    const store = useSettingsStore();
    await store.load();
    offline = true;
    const errors = await store.save({ workstationName: 'Nowa', deskCode: '', centralServerUrl: '', uiLanguage: 'pl', hotFolderPath: '', postalSender: '', batchSeparator: '' });
    expect(errors).toEqual({});
    expect(store.errorCode).toBe('unavailable');
    expect(store.saved?.workstationName).toBe('PC-1');
    expect(store.saving).toBe(false);
  });
});
