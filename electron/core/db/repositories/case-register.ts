import type { Database } from 'better-sqlite3';
import { jrwaOwnerOf } from './cases.ts';

/** What heads a spis spraw besides the numbers (domain.md §3.3). */
export interface CaseRegisterHeading {
  readonly unitName: string;
  /** Null when the unit's JRWA has no such class. */
  readonly jrwaHeading: string | null;
}

/**
 * The unit's name and the class's hasło, or null for an unknown unit. The hasło is the one of the
 * latest JRWA version in force by the end of the year, so a class renamed mid-year prints under
 * its later name, and a class dropped from a newer list still prints under the name it had.
 */
export function caseRegisterHeading(db: Database, args: { unitCode: string; jrwaSymbol: string; year: number }): CaseRegisterHeading | null {
  const unitName = db.prepare<[string], string>('SELECT name FROM units WHERE code = ?').pluck().get(args.unitCode);
  if (unitName === undefined) return null;
  const owner = jrwaOwnerOf(db, args.unitCode);
  const jrwaHeading = owner === null ? undefined : db
    .prepare<[string, string, string], string>(
      `SELECT c.heading FROM jrwa_classes c JOIN jrwa_versions v ON v.version_id = c.version_id
       WHERE v.owner_code = ? AND c.symbol = ? AND v.valid_from <= ?
       ORDER BY v.valid_from DESC LIMIT 1`,
    )
    .pluck()
    .get(owner, args.jrwaSymbol, `${String(args.year)}-12-31`);
  return { unitName, jrwaHeading: jrwaHeading ?? null };
}
