import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../shared/settings.ts';
import { openInProcessDb } from '../db/db-client.ts';
import { EventBus } from '../events.ts';
import { useTempDirs } from '../test-support/temp-dir.ts';
import { SettingsService } from './settings-service.ts';

const tempDir = useTempDirs();
const defaults = { workstationName: 'PC-123', deskCode: '', centralServerUrl: '', uiLanguage: 'pl', hotFolderPath: '', postalSender: '', batchSeparator: '' } as const;
const fixedNow = () => new Date('2026-11-22T09:30:00.000Z');

describe('SettingsService', () => {
  it('runs on the embedded defaults until something is saved', async () => {
    const db = openInProcessDb(join(tempDir(), 'k.sqlite'));
    const service = new SettingsService(db, new EventBus(), defaults, fixedNow);
    expect(await service.get()).toEqual({ ...defaults, updatedAt: null });
    await db.close();
  });

  it('saves all fields, stamps the time and announces the change', async () => {
    const db = openInProcessDb(join(tempDir(), 'k.sqlite'));
    const events = new EventBus();
    const announced: unknown[] = [];
    events.subscribe((name, payload) => announced.push([name, payload]));
    const service = new SettingsService(db, events, defaults, fixedNow);

    const saved = await service.update({ workstationName: 'Okienko 2', deskCode: 'KO', centralServerUrl: 'https://k.urzad.pl', uiLanguage: 'en', hotFolderPath: '', postalSender: '', batchSeparator: '' });
    const expected: Settings = { workstationName: 'Okienko 2', deskCode: 'KO', centralServerUrl: 'https://k.urzad.pl', uiLanguage: 'en', hotFolderPath: '', postalSender: '', batchSeparator: '', updatedAt: '2026-11-22T09:30:00.000Z' };
    expect(saved).toEqual(expected);
    expect(await service.get()).toEqual(expected);
    expect(announced).toEqual([['settings.changed', expected]]);
    await db.close();
  });

  it('falls back to the default for a stored value that today’s rules reject', async () => {
    const db = openInProcessDb(join(tempDir(), 'k.sqlite'));
    db.db.prepare("INSERT INTO settings VALUES ('centralServerUrl', 'ftp://old', '2020-01-01T00:00:00.000Z'), ('deskCode', 'KO', '2020-01-01T00:00:00.000Z')").run();
    const service = new SettingsService(db, new EventBus(), defaults, fixedNow);
    const settings = await service.get();
    expect(settings.centralServerUrl).toBe('');
    expect(settings.deskCode).toBe('KO');
    await db.close();
  });
});
