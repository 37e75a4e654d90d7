import { describe, expect, it, vi } from 'vitest';
import { BrowserWindow } from '../test-support/electron-fake.ts';
import { buildWebPreferences, createMainWindow } from './main-window.ts';

vi.mock('electron', () => import('../test-support/electron-fake.ts'));

describe('main window', () => {
  it('isolates the renderer: sandbox, context isolation, no Node anywhere, no webview', () => {
    const prefs = buildWebPreferences('/app/out/preload/index.cjs', false);
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      devTools: false,
    });
  });

  it('opens one window on the app:// entry with those preferences', () => {
    const window = createMainWindow('/p.cjs', true) as unknown as { options: { webPreferences: unknown }; loadURL: ReturnType<typeof vi.fn> };
    expect(BrowserWindow).toHaveBeenCalledTimes(1);
    expect(window.options.webPreferences).toEqual(buildWebPreferences('/p.cjs', true));
    expect(window.loadURL).toHaveBeenCalledWith('app://kancelaria/index.html');
  });
});
