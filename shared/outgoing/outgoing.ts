import { z } from 'zod';
import { IsoDate } from '../registry.ts';

/**
 * The outgoing register (rejestr przesyłek wychodzących, RKW; domain.md §3.2): every letter that
 * leaves the office, numbered per desk and year like the RPW. Delivery is data, not a remark,
 * because the citizen's own deadlines (an appeal's 14 days) run from it.
 */

/** Channels in the KPA art. 39 spirit: post (with or without the KPA return receipt), electronic, by hand. */
export const OutgoingChannel = z.enum(['registered_zpo', 'registered', 'ordinary', 'e_doreczenia', 'epuap', 'in_person', 'email']);
export type OutgoingChannel = z.infer<typeof OutgoingChannel>;

/** Registered post goes into the pocztowa książka nadawcza; ordinary post only into the quantity list. */
export function isRegisteredPost(channel: OutgoingChannel): boolean {
  return channel === 'registered_zpo' || channel === 'registered';
}

/** Channels carried by Poczta Polska, so postage, mass and a label or envelope make sense. */
export function isPostal(channel: OutgoingChannel): boolean {
  return channel === 'registered_zpo' || channel === 'registered' || channel === 'ordinary';
}

/** How delivery is proven: the addressee's signature, the art. 44 KPA fiction after two awizo notices, or an electronic proof (UPD/UPO). */
export const DeliveryKind = z.enum(['signed', 'awizo_fiction', 'electronic_proof']);
export type DeliveryKind = z.infer<typeof DeliveryKind>;

/** `RKW/KO/12/2026`: the same shape as the RPW number, so both are read the same way. */
export function formatRkwNumber(deskCode: string, sequence: number, year: number): string {
  return `RKW/${deskCode}/${String(sequence)}/${String(year)}`;
}

export const OutgoingLetter = z.object({
  id: z.uuid(),
  rkwNumber: z.string(),
  deskCode: z.string(),
  year: z.number().int(),
  sequence: z.number().int().positive(),
  /** The case and reply it carries; a letter registered by hand may have neither. */
  caseId: z.uuid().nullable(),
  caseSign: z.string().nullable(),
  replyId: z.uuid().nullable(),
  /** What goes out, in a few words (the reply's template name or the clerk's description). */
  subject: z.string(),
  /** Name or company: the "Adresat" column of the dispatch book. */
  addresseeName: z.string(),
  /** Street, number, postal code and town (or the ADE / e-mail address), one per line. */
  addressLines: z.string(),
  channel: OutgoingChannel,
  /** In grosze, so sums are exact; null where the channel has no postage. */
  postageGrosze: z.number().int().nonnegative().nullable(),
  massGrams: z.number().int().positive().nullable(),
  trackingNumber: z.string().nullable(),
  sentOn: IsoDate,
  registeredBy: z.string(),
  registeredAt: z.iso.datetime({ offset: true }),
  deliveredOn: IsoDate.nullable(),
  deliveryKind: DeliveryKind.nullable(),
  returnedOn: IsoDate.nullable(),
  returnReason: z.string().nullable(),
});
export type OutgoingLetter = z.infer<typeof OutgoingLetter>;

/** Whether a return receipt (ZPO or an electronic proof) is still to come back. */
export function awaitsProofOfDelivery(letter: Pick<OutgoingLetter, 'channel' | 'deliveredOn' | 'returnedOn'>): boolean {
  const proofExpected = letter.channel === 'registered_zpo' || letter.channel === 'e_doreczenia' || letter.channel === 'epuap';
  return proofExpected && letter.deliveredOn === null && letter.returnedOn === null;
}

/** Money as a clerk writes it: "12,50 zł". */
export function formatZloty(grosze: number): string {
  const sign = grosze < 0 ? '-' : '';
  const abs = Math.abs(grosze);
  return `${sign}${String(Math.floor(abs / 100))},${String(abs % 100).padStart(2, '0')} zł`;
}
