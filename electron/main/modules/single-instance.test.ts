import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { app } from '../test-support/electron-fake.ts';
import { claimSingleInstance } from './single-instance.ts';

vi.mock('electron', () => import('../test-support/electron-fake.ts'));

describe('single instance', () => {
  it('quits a second copy at once', () => {
    app.hasLock = false;
    expect(claimSingleInstance(() => null)).toBe(false);
    expect(app.quit).toHaveBeenCalled();
  });

  it('brings the running window forward when a second copy starts', () => {
    app.hasLock = true;
    const window = { isMinimized: vi.fn(() => true), restore: vi.fn(), focus: vi.fn() };
    expect(claimSingleInstance(() => window as unknown as BrowserWindow)).toBe(true);
    app.emit('second-instance');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });
});
