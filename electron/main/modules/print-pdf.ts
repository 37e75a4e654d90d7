import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BrowserWindow } from 'electron';

/**
 * Prints a generated PDF through the system print dialog: the PDF is written to a private temp
 * folder, loaded into a hidden window (Chromium's PDF viewer), and printed with `silent: false`
 * so the clerk picks the printer (label printer or A4) in the familiar dialog. Electron ≥ 32
 * prints the PDF plugin's frame, not a blank page (electron/electron#43309).
 * Not exercised against a real Electron here: the binary cannot be installed on this machine.
 */
export async function printPdf(bytes: Buffer, tempDir: string): Promise<boolean> {
  await mkdir(tempDir, { recursive: true });
  const file = join(tempDir, `${randomUUID()}.pdf`);
  await writeFile(file, bytes);
  const window = new BrowserWindow({ show: false, webPreferences: printWindowPreferences() });
  try {
    await window.loadFile(file);
    return await new Promise<boolean>((resolve) => {
      window.webContents.print({ silent: false, printBackground: true }, (success) => resolve(success));
    });
  } finally {
    window.destroy();
    await rm(file, { force: true });
  }
}

/** The print window shows one local PDF: no preload, no Node, sandboxed; only the PDF plugin. */
export function printWindowPreferences(): Electron.WebPreferences {
  return { sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false, plugins: true, devTools: false };
}
