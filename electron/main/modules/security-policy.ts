import { app, session, type WebContents } from 'electron';
import { isAppUrl } from '../app-origin.ts';

/**
 * What no page may do, applied to every webContents as it is created:
 * - navigate or redirect away from app:// (checklist #13),
 * - open new windows (checklist #14),
 * - attach <webview> tags (checklist #12),
 * - get any permission: camera, notifications, geolocation… (checklist #5).
 */
export function applySecurityPolicy(): void {
  app.on('web-contents-created', (_event, contents) => restrictWebContents(contents));
  const denyAll = session.defaultSession;
  denyAll.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  denyAll.setPermissionCheckHandler(() => false);
}

export function restrictWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
