import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { IncomingItem } from '../../../../shared/registry.ts';
import { officeIsoDate } from '../../../../shared/dates.ts';
import { statement } from '../statements.ts';

/**
 * A letter as other workstations pull it: the register entry without its PIN (only the receipt
 * printed where it was registered shows that), plus who cancelled it, when it was.
 */
export const RemoteItem = IncomingItem.omit({ trackingPin: true }).extend({
  cancelledAt: z.string().optional(),
  cancelledBy: z.string().optional(),
});
export type RemoteItem = z.infer<typeof RemoteItem>;

/**
 * Merges one pulled letter into the local register. Returns true when anything changed.
 * - unknown here: inserted as `origin = 'remote'`, with its metryka;
 * - known (registered here, or pulled before): only the status can move, registered → cancelled;
 * - another letter already holds its number here: nothing is overwritten; the clash becomes an
 *   issue the clerk sees with both versions.
 */
export function applyRemoteItem(db: Database, data: unknown, at: string): boolean {
  const parsed = RemoteItem.safeParse(data);
  if (!parsed.success) return false;
  const item = parsed.data;
  const known = statement<[string], { status: string }>(db, 'SELECT status FROM incoming_items WHERE id = ?').get(item.id);
  if (known) {
    if (known.status === 'registered' && item.status === 'cancelled') {
      statement(db, "UPDATE incoming_items SET status = 'cancelled', cancel_reason = ? WHERE id = ?").run(item.cancelReason, item.id);
      appendRemoteEvent(db, item.id, item.cancelledAt ?? at, item.cancelledBy ?? '', 'cancelled', { reason: item.cancelReason });
      return true;
    }
    return false;
  }
  const clash = statement<[string, number, number], { id: string; rpw_number: string }>(db, 'SELECT id, rpw_number FROM incoming_items WHERE desk_code = ? AND year = ? AND sequence = ?').get(item.deskCode, item.year, item.sequence);
  if (clash) {
    statement(db,
      `INSERT INTO sync_issues (seq, name, args, status, error_code, error_key, server_data, created_at)
       VALUES (NULL, 'pull.incoming_item', ?, 'conflict', 'number_clash', 'sync.rejections.numberClash', ?, ?)`,
    ).run(JSON.stringify({ id: clash.id, rpwNumber: clash.rpw_number }), JSON.stringify(item), at);
    return false;
  }
  statement(db, 'INSERT OR IGNORE INTO desks (code, name, created_at) VALUES (?, ?, ?)').run(item.deskCode, item.deskCode, at);
  statement(db,
    `INSERT INTO incoming_items (
       id, rpw_number, desk_code, year, sequence, received_at, received_on, channel, posted_on,
       correspondent_id, sender_name, sender_address, sender_reference, letter_date, subject,
       attachments_count, personal_delivery, access_level, original_location, postal_tracking_number,
       notes, status, cancel_reason, registered_at, registered_by, tracking_code, tracking_pin, origin)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', 'remote')`,
  ).run(
    item.id, item.rpwNumber, item.deskCode, item.year, item.sequence,
    item.receivedAt, officeIsoDate(new Date(item.receivedAt)), item.channel, item.postedOn,
    // The correspondent id points into the other workstation's address book: not kept here.
    item.senderName, item.senderAddress, item.senderReference, item.letterDate, item.subject,
    item.attachmentsCount, item.personalDelivery ? 1 : 0, item.accessLevel, item.originalLocation, item.postalTrackingNumber,
    item.notes, item.status, item.cancelReason, item.registeredAt, item.registeredBy, item.trackingCode,
  );
  appendRemoteEvent(db, item.id, item.registeredAt, item.registeredBy, 'registered', { rpwNumber: item.rpwNumber });
  if (item.status === 'cancelled') {
    appendRemoteEvent(db, item.id, item.cancelledAt ?? at, item.cancelledBy ?? '', 'cancelled', { reason: item.cancelReason });
  }
  return true;
}

function appendRemoteEvent(db: Database, itemId: string, at: string, actor: string, kind: 'registered' | 'cancelled', details: Record<string, unknown>): void {
  statement(db, 'INSERT INTO item_events (item_id, at, actor, kind, details) VALUES (?, ?, ?, ?, ?)')
    .run(itemId, at, actor, kind, JSON.stringify({ ...details, viaServer: true }));
}
