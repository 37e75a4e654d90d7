import { migration0001Settings } from './0001-settings.ts';
import type { Migration } from './migration.ts';

/** Every migration, in order. Append only: a released migration is never edited. */
export const migrations: readonly Migration[] = [migration0001Settings];

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;
