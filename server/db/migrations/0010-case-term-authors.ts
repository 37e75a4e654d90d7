import type { ServerMigration } from './index.ts';

/**
 * Who paused, resumed and extended a case's term. Other desks rebuild the case's metryka from the
 * server's snapshot; without names they could only say "Serwer centralny", and the metryka must
 * say which clerk stopped the clock. Rows from before this migration keep null: the desks show
 * them as the server's, as before.
 */
export const caseTermAuthors: ServerMigration = {
  version: 10,
  name: 'case-term-authors',
  sql: `
    ALTER TABLE case_pauses ADD COLUMN paused_by text;
    ALTER TABLE case_pauses ADD COLUMN resumed_by text;
    ALTER TABLE case_extensions ADD COLUMN added_by text;
  `,
};
