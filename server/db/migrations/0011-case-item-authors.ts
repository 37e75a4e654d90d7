import type { ServerMigration } from './index.ts';

/**
 * Who joined a letter to a case, and when. A desk that pulls the case writes "pismo dołączone" in
 * its metryka; without this it could only name the server and the moment it pulled. Links from
 * before this migration keep null and are shown as the server's, as before.
 */
export const caseItemAuthors: ServerMigration = {
  version: 11,
  name: 'case-item-authors',
  sql: `
    ALTER TABLE case_items ADD COLUMN attached_by text;
    ALTER TABLE case_items ADD COLUMN attached_at timestamptz;
  `,
};
