import type { IncomingItem } from '../shared/registry.ts';
import type { TrackingResponse, TrackingStep } from '../shared/tracking.ts';
import type { Sql } from './db/database.ts';
import { pinHash } from './sync/commands/registry.ts';

const DAY_MS = 86_400_000;

/**
 * A letter's public path for its tracking code and PIN, or null: a wrong PIN and an unknown code
 * answer the same, so the endpoint cannot be used to find which codes exist.
 */
export async function trackLetter(db: Sql, trackingPinKey: string, code: string, pin: string, now: Date = new Date()): Promise<TrackingResponse | null> {
  const normalized = code.trim().toUpperCase();
  const [row] = await db.query<{ tracking_pin_hash: string; item: IncomingItem; cancelled_at: Date | string | null }>(
    'SELECT tracking_pin_hash, item, cancelled_at FROM incoming_items WHERE tracking_code = $1',
    [normalized],
  );
  if (!row || row.tracking_pin_hash !== pinHash(trackingPinKey, normalized, pin)) return null;
  const { item } = row;
  const path: TrackingStep[] = [{ step: 'received', at: item.receivedAt }];
  // The first time it reached a unit, and the first time a clerk took it on: what a resident
  // wants to know, without saying who or where internally.
  const [route] = await db.query<{ routed_at: Date | string | null; accepted_at: Date | string | null }>(
    "SELECT min(routed_at) AS routed_at, min(accepted_at) AS accepted_at FROM item_routes WHERE item_id = (SELECT id FROM incoming_items WHERE tracking_code = $1) AND role = 'lead'",
    [normalized],
  );
  if (route?.routed_at) path.push({ step: 'routed', at: new Date(route.routed_at).toISOString() });
  if (route?.accepted_at) path.push({ step: 'with_clerk', at: new Date(route.accepted_at).toISOString() });
  if (row.cancelled_at !== null) path.push({ step: 'cancelled', at: new Date(row.cancelled_at).toISOString() });
  const received = new Date(item.receivedAt);
  return {
    trackingCode: normalized,
    receivedAt: item.receivedAt,
    path,
    dueDate: null,
    processingDays: Math.max(0, Math.floor((now.getTime() - received.getTime()) / DAY_MS)),
  };
}
