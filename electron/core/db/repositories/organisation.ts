import type { Database } from 'better-sqlite3';
import type { Role } from '../../../../shared/sync/protocol.ts';
import type { OrganisationData, Person, Unit, UnitKind } from '../../../../shared/organisation/organisation.ts';

export interface UnitRow extends Unit {
  readonly depth: number;
  readonly active: boolean;
}

export interface PersonRow extends Person {
  readonly active: boolean;
}

/**
 * Replaces the organisation with `data` in one transaction. What the file no longer lists is
 * marked inactive, never deleted: registers and metryka keep pointing at old units and people.
 */
export function replaceOrganisation(db: Database, data: OrganisationData): { units: number; people: number; desks: number } {
  const run = db.transaction(() => {
    db.prepare('UPDATE units SET active = 0').run();
    db.prepare('UPDATE people SET active = 0').run();
    const unit = db.prepare(
      `INSERT INTO units (code, name, kind, parent_code, position, active) VALUES (?, ?, ?, ?, ?, 1)
       ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind, parent_code = excluded.parent_code, position = excluded.position, active = 1`,
    );
    data.units.forEach((u, i) => unit.run(u.code, u.name, u.kind, u.parentCode, i));
    const person = db.prepare(
      `INSERT INTO people (login, display_name, post, unit_code, active) VALUES (?, ?, ?, ?, 1)
       ON CONFLICT (login) DO UPDATE SET display_name = excluded.display_name, post = excluded.post, unit_code = excluded.unit_code, active = 1`,
    );
    const role = db.prepare('INSERT INTO person_roles (login, role) VALUES (?, ?)');
    db.prepare('DELETE FROM person_roles').run();
    for (const p of data.people) {
      person.run(p.login, p.displayName, p.post, p.unitCode);
      for (const r of new Set(p.roles)) role.run(p.login, r);
    }
    db.prepare('DELETE FROM substitutions').run();
    const substitution = db.prepare('INSERT OR IGNORE INTO substitutions (absent_login, substitute_login, from_date, to_date) VALUES (?, ?, ?, ?)');
    for (const s of data.substitutions) substitution.run(s.absentLogin, s.substituteLogin, s.from, s.to);
    const desk = db.prepare(
      `INSERT INTO desks (code, name, created_at, unit_code) VALUES (?, ?, datetime('now'), ?)
       ON CONFLICT (code) DO UPDATE SET name = excluded.name, unit_code = excluded.unit_code`,
    );
    for (const d of data.desks) desk.run(d.code, d.name, d.unitCode);
    return { units: data.units.length, people: data.people.length, desks: data.desks.length };
  });
  return run.immediate();
}

interface UnitRecord {
  code: string;
  name: string;
  kind: UnitKind;
  parent_code: string | null;
  depth: number;
  active: number;
}

/** Active units in tree order (each parent before its children, siblings in file order). */
export function listUnits(db: Database): UnitRow[] {
  return db
    .prepare<[], UnitRecord>(
      `WITH RECURSIVE tree (code, name, kind, parent_code, depth, active, path) AS (
         SELECT code, name, kind, parent_code, 0, active, printf('%06d', position) FROM units WHERE parent_code IS NULL AND active = 1
         UNION ALL
         SELECT u.code, u.name, u.kind, u.parent_code, t.depth + 1, u.active, t.path || '.' || printf('%06d', u.position)
         FROM units u JOIN tree t ON u.parent_code = t.code WHERE u.active = 1
       )
       SELECT code, name, kind, parent_code, depth, active FROM tree ORDER BY path`,
    )
    .all()
    .map((r) => ({ code: r.code, name: r.name, kind: r.kind, parentCode: r.parent_code, depth: r.depth, active: r.active === 1 }));
}

interface PersonRecord {
  login: string;
  display_name: string;
  post: string;
  unit_code: string;
  active: number;
  roles: string;
}

/** Active people, optionally of one unit (its sections included) or with one role. */
export function listPeople(db: Database, filter: { unitCode: string | null; role: Role | null }): PersonRow[] {
  return db
    .prepare<[string | null, string | null, string | null, string | null], PersonRecord>(
      `WITH RECURSIVE scope (code) AS (
         SELECT code FROM units WHERE code = ?
         UNION ALL SELECT u.code FROM units u JOIN scope s ON u.parent_code = s.code
       )
       SELECT p.login, p.display_name, p.post, p.unit_code, p.active,
              (SELECT json_group_array(role) FROM person_roles r WHERE r.login = p.login) AS roles
       FROM people p
       WHERE p.active = 1
         AND (? IS NULL OR p.unit_code IN (SELECT code FROM scope))
         AND (? IS NULL OR EXISTS (SELECT 1 FROM person_roles r WHERE r.login = p.login AND r.role = ?))
       ORDER BY p.display_name COLLATE NOCASE`,
    )
    .all(filter.unitCode, filter.unitCode, filter.role, filter.role)
    .map(toPerson);
}

export function getPerson(db: Database, login: string): PersonRow | null {
  const record = db
    .prepare<[string], PersonRecord>(
      `SELECT p.login, p.display_name, p.post, p.unit_code, p.active,
              (SELECT json_group_array(role) FROM person_roles r WHERE r.login = p.login) AS roles
       FROM people p WHERE p.login = ?`,
    )
    .get(login.trim().toLowerCase());
  return record ? toPerson(record) : null;
}

/**
 * Who and what a letter of a case names, in one call (a reply is drawn often while edited): the
 * handler, the unit's head (who signs), and the unit's name.
 */
export function letterPeople(db: Database, args: { unitCode: string; handlerLogin: string | null }): { handler: PersonRow | null; head: PersonRow | null; unitName: string | null } {
  const unitName = db.prepare<[string], string>('SELECT name FROM units WHERE code = ?').pluck().get(args.unitCode) ?? null;
  const [head] = listPeople(db, { unitCode: args.unitCode, role: 'unit_head' });
  return { handler: args.handlerLogin === null ? null : getPerson(db, args.handlerLogin), head: head ?? null, unitName };
}

/** Whom `login` stands in for on `date` (zastępstwa): their inboxes are theirs to work too. */
export function substitutingFor(db: Database, login: string, date: string): string[] {
  return db
    .prepare<[string, string, string], string>(
      'SELECT absent_login FROM substitutions WHERE substitute_login = ? AND from_date <= ? AND to_date >= ? ORDER BY absent_login',
    )
    .pluck()
    .all(login, date, date);
}

export function organisationSize(db: Database): { units: number; people: number } {
  return {
    units: db.prepare<[], number>('SELECT count(*) FROM units WHERE active = 1').pluck().get() ?? 0,
    people: db.prepare<[], number>('SELECT count(*) FROM people WHERE active = 1').pluck().get() ?? 0,
  };
}

function toPerson(r: PersonRecord): PersonRow {
  return {
    login: r.login,
    displayName: r.display_name,
    post: r.post,
    unitCode: r.unit_code,
    roles: (JSON.parse(r.roles) as Role[]).sort(),
    active: r.active === 1,
  };
}
