import { describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../../shared/settings.ts';
import { handlersFor } from '../test-support/handlers.ts';
import { AppError } from './app-error.ts';
import { createDispatch, type Handlers } from './dispatch.ts';

const settings: Settings = { workstationName: 'A', deskCode: '', centralServerUrl: '', uiLanguage: 'pl', hotFolderPath: '', postalSender: '', batchSeparator: '', updatedAt: null };

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return handlersFor({
    'app.info': () => ({ version: '1', shell: 'browser', dataDir: '/d', databaseFile: '/d/k.sqlite', schemaVersion: 1 }),
    'settings.get': () => settings,
    'settings.update': (input) => ({ ...input, updatedAt: '2026-11-22T10:00:00.000Z' }),
    ...overrides,
  });
}

describe('dispatch', () => {
  it('parses the input before the handler sees it', async () => {
    const dispatch = createDispatch(handlers(), { checkOutput: true, logError: vi.fn() });
    const result = await dispatch('settings.update', { workstationName: ' Okienko ', deskCode: 'ko', centralServerUrl: '', uiLanguage: 'pl', hotFolderPath: '', postalSender: '', batchSeparator: '' });
    expect(result).toEqual({ ok: true, value: { workstationName: 'Okienko', deskCode: 'KO', centralServerUrl: '', uiLanguage: 'pl', hotFolderPath: '', postalSender: '', batchSeparator: '', updatedAt: '2026-11-22T10:00:00.000Z' } });
  });

  it('rejects unknown methods, including inherited property names', async () => {
    const dispatch = createDispatch(handlers(), { checkOutput: true, logError: vi.fn() });
    for (const name of ['nope', 'toString', '__proto__', 7]) {
      const result = await dispatch(name, {});
      expect(result.ok ? null : result.error.code, String(name)).toBe('unknown_method');
    }
  });

  it('returns field issues for invalid input and never calls the handler', async () => {
    const update = vi.fn();
    const dispatch = createDispatch(handlers({ 'settings.update': update }), { checkOutput: true, logError: vi.fn() });
    const result = await dispatch('settings.update', { workstationName: '', deskCode: '', centralServerUrl: 'x', uiLanguage: 'pl', hotFolderPath: '', postalSender: '', batchSeparator: '' });
    expect(update).not.toHaveBeenCalled();
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.issues).toEqual([
        { path: 'workstationName', message: 'validation.required' },
        { path: 'centralServerUrl', message: 'validation.httpUrl' },
      ]);
    }
    expect((await dispatch('app.info', { extra: 1 })).ok).toBe(false);
  });

  it('passes business errors through and hides crashes behind "internal", logging them', async () => {
    const logError = vi.fn();
    const dispatch = createDispatch(
      handlers({
        'settings.get': () => { throw new AppError('conflict', 'changed meanwhile'); },
        'app.info': () => { throw new TypeError('secret internals'); },
      }),
      { checkOutput: true, logError },
    );
    expect(await dispatch('settings.get', {})).toEqual({ ok: false, error: { code: 'conflict', message: 'changed meanwhile' } });
    const crashed = await dispatch('app.info', {});
    expect(crashed).toEqual({ ok: false, error: { code: 'internal', message: 'Internal error in app.info' } });
    expect(logError).toHaveBeenCalledWith('Handler app.info failed', expect.any(TypeError));
  });

  it('catches a handler whose output drifts from the contract when output checks are on', async () => {
    const broken = handlers({ 'settings.get': () => ({ ...settings, uiLanguage: 'de' }) as unknown as Settings });
    const checked = createDispatch(broken, { checkOutput: true, logError: vi.fn() });
    expect((await checked('settings.get', {})).ok).toBe(false);
  });
});
