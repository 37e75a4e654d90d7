import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../shared/settings.ts';
import { EventBus } from '../events.ts';
import { useTempDirs } from '../test-support/temp-dir.ts';
import { PROCESSED_DIR } from './hot-folder.ts';
import { HotFolderSupervisor } from './hot-folder-supervisor.ts';

const tempDir = useTempDirs();
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(25);
  }
}
const settings = (hotFolderPath: string): Settings => ({ workstationName: 'Okienko', deskCode: 'KO', centralServerUrl: '', uiLanguage: 'pl', hotFolderPath, postalSender: '', batchSeparator: '', updatedAt: null });

describe('HotFolderSupervisor', { timeout: 30_000 }, () => {
  it('watches the folder from the settings, follows a change, and stops when it is emptied', async () => {
    const [a, b] = [tempDir(), tempDir()];
    const events = new EventBus();
    const taken: string[] = [];
    const supervisor = new HotFolderSupervisor({ settings: { get: () => Promise.resolve(settings(a)) }, events, take: (name) => { taken.push(name); return Promise.resolve({ ok: true }); }, logError: () => undefined, tuning: { stableMs: 50, rescanMs: 100 } });
    await supervisor.start();
    expect(supervisor.folder).toBe(a);
    events.emit('settings.changed', settings(b));
    await until(() => supervisor.folder === b);
    writeFileSync(join(b, 'skan.pdf'), 'x');
    writeFileSync(join(a, 'stary.pdf'), 'x');
    await until(() => taken.length > 0);
    await sleep(500);
    expect(taken).toEqual(['skan.pdf']);
    expect(readdirSync(a)).toContain('stary.pdf');
    events.emit('settings.changed', settings(''));
    await until(() => supervisor.folder === null);
    await supervisor.stop();
  });

  it('leaves the folder untouched while nothing can take its files, and survives a folder it cannot open', async () => {
    const folder = tempDir();
    writeFileSync(join(folder, 'skan.pdf'), 'x');
    const logged: string[] = [];
    const idle = new HotFolderSupervisor({ settings: { get: () => Promise.resolve(settings(folder)) }, events: new EventBus(), take: null, logError: (message) => logged.push(message) });
    await idle.start();
    expect(idle.folder).toBeNull();
    expect(readdirSync(folder)).toEqual(['skan.pdf']);
    expect(existsSync(join(folder, PROCESSED_DIR))).toBe(false);
    await idle.stop();

    const file = join(tempDir(), 'plik');
    writeFileSync(file, 'nie folder');
    const broken = new HotFolderSupervisor({ settings: { get: () => Promise.resolve(settings(join(file, 'skany'))) }, events: new EventBus(), take: () => Promise.resolve({ ok: true }), logError: (message) => logged.push(message) });
    await broken.start();
    expect(broken.folder).toBeNull();
    expect(logged.some((m) => m.includes('cannot be watched'))).toBe(true);
    await broken.stop();
  });
});
