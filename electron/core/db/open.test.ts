import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir.ts';
import { openDatabase } from './open.ts';
import { latestSchemaVersion } from './migrations/index.ts';

const tempDir = useTempDirs();

describe('openDatabase', () => {
  it('opens in WAL mode with foreign keys on and the schema up to date', () => {
    const db = openDatabase(join(tempDir(), 'k.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    db.close();
  });

  it('fails with a clear error when the folder does not exist', () => {
    expect(() => openDatabase(join(tempDir(), 'missing', 'k.sqlite'))).toThrow(/directory does not exist|unable to open/);
  });
});
