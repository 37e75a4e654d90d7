import type { Migration } from './migration.ts';

/**
 * This version understands three kinds of pulled change the previous one skipped: documents
 * (`item_document`), replies (`reply`) and void RKW numbers (`rkw_void`). A workstation upgraded
 * after its server has already moved its cursor past such changes, so every person's cursor goes
 * back to 0: the next sync pulls everything in scope again. Applying a pulled change is
 * idempotent, so what is already here stays as it is and only what was skipped is added.
 */
export const migration0022PullNewEntitiesAgain: Migration = {
  version: 22,
  name: 'pull-new-entities-again',
  up(db) {
    db.exec('UPDATE sync_cursors SET cursor = 0');
  },
};
