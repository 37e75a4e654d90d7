import type { ServerMigration } from './index.ts';

/** Pauses (art. 35 § 5) and art. 36 notices of a case, so public tracking shows the current due date. */
export const caseTerms: ServerMigration = {
  version: 6,
  name: 'case-terms',
  sql: `
    CREATE TABLE case_pauses (
      case_id   uuid NOT NULL REFERENCES cases (id),
      from_date date NOT NULL,
      to_date   date CHECK (to_date IS NULL OR to_date >= from_date),
      reason    text NOT NULL,
      PRIMARY KEY (case_id, from_date)
    );
    CREATE TABLE case_extensions (
      case_id   uuid NOT NULL REFERENCES cases (id),
      notice_on date NOT NULL,
      new_date  date NOT NULL,
      reason    text NOT NULL,
      added_at  timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX case_extensions_by_case ON case_extensions (case_id);
  `,
};
