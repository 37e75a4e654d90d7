import { randomUUID } from 'node:crypto';
import type { IncomingItem } from '../../shared/registry.ts';
import type { Role, SessionUser } from '../../shared/sync/protocol.ts';
import type { Sql } from '../db/database.ts';
import { createUser } from '../auth/sessions.ts';

/** A small organisation: two units, one desk of each, and people in them. */
export async function seedOrganisation(db: Sql): Promise<void> {
  await db.exec(`
    INSERT INTO units (code, name) VALUES ('KO', 'Kancelaria Ogólna'), ('MZD', 'Miejski Zarząd Dróg'), ('MOPR', 'Miejski Ośrodek Pomocy Rodzinie');
    INSERT INTO desks (code, name, unit_code) VALUES ('KO', 'Kancelaria ogólna', 'KO'), ('MOPR', 'Kancelaria MOPR', 'MOPR');`);
}

export function makeUser(db: Sql, login: string, role: Role, unitCode: string | null = null, password = 'Tajne-hasło-1'): Promise<SessionUser> {
  return createUser(db, { login, displayName: login, password, role, unitCode });
}

/** A letter as a workstation would push it, numbered from its leased block. */
export function pushedItem(deskCode: string, sequence: number, overrides: Partial<IncomingItem> = {}): IncomingItem {
  return {
    id: randomUUID(),
    rpwNumber: `RPW/${deskCode}/${String(sequence)}/2026`,
    deskCode,
    year: 2026,
    sequence,
    receivedAt: '2026-11-20T08:15:00.000Z',
    channel: 'post',
    postedOn: null,
    correspondentId: null,
    senderName: 'Jan Kowalski',
    senderAddress: 'ul. Długa 1, 00-950 Warszawa',
    senderReference: null,
    letterDate: null,
    subject: 'Wniosek o wydanie zaświadczenia',
    attachmentsCount: 0,
    personalDelivery: false,
    accessLevel: 'public',
    originalLocation: null,
    postalTrackingNumber: null,
    notes: null,
    status: 'registered',
    cancelReason: null,
    registeredAt: '2026-11-20T08:16:00.000Z',
    registeredBy: 'Okienko 1',
    trackingCode: `${randomUUID().slice(0, 5).toUpperCase()}-${randomUUID().slice(0, 5).toUpperCase()}`,
    trackingPin: '123456',
    ...overrides,
  };
}
