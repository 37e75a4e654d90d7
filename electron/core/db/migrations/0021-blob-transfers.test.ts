import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { migrate } from '../migrate.ts';
import { migrations } from './index.ts';

const tempDir = useTempDirs();

describe('migration 0021 blob transfers', () => {
  it('queues one transfer per file and direction, and takes only SHA-256 names', () => {
    const db = new Database(join(tempDir(), 'k.sqlite'));
    migrate(db, migrations, 20);
    expect(migrate(db, migrations, 21)).toBe(21);
    const insert = db.prepare("INSERT INTO blob_transfers (sha256, direction, queued_at) VALUES (?, ?, '2026-11-20T10:00:00.000Z')");
    insert.run('a'.repeat(64), 'upload');
    insert.run('a'.repeat(64), 'download');
    expect(() => insert.run('a'.repeat(64), 'upload')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert.run('A'.repeat(64), 'upload')).toThrow(/CHECK/);
    expect(() => insert.run('a'.repeat(63), 'upload')).toThrow(/CHECK/);
    expect(() => insert.run('b'.repeat(64), 'sideways')).toThrow(/CHECK/);
    expect(db.prepare('SELECT direction, attempts, last_error, next_attempt_at FROM blob_transfers ORDER BY direction').all()).toEqual([
      { direction: 'download', attempts: 0, last_error: null, next_attempt_at: null },
      { direction: 'upload', attempts: 0, last_error: null, next_attempt_at: null },
    ]);
  });
});
