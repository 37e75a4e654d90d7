import { describe, expect, it, vi } from 'vitest';
import { app, FakeWebContents, session } from '../test-support/electron-fake.ts';
import { applySecurityPolicy } from './security-policy.ts';

vi.mock('electron', () => import('../test-support/electron-fake.ts'));

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

describe('security policy', () => {
  applySecurityPolicy();
  const contents = new FakeWebContents();
  app.emit('web-contents-created', {}, contents);
  // Captured now: vitest clears mock call records before each test.
  const requestHandler = session.defaultSession.setPermissionRequestHandler.mock.calls[0]?.[0] as (
    c: unknown, p: string, cb: (granted: boolean) => void) => void;
  const checkHandler = session.defaultSession.setPermissionCheckHandler.mock.calls[0]?.[0] as () => boolean;

  it('keeps every page on app://kancelaria', () => {
    const outside = navigationEvent('https://example.com/');
    contents.emit('will-navigate', outside);
    expect(outside.preventDefault).toHaveBeenCalled();
    const redirect = navigationEvent('file:///etc/passwd');
    contents.emit('will-redirect', redirect);
    expect(redirect.preventDefault).toHaveBeenCalled();
    const inside = navigationEvent('app://kancelaria/index.html#/ustawienia');
    contents.emit('will-navigate', inside);
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });

  it('denies new windows and <webview>', () => {
    expect(contents.windowOpenHandler?.()).toEqual({ action: 'deny' });
    const attach = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', attach);
    expect(attach.preventDefault).toHaveBeenCalled();
  });

  it('denies every permission request and check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      requestHandler({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
    }
    expect(checkHandler()).toBe(false);
  });
});
