import type { Database } from 'better-sqlite3';
import type { Correspondent } from '../../../../shared/correspondents.ts';
import { toFtsQuery } from '../fts-query.ts';

interface CorrespondentRecord {
  id: string;
  kind: Correspondent['kind'];
  name: string;
  pesel: string | null;
  nip: string | null;
  regon: string | null;
  krs: string | null;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  country: string;
  email: string | null;
  ade: string | null;
  epuap: string | null;
  phone: string | null;
}

/** Inserts or updates by id; returns the stored entry. */
export function saveCorrespondent(db: Database, c: Correspondent, now: string): Correspondent {
  db.prepare(
    `INSERT INTO correspondents (id, kind, name, pesel, nip, regon, krs, street, postal_code, city, country, email, ade, epuap, phone, created_at, updated_at)
     VALUES (@id, @kind, @name, @pesel, @nip, @regon, @krs, @street, @postalCode, @city, @country, @email, @ade, @epuap, @phone, @now, @now)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, pesel = excluded.pesel, nip = excluded.nip,
       regon = excluded.regon, krs = excluded.krs, street = excluded.street, postal_code = excluded.postal_code,
       city = excluded.city, country = excluded.country, email = excluded.email, ade = excluded.ade,
       epuap = excluded.epuap, phone = excluded.phone, updated_at = excluded.updated_at`,
  ).run({ ...c, now });
  return getCorrespondent(db, c.id) ?? c;
}

export function getCorrespondent(db: Database, id: string): Correspondent | null {
  const record = db.prepare<[string], CorrespondentRecord>('SELECT * FROM correspondents WHERE id = ?').get(id);
  return record ? toCorrespondent(record) : null;
}

/** As-you-type lookup by name, city or identifier prefix, diacritics optional. */
export function searchCorrespondents(db: Database, text: string, limit: number): Correspondent[] {
  const match = toFtsQuery(text);
  if (match === null) return [];
  return db
    .prepare<[string, number], CorrespondentRecord>(
      `SELECT c.* FROM correspondents_fts f JOIN correspondents c ON c.correspondent_no = f.rowid
        WHERE correspondents_fts MATCH ? ORDER BY f.rank LIMIT ?`,
    )
    .all(match, limit)
    .map(toCorrespondent);
}

function toCorrespondent(r: CorrespondentRecord): Correspondent {
  return {
    id: r.id, kind: r.kind, name: r.name, pesel: r.pesel, nip: r.nip, regon: r.regon, krs: r.krs,
    street: r.street, postalCode: r.postal_code, city: r.city, country: r.country, email: r.email,
    ade: r.ade, epuap: r.epuap, phone: r.phone,
  };
}
