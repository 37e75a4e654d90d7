import type { ServerMigration } from './index.ts';

/**
 * What other desks need to show a case as its own desk does: who handles it, how it was settled
 * and when it closed, and its notes (each with the id the workstation gave it, so a note pushed
 * twice or pulled back by its author is never shown twice).
 */
export const caseSync: ServerMigration = {
  version: 8,
  name: 'case-sync',
  sql: `
    ALTER TABLE cases ADD COLUMN handler_login text;
    ALTER TABLE cases ADD COLUMN settlement text;
    ALTER TABLE cases ADD COLUMN closed_at timestamptz;
    ALTER TABLE cases ADD COLUMN closed_by text;
    ALTER TABLE cases ADD CONSTRAINT cases_closed_consistent
      CHECK ((status = 'closed') = (closed_at IS NOT NULL AND settlement IS NOT NULL));

    CREATE TABLE case_notes (
      id          uuid PRIMARY KEY,
      case_id     uuid NOT NULL REFERENCES cases (id),
      text        text NOT NULL,
      author_login text NOT NULL,
      author_name text NOT NULL,
      added_at    timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX case_notes_by_case ON case_notes (case_id, added_at);
  `,
};
