import { RegisterItemInput, type RegisterItem } from '../../../shared/registry.ts';

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
