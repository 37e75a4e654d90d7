import { randomUUID } from 'node:crypto';
import { formatRkwNumber, OutgoingLetter } from '../../../shared/outgoing/outgoing.ts';

/**
 * An outgoing letter as the register would hold it (checked against the shared schema, so a
 * fixture cannot drift from the real shape): registered with ZPO, 2 December 2026, desk KO.
 */
export function sampleOutgoingLetter(sequence: number, overrides: Partial<OutgoingLetter> = {}): OutgoingLetter {
  return OutgoingLetter.parse({
    id: randomUUID(),
    rkwNumber: formatRkwNumber('KO', sequence, 2026),
    deskCode: 'KO',
    year: 2026,
    sequence,
    caseId: randomUUID(),
    caseSign: `GN-I.6831.${String(sequence)}.2026`,
    replyId: null,
    subject: 'Odpowiedź na pismo',
    addresseeName: `Adresat nr ${String(sequence)}`,
    addressLines: `ul. Długa ${String(sequence)}\n45-011 Opole`,
    channel: 'registered_zpo',
    postageGrosze: 1250,
    massGrams: 40,
    trackingNumber: `00259007731${String(sequence).padStart(9, '0')}`,
    sentOn: '2026-12-02',
    registeredBy: 'Okienko 1',
    registeredAt: '2026-12-02T08:15:00.000Z',
    deliveredOn: null,
    deliveryKind: null,
    returnedOn: null,
    returnReason: null,
    ...overrides,
  });
}
