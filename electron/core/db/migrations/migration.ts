import type { Database } from 'better-sqlite3';

/** One schema step. `version` is what PRAGMA user_version holds once `up` has run. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
}
