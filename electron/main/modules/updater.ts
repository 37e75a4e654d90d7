import electronUpdater from 'electron-updater';
import type { EventBus } from '../../core/events.ts';

/**
 * Per-machine installs need administrator rights to update, which clerks do not have, so the
 * city's IT pushes each version (silent NSIS install). The app only checks the feed and tells the
 * clerk a new version exists; it never downloads or installs by itself.
 */
export function checkForUpdates(events: EventBus, log: (message: string) => void): void {
  const { autoUpdater } = electronUpdater;
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.on('update-available', (info: { version: string }) => {
    events.emit('app.updateAvailable', { version: info.version });
  });
  autoUpdater.checkForUpdates().catch((error: unknown) => {
    // Offline or no feed configured: not the clerk's problem, keep working.
    log(`Update check failed: ${error instanceof Error ? error.message : String(error)}`);
  });
}
