import type { ServerMigration } from './index.ts';

/**
 * When each change was committed, so the change log can be compacted by age (CHANGE_LOG_DAYS):
 * rows that existed before this migration count as committed now and age from here.
 */
export const changeTimes: ServerMigration = {
  version: 2,
  name: 'change-times',
  sql: `
    ALTER TABLE changes ADD COLUMN committed_at timestamptz NOT NULL DEFAULT now();
    CREATE INDEX changes_by_committed_at ON changes (committed_at);
  `,
};
