import { z } from 'zod';
import { Role } from '../shared/sync/protocol.ts';
import { createUser } from './auth/sessions.ts';
import type { ServerDb } from './db/database.ts';

const Code = z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,15}$/u);

/** The organisation file IT prepares: units (with their parents), registry desks, people, and zastępstwa. */
export const OrganisationFile = z.object({
  units: z.array(z.object({ code: Code, name: z.string().min(1), parentCode: Code.nullable().default(null) })),
  desks: z.array(z.object({ code: Code, name: z.string().min(1), unitCode: Code.nullable().default(null) })).default([]),
  users: z.array(z.object({
    login: z.string().min(1),
    displayName: z.string().min(1),
    role: Role,
    unitCode: Code.nullable().default(null),
    /** First password, to be changed by the user. */
    password: z.string().min(10),
  })).default([]),
  /**
   * Zastępstwa (days included). When the file has this list it replaces the server's; a file
   * without it leaves them as they are.
   */
  substitutions: z.array(z.object({
    absentLogin: z.string().min(1),
    substituteLogin: z.string().min(1),
    from: z.iso.date(),
    to: z.iso.date(),
  }).refine((s) => s.to >= s.from, { message: 'The substitution ends before it starts', path: ['to'] })
    .refine((s) => s.absentLogin.trim().toLowerCase() !== s.substituteLogin.trim().toLowerCase(), { message: 'Nobody stands in for themselves', path: ['substituteLogin'] }))
    .optional(),
});
export type OrganisationFile = z.input<typeof OrganisationFile>;

/**
 * Imports or updates units and desks by code (parents before children, whatever the file's
 * order), adds users not there yet, and replaces the zastępstwa when the file lists them. One
 * transaction: a bad file changes nothing.
 */
export async function importOrganisation(db: ServerDb, file: z.output<typeof OrganisationFile>): Promise<{ units: number; desks: number; usersAdded: number; substitutions: number | null }> {
  return db.transaction(async (tx) => {
    const pending = [...file.units];
    const known = new Set((await tx.query<{ code: string }>('SELECT code FROM units')).map((r) => r.code));
    while (pending.length > 0) {
      const ready = pending.findIndex((u) => u.parentCode === null || known.has(u.parentCode));
      const unit = pending[ready];
      if (!unit) throw new Error(`Unknown parent unit (or a cycle) for: ${pending.map((u) => u.code).join(', ')}`);
      await tx.query(
        'INSERT INTO units (code, name, parent_code) VALUES ($1, $2, $3) ON CONFLICT (code) DO UPDATE SET name = excluded.name, parent_code = excluded.parent_code',
        [unit.code, unit.name, unit.parentCode],
      );
      known.add(unit.code);
      pending.splice(ready, 1);
    }
    for (const desk of file.desks) {
      await tx.query('INSERT INTO desks (code, name, unit_code) VALUES ($1, $2, $3) ON CONFLICT (code) DO UPDATE SET name = excluded.name, unit_code = excluded.unit_code', [desk.code, desk.name, desk.unitCode]);
    }
    let usersAdded = 0;
    for (const user of file.users) {
      const exists = await tx.query('SELECT 1 FROM users WHERE login = $1', [user.login.trim().toLowerCase()]);
      if (exists.length > 0) continue;
      await createUser(tx, user);
      usersAdded += 1;
    }
    if (file.substitutions !== undefined) {
      await tx.query('DELETE FROM substitutions');
      for (const sub of file.substitutions) {
        await tx.query('INSERT INTO substitutions (absent_login, substitute_login, from_date, to_date) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
          sub.absentLogin.trim().toLowerCase(), sub.substituteLogin.trim().toLowerCase(), sub.from, sub.to,
        ]);
      }
    }
    return { units: file.units.length, desks: file.desks.length, usersAdded, substitutions: file.substitutions?.length ?? null };
  });
}
