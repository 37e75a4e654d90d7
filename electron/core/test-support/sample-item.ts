import type { Database } from 'better-sqlite3';
import { RegisterItemInput, type IncomingItem, type RegisterItem } from '../../../shared/registry.ts';
import { registerItem, type RegisterArgs } from '../db/repositories/incoming-items.ts';
import { trackingCode, trackingPin, uuidv7 } from '../ids.ts';

/** A plausible paper letter, parsed through the real schema; tests override what they care about. */
export function sampleItem(overrides: Partial<RegisterItem> = {}): RegisterItem {
  const base = RegisterItemInput.parse({
    receivedAt: '2026-11-20T09:15:00+01:00',
    channel: 'post',
    postedOn: '2026-11-18',
    sender: { name: 'Jan Kowalski', address: 'ul. Długa 1, 00-950 Warszawa' },
    senderReference: 'JK/1/2026',
    letterDate: '2026-11-17',
    subject: 'Wniosek o wydanie zaświadczenia',
    attachmentsCount: 1,
  });
  return { ...base, ...overrides };
}

/** Everything registerItem needs besides the letter, with test defaults (desk KO, year 2026). */
export function sampleRegisterArgs(overrides: Partial<RegisterArgs> = {}): RegisterArgs {
  return {
    item: sampleItem(),
    id: uuidv7(),
    deskCode: 'KO',
    year: 2026,
    registeredAt: '2026-11-20T08:20:00.000Z',
    registeredBy: 'Okienko 1',
    trackingCode: trackingCode(),
    trackingPin: trackingPin(),
    numbering: 'local',
    outbox: null,
    ...overrides,
  };
}

/**
 * A letter registered for real in `db` (numbering, tracking code and all), for tests of what is
 * built from a register entry: labels, receipts, exports.
 */
export function registeredSample(db: Database, overrides: Partial<RegisterItem> = {}, deskCode = 'KO'): IncomingItem {
  return registerItem(db, sampleRegisterArgs({ item: sampleItem(overrides), deskCode }));
}
