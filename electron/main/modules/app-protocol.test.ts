import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../shared/content-security-policy.ts';
import { net, protocol } from '../test-support/electron-fake.ts';
import { handleAppRequest, registerAppScheme, serveRenderer } from './app-protocol.ts';

vi.mock('electron', () => import('../test-support/electron-fake.ts'));

describe('app:// protocol', () => {
  it('registers app as a standard, secure scheme', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    serveRenderer('/opt/k/out/renderer');
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('serves files from the renderer folder with the CSP header', async () => {
    const response = await handleAppRequest('/opt/k/out/renderer', 'app://kancelaria/assets/index.js');
    expect(net.fetch).toHaveBeenCalledWith('file:///opt/k/out/renderer/assets/index.js');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves nothing outside the folder or for another host', async () => {
    net.fetch.mockClear();
    expect((await handleAppRequest('/opt/k/out/renderer', 'app://kancelaria/..%2f..%2fsecret.txt')).status).toBe(404);
    expect((await handleAppRequest('/opt/k/out/renderer', 'app://other/index.html')).status).toBe(404);
    expect(net.fetch).not.toHaveBeenCalled();
  });
});
