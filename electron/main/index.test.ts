import { describe, expect, it, vi } from 'vitest';
import { app, protocol, session } from './test-support/electron-fake.ts';

vi.mock('electron', () => import('./test-support/electron-fake.ts'));

describe('shell start-up', () => {
  it('claims the single-instance lock, then registers app:// and the security policy before ready', async () => {
    app.hasLock = true;
    await import('./index.ts');
    expect(app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(app.listenerCount('web-contents-created')).toBe(1);
    expect(app.whenReady).toHaveBeenCalledTimes(1);
    expect(app.listenerCount('window-all-closed')).toBe(1);
  });
});
