import { z } from 'zod';
import { Role } from '../sync/protocol.ts';

/**
 * The organisation the workstation works in: the city hall (urząd) with its departments
 * (wydziały, biura) and their sections (referaty), and the municipal units (jednostki
 * organizacyjne: MZD, Straż Miejska, MOPR, schools…) with theirs. Messages are i18n keys.
 */

/** Letters, digits and Polish capitals, joined by `-` for a sub-unit (`GN-I`): domain.md §3.4. */
export const UnitCode = z
  .string()
  .trim()
  .regex(/^[A-ZĄĆĘŁŃÓŚŹŻ0-9]{1,10}(?:-[A-ZĄĆĘŁŃÓŚŹŻ0-9]{1,10})*$/u, { error: 'validation.unitCode' });

export const UnitKind = z.enum([
  /** The urząd miasta itself: the root, with its own JRWA. */
  'office',
  /** A wydział or biuro of the urząd. */
  'department',
  /** A jednostka organizacyjna of the city, a separate employer with its own JRWA. */
  'municipal_unit',
  /** A referat, dział or zespół inside a department or a municipal unit. */
  'section',
]);
export type UnitKind = z.infer<typeof UnitKind>;

/** Units whose JRWA is their own (domain.md §3.7: each separate legal unit has its own list). */
export const JRWA_OWNERS: readonly UnitKind[] = ['office', 'municipal_unit'];

export const Unit = z.object({
  code: UnitCode,
  name: z.string().trim().min(1, { error: 'validation.required' }).max(200, { error: 'validation.tooLong200' }),
  kind: UnitKind,
  parentCode: UnitCode.nullable().default(null),
});
export type Unit = z.infer<typeof Unit>;

export const Person = z.object({
  login: z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{2,64}$/u, { error: 'validation.login' }),
  displayName: z.string().trim().min(1, { error: 'validation.required' }).max(200, { error: 'validation.tooLong200' }),
  /** Stanowisko, as the metryka must record it at the time of each action. */
  post: z.string().trim().min(1, { error: 'validation.required' }).max(200, { error: 'validation.tooLong200' }),
  unitCode: UnitCode,
  roles: z.array(Role).min(1, { error: 'validation.required' }),
});
export type Person = z.infer<typeof Person>;

export const Desk = z.object({
  code: z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,15}$/u, { error: 'validation.deskCode' }),
  name: z.string().trim().min(1).max(200),
  unitCode: UnitCode,
});
export type Desk = z.infer<typeof Desk>;

export const Substitution = z.object({
  /** Who is away. */
  absentLogin: z.string(),
  /** Who acts for them (zastępstwo). */
  substituteLogin: z.string(),
  from: z.iso.date({ error: 'validation.date' }),
  to: z.iso.date({ error: 'validation.date' }),
});
export type Substitution = z.infer<typeof Substitution>;

/**
 * A whole organisation as a file (JSON import, the demo, later the server's copy). Checked as a
 * whole: parents exist and form no cycle, people and desks belong to known units, logins unique.
 */
export const OrganisationData = z
  .object({
    units: z.array(Unit).min(1),
    people: z.array(Person).default([]),
    desks: z.array(Desk).default([]),
    substitutions: z.array(Substitution).default([]),
  })
  .superRefine((org, ctx) => {
    const codes = new Map(org.units.map((u) => [u.code, u]));
    if (codes.size !== org.units.length) ctx.addIssue({ code: 'custom', path: ['units'], message: 'validation.duplicateUnit' });
    org.units.forEach((unit, i) => {
      if (unit.parentCode !== null && !codes.has(unit.parentCode)) ctx.addIssue({ code: 'custom', path: ['units', i, 'parentCode'], message: 'validation.unknownUnit' });
      // Walk up: a cycle never reaches a root.
      const seen = new Set<string>();
      for (let at: Unit | undefined = unit; at?.parentCode; at = codes.get(at.parentCode)) {
        if (seen.has(at.code)) {
          ctx.addIssue({ code: 'custom', path: ['units', i, 'parentCode'], message: 'validation.unitCycle' });
          break;
        }
        seen.add(at.code);
      }
    });
    const logins = new Set<string>();
    org.people.forEach((person, i) => {
      if (!codes.has(person.unitCode)) ctx.addIssue({ code: 'custom', path: ['people', i, 'unitCode'], message: 'validation.unknownUnit' });
      if (logins.has(person.login)) ctx.addIssue({ code: 'custom', path: ['people', i, 'login'], message: 'validation.duplicateLogin' });
      logins.add(person.login);
    });
    org.desks.forEach((desk, i) => {
      if (!codes.has(desk.unitCode)) ctx.addIssue({ code: 'custom', path: ['desks', i, 'unitCode'], message: 'validation.unknownUnit' });
    });
    org.substitutions.forEach((s, i) => {
      if (!logins.has(s.absentLogin) || !logins.has(s.substituteLogin)) ctx.addIssue({ code: 'custom', path: ['substitutions', i], message: 'validation.unknownPerson' });
      if (s.to < s.from) ctx.addIssue({ code: 'custom', path: ['substitutions', i, 'to'], message: 'validation.periodReversed' });
    });
  });
export type OrganisationData = z.output<typeof OrganisationData>;
export type OrganisationInput = z.input<typeof OrganisationData>;
