import type { Migration } from './migration.ts';

/**
 * TEMPORARY, for branch wt-rkw only: versions 21 and 22 belong to the document/blob sync and the
 * replies sync branches, which are merged separately. Migrations must be consecutive, so these
 * stand in for them here; when merging, delete this file and list the real 0021 and 0022.
 */
export const migration0021Placeholder: Migration = { version: 21, name: 'placeholder-0021', up: () => undefined };
export const migration0022Placeholder: Migration = { version: 22, name: 'placeholder-0022', up: () => undefined };
