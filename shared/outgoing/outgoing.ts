import { z } from 'zod';
import { addDays } from '../deadlines/dates.ts';
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

/**
 * Who may send letters (enter them in the RKW) with a central server: a case's unit, or a registry
 * desk, which posts every unit's mail. The server checks it; the workstation leases RKW numbers for them only.
 */
export const SENDING_ROLES = ['admin', 'clerk', 'unit_head', 'registry_clerk'] as const;

/** `RKW/KO/12/2026`: the same shape as the RPW number, so both are read the same way. */
export function formatRkwNumber(deskCode: string, sequence: number, year: number): string {
  return `RKW/${deskCode}/${String(sequence)}/${String(year)}`;
}

/** The desk, number and year of an RKW number; null when it is not one `formatRkwNumber` writes. */
export function parseRkwNumber(rkwNumber: string): { deskCode: string; sequence: number; year: number } | null {
  const match = /^RKW\/(.+)\/([1-9][0-9]{0,8})\/([0-9]{4})$/u.exec(rkwNumber);
  if (!match?.[1] || !match[2] || !match[3]) return null;
  return { deskCode: match[1], sequence: Number(match[2]), year: Number(match[3]) };
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

/** Channels whose delivery comes back as proof: the ZPO card, or the electronic UPD/UPO. */
export const PROOF_CHANNELS: readonly OutgoingChannel[] = ['registered_zpo', 'e_doreczenia', 'epuap'];

/** Whether a return receipt (ZPO or an electronic proof) is still to come back. */
export function awaitsProofOfDelivery(letter: Pick<OutgoingLetter, 'channel' | 'deliveredOn' | 'returnedOn'>): boolean {
  return PROOF_CHANNELS.includes(letter.channel) && letter.deliveredOn === null && letter.returnedOn === null;
}

/** The same test in SQL over an outgoing_letters row aliased `alias`, for queries that count or filter by it. */
export function awaitsProofSql(alias: string): string {
  return `${alias}.delivered_on IS NULL AND ${alias}.returned_on IS NULL AND ${alias}.channel IN (${PROOF_CHANNELS.map((c) => `'${c}'`).join(', ')})`;
}

/** Money as a clerk writes it: "12,50 zł". */
export function formatZloty(grosze: number): string {
  const sign = grosze < 0 ? '-' : '';
  const abs = Math.abs(grosze);
  return `${sign}${String(Math.floor(abs / 100))},${String(abs % 100).padStart(2, '0')} zł`;
}

type Limit = 40 | 300 | 1000;
const Required = (max: Limit) => z.string().trim().min(1, { error: 'validation.required' }).max(max, { error: `validation.tooLong${String(max)}` });
const Optional = (max: Limit) => z.string().trim().max(max, { error: `validation.tooLong${String(max)}` }).transform((v) => (v === '' ? null : v));

/** "12,50", "12.5" or "3" złoty as typed by a clerk, in grosze; empty means none. */
export const ZlotyText = z
  .string()
  .trim()
  .regex(/^(?:\d{1,5}(?:[,.]\d{1,2})?)?$/u, { error: 'outgoing.errors.postage' })
  .transform((text) => {
    if (text === '') return null;
    const [whole = '0', fraction = ''] = text.split(/[,.]/u);
    return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  });

/** Grams as typed ("20"); empty means not weighed. */
export const GramsText = z
  .string()
  .trim()
  .regex(/^(?:[1-9]\d{0,5})?$/u, { error: 'outgoing.errors.mass' })
  .transform((text) => (text === '' ? null : Number(text)));

/** An accepted reply (czystopis) put in the outgoing register, and the case closed with it if asked. */
export const DispatchReplyInput = z
  .object({
    replyId: z.uuid(),
    channel: OutgoingChannel,
    addresseeName: Required(300),
    addressLines: Required(1000),
    sentOn: IsoDate,
    postage: ZlotyText.default(null),
    mass: GramsText.default(null),
    trackingNumber: Optional(40).default(null),
    /** Closing the loop: the case ends with this letter (the usual case) unless the clerk says otherwise. */
    closeCase: z.boolean().default(true),
    settlement: Optional(1000).default(null),
  })
  .refine((input) => !input.closeCase || (input.settlement !== null && input.settlement.length >= 3), { path: ['settlement'], error: 'validation.reasonRequired' });
export type DispatchReplyInput = z.input<typeof DispatchReplyInput>;

/**
 * Delivery as the return receipt or the electronic proof says. For the art. 44 fiction the clerk
 * gives the day of the first awizo and the register keeps the deemed day (see `awizoFictionDate`).
 */
export const RecordDeliveryInput = z.discriminatedUnion('kind', [
  z.object({ id: z.uuid(), kind: z.literal('signed'), deliveredOn: IsoDate }),
  z.object({ id: z.uuid(), kind: z.literal('electronic_proof'), deliveredOn: IsoDate }),
  z.object({ id: z.uuid(), kind: z.literal('awizo_fiction'), firstNoticeOn: IsoDate }),
]);
export type RecordDeliveryInput = z.input<typeof RecordDeliveryInput>;

export const RecordReturnInput = z.object({
  id: z.uuid(),
  returnedOn: IsoDate,
  reason: z.string().trim().min(3, { error: 'validation.reasonRequired' }).max(500, { error: 'validation.tooLong500' }),
});
export type RecordReturnInput = z.input<typeof RecordReturnInput>;

export const OutgoingListQuery = z
  .object({
    from: IsoDate,
    to: IsoDate,
    channel: OutgoingChannel.nullable().default(null),
    deskCode: z.string().nullable().default(null),
    /** Only letters whose return receipt or electronic proof has not come back yet. */
    awaitingProof: z.boolean().default(false),
    limit: z.number().int().min(1).max(20_000).default(2000),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], error: 'validation.periodReversed' });
export type OutgoingListQuery = z.input<typeof OutgoingListQuery>;

/**
 * Art. 44 KPA: a letter not collected after two awizo notices is deemed delivered on the last day
 * of the 14-day holding period counted from the first notice; the notice day itself is not
 * counted (art. 57 § 1). 🧠 The 14 days follow domain.md §4.1; the end is not moved off a holiday.
 */
export function awizoFictionDate(firstNoticeOn: string): string {
  return addDays(firstNoticeOn, 14);
}

/** Most letters one set of labels or envelopes may hold: a day's post of a large desk. */
export const MAX_PRINTED_LETTERS = 2000;

/**
 * The desk's postal papers: the dispatch book of a day's registered post (PDF or CSV, the desk's
 * own by default), address labels from a position on a half-used sheet, envelopes DL or C5.
 */
export const OutgoingPrintRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dispatchBook'), date: IsoDate, format: z.enum(['pdf', 'csv']), deskCode: z.string().nullable().default(null) }),
  z.object({
    kind: z.literal('labels'),
    ids: z.array(z.uuid()).min(1, { error: 'outgoing.errors.nothingChosen' }).max(MAX_PRINTED_LETTERS),
    position: z.number().int().min(1, { error: 'validation.labelPosition' }).max(24, { error: 'validation.labelPosition' }).default(1),
  }),
  z.object({ kind: z.literal('envelopes'), ids: z.array(z.uuid()).min(1, { error: 'outgoing.errors.nothingChosen' }).max(MAX_PRINTED_LETTERS), format: z.enum(['DL', 'C5']) }),
]);
export type OutgoingPrintRequest = z.input<typeof OutgoingPrintRequest>;
