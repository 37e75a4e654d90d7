import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations/migration.ts';

export class NewerSchemaError extends Error {
  constructor(found: number, known: number) {
    super(`Database schema ${found} is newer than this program knows (${known}); install the newer version`);
    this.name = 'NewerSchemaError';
  }
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema up to `target` (default: the last migration). Each step runs in its own
 * transaction together with the user_version bump, so a crash leaves the file at a whole version.
 */
export function migrate(db: Database, all: readonly Migration[], target = all.at(-1)?.version ?? 0): number {
  assertOrdered(all);
  const current = schemaVersion(db);
  const known = all.at(-1)?.version ?? 0;
  if (current > known) throw new NewerSchemaError(current, known);
  for (const step of all) {
    if (step.version <= current || step.version > target) continue;
    db.transaction(() => {
      step.up(db);
      db.pragma(`user_version = ${step.version}`);
    })();
  }
  return schemaVersion(db);
}

function assertOrdered(all: readonly Migration[]): void {
  all.forEach((step, index) => {
    if (step.version !== index + 1) {
      throw new Error(`Migration ${step.name} has version ${step.version}, expected ${index + 1}`);
    }
  });
}
