import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir.ts';
import { startDbWorker } from './db-client.ts';
import { latestSchemaVersion } from './migrations/index.ts';

const tempDir = useTempDirs();
const workerUrl = new URL('./worker.ts', import.meta.url);

describe('SQLite worker', () => {
  it('opens and migrates the file, then runs repository calls in order', async () => {
    const file = join(tempDir(), 'k.sqlite');
    const db = await startDbWorker(workerUrl, file);
    expect(await db.call('meta.schemaVersion')).toBe(latestSchemaVersion);
    await Promise.all([
      db.call('settings.write', { workstationName: 'A' }, '2026-11-22T08:00:00.000Z'),
      db.call('settings.write', { workstationName: 'B' }, '2026-11-22T08:00:01.000Z'),
    ]);
    expect((await db.call('settings.read')).values).toEqual({ workstationName: 'B' });
    await db.close();

    // What was written is on disk: a second worker on the same file sees it.
    const again = await startDbWorker(workerUrl, file);
    expect((await again.call('settings.read')).values).toEqual({ workstationName: 'B' });
    await again.close();
  });

  it('rejects a failing call without killing the worker', async () => {
    const db = await startDbWorker(workerUrl, join(tempDir(), 'k.sqlite'));
    // A bind value SQLite cannot take: the repository throws inside the worker.
    await expect(db.call('settings.write', { workstationName: Symbol('x') as unknown as string }, 'now')).rejects.toThrow();
    expect(await db.call('meta.schemaVersion')).toBe(latestSchemaVersion);
    await db.close();
    await expect(db.call('meta.schemaVersion')).rejects.toThrow(/closed|exited/);
  });

  it('fails to start with the reason when the file cannot be opened', async () => {
    await expect(startDbWorker(workerUrl, join(tempDir(), 'no-such-dir', 'k.sqlite'))).rejects.toThrow(/directory does not exist|unable to open/);
  });
});
