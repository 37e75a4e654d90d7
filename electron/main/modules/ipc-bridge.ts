import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Dispatch } from '../../core/rpc/dispatch.ts';
import type { EventBus } from '../../core/events.ts';
import { IPC_CHANNELS } from '../../../shared/contract.ts';
import { isAppUrl } from '../app-origin.ts';


/**
 * Only our own top-level page may call core (checklist #17, as VS Code's validatedIpcMain):
 * the frame must still exist, be the main frame, and be on app://kancelaria.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/** One channel for every contract method; the result envelope never throws across IPC. */
export function registerRpcHandler(dispatch: Dispatch): void {
  ipcMain.handle(IPC_CHANNELS.rpc, (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event)) {
      return { ok: false, error: { code: 'forbidden', message: 'Untrusted sender' } };
    }
    return dispatch(method, input);
  });
}

/** Forwards every core event to the window; returns the unsubscribe function. */
export function forwardEvents(events: EventBus, getContents: () => WebContents | null): () => void {
  return events.subscribe((name, payload) => {
    const contents = getContents();
    if (contents && !contents.isDestroyed()) contents.send(IPC_CHANNELS.event, name, payload);
  });
}
