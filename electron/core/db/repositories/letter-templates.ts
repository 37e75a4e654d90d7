import type { Database } from 'better-sqlite3';
import type { LetterTemplate, ParsedTemplateInput } from '../../../../shared/replies/templates.ts';

/** A stored template version as SQLite returns it (replies.ts sends it whole to other desks). */
export interface TemplateRow {
  id: string;
  version: number;
  unit_code: string;
  name: string;
  place: string;
  letterhead: string;
  body: string;
  signature: string;
  saved_at: string;
  saved_by: string;
}

const COLUMNS = 'id, version, unit_code, name, place, letterhead, body, signature, saved_at, saved_by';

function toTemplate(row: TemplateRow): LetterTemplate {
  return {
    id: row.id, version: row.version, unitCode: row.unit_code, name: row.name, place: row.place,
    letterhead: row.letterhead, body: row.body, signature: row.signature, savedAt: row.saved_at, savedBy: row.saved_by,
  };
}

/**
 * Saves a template as its next version (the first for a new id). A save that changes nothing adds
 * no version: the list of versions stays a list of real edits. The text was checked by the caller.
 */
export function saveLetterTemplate(db: Database, args: { id: string; input: ParsedTemplateInput; at: string; by: string }): LetterTemplate {
  const run = db.transaction((): LetterTemplate => {
    const latest = latestVersion(db, args.id);
    const { input } = args;
    if (latest && latest.unitCode === input.unitCode && latest.name === input.name && latest.place === input.place
      && latest.letterhead === input.letterhead && latest.body === input.body && latest.signature === input.signature) return latest;
    const version = (latest?.version ?? 0) + 1;
    db.prepare(`INSERT INTO letter_templates (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(args.id, version, input.unitCode, input.name, input.place, input.letterhead, input.body, input.signature, args.at, args.by);
    const saved = latestVersion(db, args.id);
    if (!saved) throw new Error(`template ${args.id} vanished inside its own transaction`);
    return saved;
  });
  return run.immediate();
}

function latestVersion(db: Database, id: string): LetterTemplate | null {
  const row = db.prepare<[string], TemplateRow>(`SELECT ${COLUMNS} FROM letter_templates WHERE id = ? ORDER BY version DESC LIMIT 1`).get(id);
  return row ? toTemplate(row) : null;
}

/** One version, or the latest with `version` null. */
export function letterTemplate(db: Database, id: string, version: number | null): LetterTemplate | null {
  if (version === null) return latestVersion(db, id);
  const row = db.prepare<[string, number], TemplateRow>(`SELECT ${COLUMNS} FROM letter_templates WHERE id = ? AND version = ?`).get(id, version);
  return row ? toTemplate(row) : null;
}

/** Every version of a template, newest first. */
export function letterTemplateVersions(db: Database, id: string): LetterTemplate[] {
  return db.prepare<[string], TemplateRow>(`SELECT ${COLUMNS} FROM letter_templates WHERE id = ? ORDER BY version DESC`).all(id).map(toTemplate);
}

/**
 * The templates a unit may write with, latest versions: its own first, then those of the units
 * above it (a referat uses its wydział's and the urząd's), each group by name. All units with null.
 */
export function letterTemplatesFor(db: Database, unitCode: string | null): LetterTemplate[] {
  return db
    .prepare<[string | null, string | null], TemplateRow>(
      `WITH RECURSIVE up (code, depth) AS (
         SELECT code, 0 FROM units WHERE code = ?
         UNION ALL SELECT u.parent_code, up.depth + 1 FROM units u JOIN up ON u.code = up.code WHERE u.parent_code IS NOT NULL
       )
       SELECT ${COLUMNS.split(', ').map((c) => `t.${c}`).join(', ')}
       FROM letter_templates t
       LEFT JOIN up ON up.code = t.unit_code
       WHERE t.version = (SELECT max(version) FROM letter_templates v WHERE v.id = t.id)
         AND (? IS NULL OR up.code IS NOT NULL)
       ORDER BY coalesce(up.depth, 0), t.unit_code, t.name COLLATE NOCASE`,
    )
    .all(unitCode, unitCode)
    .map(toTemplate);
}
