import { z } from 'zod';

/**
 * The address book of senders (persons and institutions). Identifiers are stored as typed:
 * the validators in shared/validators warn about a wrong checksum but never block real mail.
 */
export const CorrespondentKind = z.enum(['person', 'institution']);
export type CorrespondentKind = z.infer<typeof CorrespondentKind>;

const Optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `validation.tooLong${String(max)}` })
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .default(null);

export const CorrespondentInput = z.object({
  /** Present when editing an existing entry. */
  id: z.uuid().nullable().default(null),
  kind: CorrespondentKind,
  name: z.string().trim().min(1, { error: 'validation.required' }).max(300, { error: 'validation.tooLong300' }),
  pesel: Optional(20),
  nip: Optional(20),
  regon: Optional(20),
  krs: Optional(20),
  street: Optional(200),
  postalCode: Optional(10),
  city: Optional(100),
  country: z.string().trim().length(2).default('PL'),
  email: Optional(200),
  ade: Optional(40),
  epuap: Optional(200),
  phone: Optional(40),
});
export type CorrespondentInput = z.input<typeof CorrespondentInput>;

export const Correspondent = z.object({
  id: z.uuid(),
  kind: CorrespondentKind,
  name: z.string(),
  pesel: z.string().nullable(),
  nip: z.string().nullable(),
  regon: z.string().nullable(),
  krs: z.string().nullable(),
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string(),
  email: z.string().nullable(),
  ade: z.string().nullable(),
  epuap: z.string().nullable(),
  phone: z.string().nullable(),
});
export type Correspondent = z.infer<typeof Correspondent>;

export const SearchCorrespondentsQuery = z.object({
  text: z.string().trim().max(200),
  limit: z.number().int().min(1).max(50).default(10),
});

/** One line for the register and the label: "Jan Kowalski, ul. Długa 1, 00-950 Warszawa". */
export function formatPostalAddress(c: Pick<Correspondent, 'street' | 'postalCode' | 'city'>): string | null {
  const place = [c.postalCode, c.city].filter(Boolean).join(' ');
  const parts = [c.street, place].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(', ') : null;
}
