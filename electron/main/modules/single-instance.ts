import { app, type BrowserWindow } from 'electron';

/**
 * One Kancelaria per Windows session: a second start focuses the running window instead of
 * opening a second writer on the same SQLite file. Returns false when this process must quit.
 */
export function claimSingleInstance(getWindow: () => BrowserWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const window = getWindow();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  return true;
}
