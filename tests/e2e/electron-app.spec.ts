import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findElectronBinary } from '../../scripts/electron-binary.ts';

/**
 * The real Electron shell. Runs wherever an Electron binary is installed (a developer PC or the
 * release machine); on machines installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 it reports itself
 * skipped with the reason.
 */
const binary = findElectronBinary();
test.skip(binary.path === null, `Electron shell not tested here: ${binary.path === null ? binary.reason : ''}`);

test('the Electron shell opens the settings screen over IPC and keeps the renderer sandboxed', async () => {
  const userData = mkdtempSync(join(tmpdir(), 'kancelaria-electron-'));
  const app = await electron.launch({
    executablePath: binary.path ?? '',
    args: [join(import.meta.dirname, '../..'), `--user-data-dir=${userData}`, '--no-sandbox'],
  });
  try {
    const window = await app.firstWindow();
    expect(window.url()).toMatch(/^app:\/\/kancelaria\//);
    // No Node in the page; only the two bridge functions.
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => Object.keys((globalThis as unknown as { api: object }).api).sort())).toEqual(['call', 'on']);
    await window.keyboard.press('Alt+6');
    await expect(window.getByRole('heading', { name: 'Ustawienia stanowiska' })).toBeVisible();
    await expect(window.getByText('Aplikacja').first()).toBeVisible();
  } finally {
    await app.close();
  }
});
