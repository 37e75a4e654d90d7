import type { Database } from 'better-sqlite3';
import { checkJrwa, parentSymbol, type JrwaClass, type JrwaClassData, type JrwaProblem } from '../../../../shared/organisation/jrwa.ts';

export interface JrwaImport {
  readonly ownerCode: string;
  readonly name: string;
  readonly validFrom: string;
  readonly classes: readonly JrwaClassData[];
}

/** Stores a new JRWA version for an owning unit; a list that does not hold together is refused whole. */
/** The same list for many owners in one transaction (the demo city: the urząd and every municipal unit). */
export function importJrwaForOwners(db: Database, args: Omit<JrwaImport, 'ownerCode'> & { ownerCodes: readonly string[] }, at: string): number {
  let imported = 0;
  db.transaction(() => {
    for (const ownerCode of args.ownerCodes) if ('versionId' in importJrwa(db, { ...args, ownerCode }, at)) imported += 1;
  })();
  return imported;
}

export function importJrwa(db: Database, args: JrwaImport, at: string): { versionId: number } | { problems: JrwaProblem[] } {
  const problems = checkJrwa(args.classes);
  if (!db.prepare('SELECT 1 FROM units WHERE code = ?').get(args.ownerCode)) problems.unshift({ line: 0, message: 'jrwa.unknownOwner' });
  if (problems.length > 0) return { problems };
  const run = db.transaction(() => {
    const { lastInsertRowid } = db
      .prepare('INSERT INTO jrwa_versions (owner_code, name, valid_from, imported_at) VALUES (?, ?, ?, ?)')
      .run(args.ownerCode, args.name, args.validFrom, at);
    const insert = db.prepare('INSERT INTO jrwa_classes (version_id, symbol, heading, category, category_other, notes) VALUES (?, ?, ?, ?, ?, ?)');
    for (const c of args.classes) insert.run(lastInsertRowid, c.symbol, c.heading, c.category, c.categoryOther, c.notes);
    return { versionId: Number(lastInsertRowid) };
  });
  return run.immediate();
}

/** The version in force for an owner on a date: the latest one that took effect by then. */
function versionInForce(db: Database, ownerCode: string, date: string): number | null {
  return db
    .prepare<[string, string], number>('SELECT version_id FROM jrwa_versions WHERE owner_code = ? AND valid_from <= ? ORDER BY valid_from DESC LIMIT 1')
    .pluck()
    .get(ownerCode, date) ?? null;
}

interface ClassRecord {
  symbol: string;
  heading: string;
  category: string | null;
  category_other: string | null;
  notes: string | null;
  local_addition: number;
  has_children: number;
}

/** The classes in force for an owner, in symbol order, each saying whether it takes cases. */
export function jrwaClasses(db: Database, ownerCode: string, date: string): JrwaClass[] {
  const versionId = versionInForce(db, ownerCode, date);
  if (versionId === null) return [];
  return db
    .prepare<[number], ClassRecord>(
      `SELECT c.*, EXISTS (SELECT 1 FROM jrwa_classes k WHERE k.version_id = c.version_id AND k.symbol LIKE c.symbol || '_') AS has_children
       FROM jrwa_classes c WHERE c.version_id = ? ORDER BY c.symbol`,
    )
    .all(versionId)
    .map((r) => ({
      symbol: r.symbol,
      heading: r.heading,
      parentSymbol: parentSymbol(r.symbol),
      category: r.category,
      categoryOther: r.category_other,
      notes: r.notes,
      localAddition: r.local_addition === 1,
      takesCases: r.has_children === 0 && r.category !== null,
    }));
}

/**
 * Adds the organisation's own class to the version in force (art. 6 ust. 2d): under an existing
 * parent, never over an existing symbol.
 */
export function addLocalJrwaClass(db: Database, ownerCode: string, date: string, c: JrwaClassData): { ok: true } | { problem: string } {
  const versionId = versionInForce(db, ownerCode, date);
  if (versionId === null) return { problem: 'jrwa.noVersion' };
  const run = db.transaction((): { ok: true } | { problem: string } => {
    const exists = db.prepare('SELECT 1 FROM jrwa_classes WHERE version_id = ? AND symbol = ?');
    if (exists.get(versionId, c.symbol)) return { problem: 'jrwa.duplicateSymbol' };
    const parent = parentSymbol(c.symbol);
    if (parent !== null) {
      if (!exists.get(versionId, parent)) return { problem: 'jrwa.missingParent' };
    }
    db.prepare('INSERT INTO jrwa_classes (version_id, symbol, heading, category, category_other, notes, local_addition) VALUES (?, ?, ?, ?, ?, ?, 1)')
      .run(versionId, c.symbol, c.heading, c.category, c.categoryOther, c.notes);
    return { ok: true };
  });
  return run.immediate();
}
