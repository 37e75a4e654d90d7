import type { ServerMigration } from './index.ts';

/** Which letters a case was opened from: public tracking shows the case's statutory due date. */
export const caseItems: ServerMigration = {
  version: 5,
  name: 'case-items',
  sql: `
    CREATE TABLE case_items (
      case_id uuid NOT NULL REFERENCES cases (id),
      item_id uuid NOT NULL REFERENCES incoming_items (id),
      PRIMARY KEY (case_id, item_id)
    );
    CREATE INDEX case_items_by_item ON case_items (item_id);
  `,
};
