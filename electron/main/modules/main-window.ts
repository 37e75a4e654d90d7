import { BrowserWindow, type WebPreferences } from 'electron';
import { APP_ENTRY_URL } from '../app-origin.ts';

/**
 * The renderer gets no Node, runs sandboxed in an isolated world, and can reach the app only
 * through the preload's api.call/api.on (checklist #2, #3, #4).
 */
export function buildWebPreferences(preloadPath: string, allowDevTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    spellcheck: true,
    devTools: allowDevTools,
  };
}

export function createMainWindow(preloadPath: string, allowDevTools: boolean): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    title: 'Kancelaria',
    show: false,
    backgroundColor: '#f6f7f9',
    webPreferences: buildWebPreferences(preloadPath, allowDevTools),
  });
  // Shown once painted, so the clerk never sees a white flash.
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
