import { z } from 'zod';
import { officeIsoDate } from './dates.ts';

/**
 * The incoming register (rejestr przesyłek wpływających, RPW): what the registry desk records
 * for every letter. Field rules follow domain.md §3.1; messages are i18n keys.
 */

export const Channel = z.enum(['post', 'in_person', 'courier', 'email', 'epuap', 'e_delivery', 'fax']);
export type Channel = z.infer<typeof Channel>;
/** Paper arrives by these; electronic items never get a label or a place in the skład chronologiczny. */
export const paperChannels: readonly Channel[] = ['post', 'in_person', 'courier', 'fax'];

export const AccessLevel = z.enum(['public', 'restricted']);
export type AccessLevel = z.infer<typeof AccessLevel>;

export const ItemStatus = z.enum(['registered', 'cancelled']);
export type ItemStatus = z.infer<typeof ItemStatus>;

export const IsoDate = z.iso.date({ error: 'validation.date' });
export const IsoDateTime = z.iso.datetime({ offset: true, error: 'validation.dateTime' });

/**
 * A text the law lets the clerk leave as "brak danych" (not determinable): null means exactly
 * that, and is shown as "brak danych"; an empty string is never stored.
 */
const OptionalFact = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `validation.tooLong${String(max)}` })
    .nullable()
    .transform((value) => (value === '' ? null : value));

const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `validation.tooLong${String(max)}` })
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .default(null);

export const SenderInput = z.object({
  /** Address-book entry the clerk picked; null for a one-off sender. */
  correspondentId: z.uuid().nullable().default(null),
  /** Name as written on the letter; null = brak danych. */
  name: OptionalFact(300),
  address: OptionalText(500),
});

export const RegisterItemInput = z
  .object({
    receivedAt: IsoDateTime,
    channel: Channel,
    /** Date of the postmark, for post only; informational (the date received counts, KPA). */
    postedOn: IsoDate.nullable().default(null),
    sender: SenderInput,
    senderReference: OptionalFact(100),
    letterDate: IsoDate.nullable(),
    subject: OptionalFact(500),
    attachmentsCount: z.number({ error: 'validation.number' }).int({ error: 'validation.integer' }).min(0, { error: 'validation.nonNegative' }).max(9999, { error: 'validation.tooMany' }),
    personalDelivery: z.boolean().default(false),
    accessLevel: AccessLevel.default('public'),
    originalLocation: OptionalText(200),
    postalTrackingNumber: OptionalText(40),
    notes: OptionalText(2000),
  })
  .superRefine((item, ctx) => {
    // The Polish day of receipt: "…Z" timestamps near midnight belong to the next day in Poland.
    const receivedOn = officeIsoDate(new Date(item.receivedAt));
    if (item.postedOn !== null && item.channel !== 'post') {
      ctx.addIssue({ code: 'custom', path: ['postedOn'], message: 'validation.postedOnPostOnly' });
    }
    if (item.postedOn !== null && item.postedOn > receivedOn) {
      ctx.addIssue({ code: 'custom', path: ['postedOn'], message: 'validation.postedAfterReceived' });
    }
    if (item.letterDate !== null && item.letterDate > receivedOn) {
      ctx.addIssue({ code: 'custom', path: ['letterDate'], message: 'validation.letterAfterReceived' });
    }
  });
export type RegisterItemInput = z.input<typeof RegisterItemInput>;
export type RegisterItem = z.output<typeof RegisterItemInput>;

