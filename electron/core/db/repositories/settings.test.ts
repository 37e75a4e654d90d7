import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { openDatabase } from '../open.ts';
import { readSettings, writeSettings } from './settings.ts';

const tempDir = useTempDirs();

describe('settings repository', () => {
  it('reads nothing from a fresh database', () => {
    const db = openDatabase(join(tempDir(), 'k.sqlite'));
    expect(readSettings(db)).toEqual({ values: {}, updatedAt: null });
    db.close();
  });

  it('overwrites keys and reports the latest save time', () => {
    const db = openDatabase(join(tempDir(), 'k.sqlite'));
    writeSettings(db, { workstationName: 'A', deskCode: 'KO' }, '2026-11-20T08:00:00.000Z');
    writeSettings(db, { workstationName: 'B' }, '2026-11-21T08:00:00.000Z');
    expect(readSettings(db)).toEqual({
      values: { workstationName: 'B', deskCode: 'KO' },
      updatedAt: '2026-11-21T08:00:00.000Z',
    });
    db.close();
  });
});
