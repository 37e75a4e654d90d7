import type { IncomingItem } from '../shared/registry.ts';
import type { TrackingResponse, TrackingStep } from '../shared/tracking.ts';
import type { Sql } from './db/database.ts';
import { officeIsoDate } from '../shared/dates.ts';
import { caseDeadline, daysBetween, findMatterType } from '../shared/deadlines/index.ts';
import { pinHash } from './sync/commands/registry.ts';

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
  // The first reply sent in a case of this letter, and its delivery: days, as the post records them.
  const [reply] = await db.query<{ sent_on: string; delivered_on: string | null }>(
    `SELECT o.sent_on::text AS sent_on, o.delivered_on::text AS delivered_on FROM outgoing_letters o JOIN case_items ci ON ci.case_id = o.case_id
     WHERE ci.item_id = (SELECT id FROM incoming_items WHERE tracking_code = $1) ORDER BY o.sent_on, o.delivered_on NULLS LAST LIMIT 1`,
    [normalized],
  );
  if (reply) path.push({ step: 'reply_sent', at: reply.sent_on });
  if (reply?.delivered_on) path.push({ step: 'delivered', at: reply.delivered_on });
  // Calendar days in Poland from receipt until the reply goes out; until then, until today.
  const receivedOn = officeIsoDate(new Date(item.receivedAt));
  const endOn = reply ? reply.sent_on : officeIsoDate(now);
  const [opened] = await db.query<{ id: string; started_on: string; matter_type: string }>(
    `SELECT c.id, c.started_on::text AS started_on, c.matter_type FROM case_items ci JOIN cases c ON c.id = ci.case_id
     WHERE ci.item_id = (SELECT id FROM incoming_items WHERE tracking_code = $1) ORDER BY c.opened_at LIMIT 1`,
    [normalized],
  );
  return {
    trackingCode: normalized,
    receivedAt: item.receivedAt,
    path,
    dueDate: opened ? await currentDueDate(db, opened) : null,
    processingDays: Math.max(0, daysBetween(receivedOn, endOn)),
  };
}

/**
 * The case's due date as it stands: its statutory term with pauses (art. 35 § 5) and the latest
 * art. 36 notice, after the art. 57 § 4 roll; null for a matter "bez zwłoki". Dates are read as
 * text so no time zone can shift them.
 */
async function currentDueDate(db: Sql, opened: { id: string; started_on: string; matter_type: string }): Promise<string | null> {
  const matterType = findMatterType(opened.matter_type);
  if (!matterType) return null;
  const pauses = await db.query<{ from: string; to: string | null }>('SELECT from_date::text AS "from", to_date::text AS "to" FROM case_pauses WHERE case_id = $1 ORDER BY from_date', [opened.id]);
  const extensions = await db.query<{ noticeOn: string; newDate: string; reason: string }>(
    'SELECT notice_on::text AS "noticeOn", new_date::text AS "newDate", reason FROM case_extensions WHERE case_id = $1 ORDER BY added_at', [opened.id],
  );
  return caseDeadline({ startedOn: opened.started_on, matterType, pauses, extensions }).current?.adjusted ?? null;
}
