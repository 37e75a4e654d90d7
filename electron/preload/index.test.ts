import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../shared/contract.ts';
import { contextBridge, ipcRenderer } from '../main/test-support/electron-fake.ts';

vi.mock('electron', () => import('../main/test-support/electron-fake.ts'));

const { api } = await import('./index.ts');
// Captured now: vitest clears mock call records before each test.
const exposeCalls = [...contextBridge.exposeInMainWorld.mock.calls] as unknown as [string, Record<string, unknown>][];

describe('preload', () => {
  it('exposes exactly api.call and api.on, nothing of ipcRenderer', () => {
    expect(exposeCalls).toHaveLength(1);
    const [name, exposed] = exposeCalls[0] ?? ['', {}];
    expect(name).toBe('api');
    expect(exposed).toBe(api);
    expect(Object.keys(exposed).sort()).toEqual(['call', 'on']);
  });

  it('forwards contract methods over the rpc channel and refuses anything else', async () => {
    await api.call('settings.get', {});
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(IPC_CHANNELS.rpc, 'settings.get', {});
    ipcRenderer.invoke.mockClear();
    expect(await api.call('toString', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('hands listeners the payload only, for their event only, until unsubscribed', () => {
    const listener = vi.fn();
    const unsubscribe = api.on('settings.changed', listener);
    ipcRenderer.emit(IPC_CHANNELS.event, { sender: 'secret' }, 'app.updateAvailable', { version: '2' });
    ipcRenderer.emit(IPC_CHANNELS.event, { sender: 'secret' }, 'settings.changed', { workstationName: 'A' });
    expect(listener.mock.calls).toEqual([[{ workstationName: 'A' }]]);
    unsubscribe();
    ipcRenderer.emit(IPC_CHANNELS.event, {}, 'settings.changed', {});
    expect(listener).toHaveBeenCalledTimes(1);
    expect(() => api.on('nonsense', listener)).toThrow(/Unknown event/);
  });
});
