import { migration0001Settings } from './0001-settings.ts';
import { migration0002IncomingRegister } from './0002-incoming-register.ts';
import type { Migration } from './migration.ts';

/** Every migration, in order. Append only: a released migration is never edited. */
export const migrations: readonly Migration[] = [migration0001Settings, migration0002IncomingRegister];

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;
