import { describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { IPC_CHANNELS } from '../../../shared/contract.ts';
import { EventBus } from '../../core/events.ts';
import { FakeWebContents, ipcMain } from '../test-support/electron-fake.ts';
import { forwardEvents, isTrustedSender, registerRpcHandler } from './ipc-bridge.ts';

vi.mock('electron', () => import('../test-support/electron-fake.ts'));

const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } }) as never;
const settings = { workstationName: 'A', deskCode: '', centralServerUrl: '', uiLanguage: 'pl', hotFolderPath: '', postalSender: '', batchSeparator: '', updatedAt: null } as const;

describe('IPC bridge', () => {
  it('trusts only the app’s own top-level frame', () => {
    expect(isTrustedSender(frame('app://kancelaria/index.html'))).toBe(true);
    expect(isTrustedSender(frame('app://kancelaria/index.html', { url: 'app://kancelaria/' }))).toBe(false);
    expect(isTrustedSender(frame('https://evil.example/'))).toBe(false);
    expect(isTrustedSender({ senderFrame: null })).toBe(false);
  });

  it('registers one rpc channel that refuses untrusted senders before dispatching', async () => {
    const dispatch = vi.fn(() => Promise.resolve({ ok: true as const, value: 'done' }));
    registerRpcHandler(dispatch);
    expect(ipcMain.handle).toHaveBeenCalledWith(IPC_CHANNELS.rpc, expect.any(Function));
    const handler = ipcMain.handle.mock.calls.at(-1)?.[1] as (event: unknown, method: unknown, input: unknown) => Promise<unknown>;

    expect(await handler(frame('https://evil.example/'), 'settings.get', {})).toEqual({ ok: false, error: { code: 'forbidden', message: 'Untrusted sender' } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(await handler(frame('app://kancelaria/index.html'), 'settings.get', {})).toEqual({ ok: true, value: 'done' });
    expect(dispatch).toHaveBeenCalledWith('settings.get', {});
  });

  it('forwards core events to a live window only', () => {
    const events = new EventBus();
    const contents = new FakeWebContents();
    const stop = forwardEvents(events, () => contents as unknown as WebContents);
    events.emit('settings.changed', settings);
    expect(contents.send).toHaveBeenCalledWith(IPC_CHANNELS.event, 'settings.changed', settings);
    contents.destroyed = true;
    events.emit('settings.changed', settings);
    expect(contents.send).toHaveBeenCalledTimes(1);
    stop();
  });
});
