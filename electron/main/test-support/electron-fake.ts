import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * A stand-in for the 'electron' module (the binary cannot be installed here). It records what
 * the shell asks of Electron so tests can assert the security settings; it implements no
 * behaviour of its own beyond event emitters.
 */

class FakeApp extends EventEmitter {
  isPackaged = false;
  hasLock = true;
  requestSingleInstanceLock = vi.fn(() => this.hasLock);
  quit = vi.fn();
  whenReady = vi.fn(() => new Promise<void>(() => undefined));
  getPath = vi.fn(() => '/tmp/userData');
  getAppPath = vi.fn(() => '/opt/kancelaria/resources/app.asar');
  getVersion = vi.fn(() => '0.0.0-test');
}

export const app = new FakeApp();

export const session = {
  defaultSession: {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
  },
};

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
};

/** A stand-in OS key store: reversible, and visibly not plain text. */
export const safeStorage = {
  isAsyncEncryptionAvailable: vi.fn(() => Promise.resolve(true)),
  encryptStringAsync: vi.fn((plain: string) => Promise.resolve(Buffer.from(`os:${Buffer.from(plain).toString('base64')}`))),
  decryptStringAsync: vi.fn((data: Buffer) => Promise.resolve({ shouldReEncrypt: false, result: Buffer.from(data.toString().slice(3), 'base64').toString() })),
};

export const net = {
  fetch: vi.fn((url: string) => Promise.resolve(new Response(`file body of ${url}`, { headers: { 'Content-Type': 'text/html' } }))),
};

export const ipcMain = {
  handle: vi.fn(),
};

export const Menu = { setApplicationMenu: vi.fn() };

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: (() => unknown) | null = null;
  destroyed = false;
  setWindowOpenHandler = vi.fn((handler: () => unknown) => {
    this.windowOpenHandler = handler;
  });
  isDestroyed = vi.fn(() => this.destroyed);
  send = vi.fn();
}

export const BrowserWindow = vi.fn(function FakeBrowserWindow(this: Record<string, unknown>, options: unknown) {
  this['options'] = options;
  this['webContents'] = new FakeWebContents();
  this['once'] = vi.fn();
  this['loadURL'] = vi.fn(() => Promise.resolve());
  this['isMinimized'] = vi.fn(() => true);
  this['restore'] = vi.fn();
  this['focus'] = vi.fn();
});

export const contextBridge = { exposeInMainWorld: vi.fn() };

export const ipcRenderer = Object.assign(new EventEmitter(), {
  invoke: vi.fn(() => Promise.resolve({ ok: true, value: null })),
});

export default { app, session, protocol, net, ipcMain, Menu, BrowserWindow, contextBridge, ipcRenderer };
