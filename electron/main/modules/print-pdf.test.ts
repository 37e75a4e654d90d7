import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../../core/test-support/temp-dir.ts';
import { BrowserWindow } from '../test-support/electron-fake.ts';
import { printPdf, printWindowPreferences } from './print-pdf.ts';

vi.mock('electron', () => import('../test-support/electron-fake.ts'));

const tempDir = useTempDirs();

describe('printing a PDF through the system dialog', () => {
  it('loads the PDF into a sandboxed hidden window, asks for the dialog, then cleans up', async () => {
    const dir = join(tempDir(), 'print');
    let printedFile = '';
    BrowserWindow.mockImplementationOnce(function (this: Record<string, unknown>, options: unknown) {
      this['options'] = options;
      this['loadFile'] = vi.fn((file: string) => {
        printedFile = file;
        expect(readFileSync(file, 'latin1')).toBe('%PDF-1.3 test');
        return Promise.resolve();
      });
      this['destroy'] = vi.fn();
      this['webContents'] = { print: vi.fn((_options: unknown, done: (success: boolean) => void) => done(true)) };
    });
    await expect(printPdf(Buffer.from('%PDF-1.3 test', 'latin1'), dir)).resolves.toBe(true);
    const window = vi.mocked(BrowserWindow).mock.instances[0] as unknown as Record<string, ReturnType<typeof vi.fn>> & { webContents: { print: ReturnType<typeof vi.fn> }; options: unknown };
    expect(window.options).toEqual({ show: false, webPreferences: printWindowPreferences() });
    expect(window.webContents.print).toHaveBeenCalledWith({ silent: false, printBackground: true }, expect.any(Function));
    expect(window['destroy']).toHaveBeenCalled();
    expect(existsSync(printedFile)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('gives the print window no preload and no Node', () => {
    expect(printWindowPreferences()).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(printWindowPreferences()).not.toHaveProperty('preload');
  });
});
