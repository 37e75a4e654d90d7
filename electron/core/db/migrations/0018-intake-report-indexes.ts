import type { Migration } from './migration.ts';

/**
 * Indexes for the intake report (issue "Supervisor reports", point 3). The report counts a
 * period's letters per day, desk and channel straight from one index (with the id, for the scan
 * lookup), and asks of each letter whether a document is attached: without an index on item_id
 * that question reads the whole item_documents table.
 */
export const migration0018IntakeReportIndexes: Migration = {
  version: 18,
  name: 'intake-report-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX incoming_items_by_day_desk_channel ON incoming_items (received_on, desk_code, channel, status, id);
      CREATE INDEX item_documents_by_item ON item_documents (item_id);
      -- Waiting for dekretacja walks every registered letter (probing its live route); a narrow
      -- index instead of the wide rows.
      CREATE INDEX incoming_items_registered_live ON incoming_items (registered_at, id) WHERE status = 'registered';
    `);
  },
};