export const IncomingItem = z.object({
  id: z.uuid(),
  rpwNumber: z.string(),
  deskCode: z.string(),
  year: z.number().int(),
  sequence: z.number().int().positive(),
  receivedAt: z.string(),
  channel: Channel,
  postedOn: z.string().nullable(),
  correspondentId: z.string().nullable(),
  senderName: z.string().nullable(),
  senderAddress: z.string().nullable(),
  senderReference: z.string().nullable(),
  letterDate: z.string().nullable(),
  subject: z.string().nullable(),
  attachmentsCount: z.number().int(),
  personalDelivery: z.boolean(),
  accessLevel: AccessLevel,
  originalLocation: z.string().nullable(),
  postalTrackingNumber: z.string().nullable(),
  notes: z.string().nullable(),
  status: ItemStatus,
  cancelReason: z.string().nullable(),
  registeredAt: z.string(),
  registeredBy: z.string(),
  /** For following the letter on the public tracking page; printed on the receipt with the PIN. */
  trackingCode: z.string(),
  trackingPin: z.string(),
});
export type IncomingItem = z.infer<typeof IncomingItem>;

export const ItemEventKind = z.enum(['registered', 'cancelled', 'routed', 'assigned', 'accepted', 'returned', 'reply_sent', 'reply_delivered', 'reply_undelivered']);
export const ItemEvent = z.object({
  at: z.string(),
  actor: z.string(),
  /** The actor's post at the time (stanowisko); null for entries made before posts were kept. */
  actorPost: z.string().nullable().default(null),
  kind: ItemEventKind,
  details: z.record(z.string(), z.unknown()),
});
export type ItemEvent = z.infer<typeof ItemEvent>;

export const ItemDetail = z.object({ item: IncomingItem, events: z.array(ItemEvent) });
export type ItemDetail = z.infer<typeof ItemDetail>;

export const CancelItemInput = z.object({
  id: z.uuid(),
  reason: z.string().trim().min(3, { error: 'validation.reasonRequired' }).max(500, { error: 'validation.tooLong500' }),
});

export const ListItemsQuery = z.object({
  /** Free text: words are matched as prefixes, with or without Polish diacritics. */
  text: z.string().trim().max(200).default(''),
  from: IsoDate.nullable().default(null),
  to: IsoDate.nullable().default(null),
  channel: Channel.nullable().default(null),
  status: ItemStatus.nullable().default(null),
  deskCode: z.string().nullable().default(null),
  /** Keyset cursor from the previous page's `next`: the register is read newest entry first. */
  before: z.number().int().positive().nullable().default(null),
  limit: z.number().int().min(1).max(500).default(100),
});
export type ListItemsQuery = z.input<typeof ListItemsQuery>;

export const ItemRow = IncomingItem.pick({
  id: true,
  rpwNumber: true,
  receivedAt: true,
  channel: true,
  senderName: true,
  subject: true,
  status: true,
  deskCode: true,
  attachmentsCount: true,
});
export type ItemRow = z.infer<typeof ItemRow>;

export const ItemPage = z.object({
  rows: z.array(ItemRow),
  next: z.number().int().positive().nullable(),
  total: z.number().int().nonnegative(),
  /** False when a text search stopped counting at `total` (there are more). */
  totalExact: z.boolean(),
});
export type ItemPage = z.infer<typeof ItemPage>;

/** `RPW/KO/123/2026`: readable without devices (domain.md §3.1), and what the Code 128 carries. */
export function formatRpwNumber(deskCode: string, sequence: number, year: number): string {
  return `RPW/${deskCode}/${String(sequence)}/${String(year)}`;
}

/**
 * The parts of an RPW number as formatRpwNumber writes it — read back from a label's barcode or
 * typed by a clerk (surrounding spaces and lower case forgiven) — or null when it is not one.
 */
export function parseRpwNumber(text: string): { deskCode: string; sequence: number; year: number; rpwNumber: string } | null {
  const match = /^RPW\/([A-Z0-9][A-Z0-9-]*)\/([1-9]\d{0,8})\/(\d{4})$/u.exec(text.trim().toUpperCase());
  if (!match) return null;
  const [, deskCode = '', sequence = '', year = ''] = match;
  return { deskCode, sequence: Number(sequence), year: Number(year), rpwNumber: formatRpwNumber(deskCode, Number(sequence), Number(year)) };
}
