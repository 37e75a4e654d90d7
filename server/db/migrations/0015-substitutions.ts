import type { ServerMigration } from './index.ts';

/**
 * Zastępstwa on the server: who stands in for whom, and from when to when (both days included),
 * imported with the organisation. The server decides whether a person may take an akceptacja
 * step; without these it refused a substitute the workstation had rightly let decide, and that
 * desk was left showing a reply accepted that the server never accepted.
 */
export const substitutions: ServerMigration = {
  version: 15,
  name: 'substitutions',
  sql: `
    CREATE TABLE substitutions (
      absent_login     text NOT NULL,
      substitute_login text NOT NULL,
      from_date        date NOT NULL,
      to_date          date NOT NULL,
      PRIMARY KEY (absent_login, substitute_login, from_date),
      CHECK (to_date >= from_date),
      CHECK (absent_login <> substitute_login)
    );
    CREATE INDEX substitutions_by_substitute ON substitutions (substitute_login, from_date);
  `,
};
