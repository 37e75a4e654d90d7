import type { Migration } from './migration.ts';

/**
 * Stand-in for migration 0012, which another branch of the scanning work (issue 6) adds. Versions
 * must run 1, 2, 3… without a gap, so this branch holds the number with a step that changes
 * nothing; on merge the real 0012 replaces this file. It is never released as it is.
 */
export const migration0012Reserved: Migration = {
  version: 12,
  name: 'reserved',
  up() {
    // Nothing: the real step 0012 comes from its own branch.
  },
};
