import { join } from 'node:path';
import { app, Menu, type BrowserWindow } from 'electron';
import { startWorkstation, type Workstation } from '../core/workstation.ts';
import { registerAppScheme, serveRenderer } from './modules/app-protocol.ts';
import { forwardEvents, registerRpcHandler } from './modules/ipc-bridge.ts';
import { createMainWindow } from './modules/main-window.ts';
import { printPdf } from './modules/print-pdf.ts';
import { osSecretProtector } from './modules/secret-protector.ts';
import { applySecurityPolicy } from './modules/security-policy.ts';
import { claimSingleInstance } from './modules/single-instance.ts';
import { checkForUpdates } from './modules/updater.ts';
import { builtPaths } from './paths.ts';

/** The Electron shell: composes small modules around the workstation core. Nothing else lives here. */

let mainWindow: BrowserWindow | null = null;
let workstation: Workstation | null = null;

if (claimSingleInstance(() => mainWindow)) {
  registerAppScheme();
  applySecurityPolicy();
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  const paths = builtPaths(app.getAppPath());
  if (app.isPackaged) Menu.setApplicationMenu(null); // no reload/devtools accelerators for clerks
  workstation = await startWorkstation({
    dataDir: app.getPath('userData'),
    version: app.getVersion(),
    shell: 'electron',
    workers: paths.workers,
    printPdf: (bytes) => printPdf(bytes, join(app.getPath('temp'), 'kancelaria-print')),
    protectSecret: await osSecretProtector(),
    // Set by `npm start` only: an installed app starts empty and imports the city's organisation.
    demo: process.env['KANCELARIA_DEMO'] === '1' && !app.isPackaged,
  });
  serveRenderer(paths.rendererDir);
  registerRpcHandler(workstation.dispatch);
  forwardEvents(workstation.events, () => mainWindow?.webContents ?? null);
  mainWindow = createMainWindow(paths.preload, !app.isPackaged);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  if (app.isPackaged) checkForUpdates(workstation.events, (line) => console.warn(line));
}

app.on('window-all-closed', () => app.quit());

// Close the database cleanly (WAL checkpoint) before the process goes away.
let closing = false;
app.on('will-quit', (event) => {
  if (closing || !workstation) return;
  closing = true;
  event.preventDefault();
  void workstation.close().finally(() => app.quit());
});
