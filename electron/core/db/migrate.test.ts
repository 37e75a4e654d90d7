import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir.ts';
import { migrate, NewerSchemaError, schemaVersion } from './migrate.ts';
import type { Migration } from './migrations/migration.ts';

const tempDir = useTempDirs();
const open = (): Database.Database => new Database(join(tempDir(), 'k.sqlite'));

const createA: Migration = { version: 1, name: 'a', up: (db) => db.exec('CREATE TABLE a (x INTEGER) STRICT') };
const createB: Migration = { version: 2, name: 'b', up: (db) => db.exec('CREATE TABLE b (x INTEGER) STRICT') };
const brokenC: Migration = {
  version: 3,
  name: 'c',
  up: (db) => {
    db.exec('CREATE TABLE c (x INTEGER) STRICT');
    throw new Error('disk full halfway');
  },
};

describe('migrate', () => {
  it('applies only the steps above the current version, and is idempotent', () => {
    const db = open();
    expect(migrate(db, [createA])).toBe(1);
    expect(migrate(db, [createA, createB])).toBe(2);
    expect(migrate(db, [createA, createB])).toBe(2);
    db.close();
  });

  it('rolls a failing step back whole, leaving the previous version intact', () => {
    const db = open();
    expect(() => migrate(db, [createA, createB, brokenC])).toThrow('disk full halfway');
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'c'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a database written by a newer version of the program', () => {
    const db = open();
    db.pragma('user_version = 9');
    expect(() => migrate(db, [createA])).toThrow(NewerSchemaError);
    db.close();
  });

  it('refuses a migration list with a gap or a wrong order', () => {
    const db = open();
    expect(() => migrate(db, [createB])).toThrow(/expected 1/);
    expect(() => migrate(db, [createA, createA])).toThrow(/expected 2/);
    db.close();
  });
});
