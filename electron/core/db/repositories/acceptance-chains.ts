import type { Database } from 'better-sqlite3';
import { officeToday } from '../../../../shared/dates.ts';
import {
  AcceptanceStep, chainProblems, DEFAULT_CHAIN, type AcceptanceChain, type AcceptanceChainInput, type Approver,
} from '../../../../shared/replies/acceptance.ts';
import { statement } from '../statements.ts';
import { Refusal } from './refusal.ts';

interface StepRow {
  approver: AcceptanceStep['approver'];
  login: string | null;
}

/** The chain a unit's replies pass: its own, or the default single step (its head). */
export function acceptanceChain(db: Database, unitCode: string): AcceptanceChain {
  const saved = db.prepare<[string], { saved_at: string; saved_by: string }>('SELECT saved_at, saved_by FROM acceptance_chains WHERE unit_code = ?').get(unitCode);
  if (!saved) return { unitCode, steps: [...DEFAULT_CHAIN], configured: false, savedAt: null, savedBy: null };
  const steps = db.prepare<[string], StepRow>('SELECT approver, login FROM acceptance_steps WHERE unit_code = ? ORDER BY position').all(unitCode).map(toStep);
  return { unitCode, steps, configured: true, savedAt: saved.saved_at, savedBy: saved.saved_by };
}

function toStep(row: StepRow): AcceptanceStep {
  switch (row.approver) {
    case 'unit_head':
    case 'parent_head':
      return { approver: row.approver };
    case 'person':
      return { approver: 'person', login: row.login ?? '' };
  }
}

/**
 * Saves a unit's chain whole (an empty one puts the unit back on the default). Refused with the
 * first problem: an unknown unit, a step the organisation cannot fill, a person not working here.
 */
export function saveAcceptanceChain(db: Database, args: { input: AcceptanceChainInput; at: string; by: string }): AcceptanceChain {
  const run = db.transaction((): AcceptanceChain => {
    const { unitCode, steps } = args.input;
    const unit = db.prepare<[string], { parent_code: string | null }>('SELECT parent_code FROM units WHERE code = ? AND active = 1').get(unitCode);
    if (!unit) throw new Refusal('acceptance.errors.unknownUnit');
    const [problem] = chainProblems(steps, { hasParent: unit.parent_code !== null });
    if (problem) throw new Refusal(problem.key);
    const active = db.prepare<[string], number>('SELECT 1 FROM people WHERE login = ? AND active = 1').pluck();
    if (steps.some((s) => s.approver === 'person' && active.get(s.login) === undefined)) throw new Refusal('acceptance.errors.unknownPerson');
    // A head step in a unit (or above it) with no head would leave every reply stuck there.
    if (steps.some((s) => approversOf(db, s, unitCode, '').length === 0)) throw new Refusal('acceptance.errors.nobody');

    db.prepare('DELETE FROM acceptance_chains WHERE unit_code = ?').run(unitCode);
    if (steps.length > 0) {
      db.prepare('INSERT INTO acceptance_chains (unit_code, saved_at, saved_by) VALUES (?, ?, ?)').run(unitCode, args.at, args.by);
      const insert = db.prepare('INSERT INTO acceptance_steps (unit_code, position, approver, login) VALUES (?, ?, ?, ?)');
      steps.forEach((step, i) => insert.run(unitCode, i + 1, step.approver, step.approver === 'person' ? step.login : null));
    }
    return acceptanceChain(db, unitCode);
  });
  return run.immediate();
}

/** The chain as a reply keeps it from its submission (a JSON copy, read back checked). */
export function parseKeptChain(json: string | null): AcceptanceStep[] {
  if (json === null) return [...DEFAULT_CHAIN];
  // A city has a few distinct chains and every waiting reply carries one of them: checked once each.
  let parsed = keptChains.get(json);
  if (!parsed) {
    const checked = AcceptanceStep.array().min(1).safeParse(JSON.parse(json));
    if (!checked.success) throw new Error('a reply keeps a chain that does not parse');
    parsed = checked.data;
    if (keptChains.size >= 256) keptChains.clear();
    keptChains.set(json, parsed);
  }
  return parsed.map((step) => ({ ...step }));
}
const keptChains = new Map<string, AcceptanceStep[]>();

/**
 * Who may decide `step` of a reply drafted by `drafter` in a case of `unitCode`. A head step goes
 * to the active heads of that unit; where there is none, or the only one drafted the reply, it
 * goes up to the nearest unit above that has another head — never to the drafter: nobody accepts
 * their own draft. A named person decides their step unless they left or drafted the reply, and
 * then their own head does, the same way.
 */
export function approversOf(db: Database, step: AcceptanceStep, unitCode: string, drafter: string, on: string = officeToday()): Approver[] {
  return withSubstitutes(db, namedApprovers(db, step, unitCode, drafter), drafter, on);
}

/**
 * Whoever stands in for an approver today (zastępstwo, set with the organisation) may decide for
 * them: an absent head does not hold replies up. Never the drafter themselves.
 */
function withSubstitutes(db: Database, approvers: readonly Approver[], drafter: string, on: string): Approver[] {
  const substitutes = statement<[string, string, string, string], Approver>(
    db,
    `SELECT p.login, p.display_name AS name, p.post FROM substitutions s JOIN people p ON p.login = s.substitute_login
     WHERE s.absent_login = ? AND s.from_date <= ? AND s.to_date >= ? AND p.active = 1 AND p.login <> ? ORDER BY p.display_name COLLATE NOCASE, p.login`,
  );
  const all = [...approvers];
  const seen = new Set(all.map((a) => a.login));
  for (const approver of approvers) {
    for (const substitute of substitutes.all(approver.login, on, on, drafter)) {
      if (seen.has(substitute.login)) continue;
      seen.add(substitute.login);
      all.push({ ...substitute, substituteFor: approver.name });
    }
  }
  return all;
}

function namedApprovers(db: Database, step: AcceptanceStep, unitCode: string, drafter: string): Approver[] {
  switch (step.approver) {
    case 'unit_head':
      return headsFrom(db, unitCode, drafter);
    case 'parent_head': {
      const parent = parentOf(db, unitCode);
      return parent === null ? [] : headsFrom(db, parent, drafter);
    }
    case 'person': {
      const person = statement<[string], Approver & { unit_code: string; active: number }>(
        db, 'SELECT login, display_name AS name, post, unit_code, active FROM people WHERE login = ? /* approver */',
      ).get(step.login);
      if (!person) return [];
      if (person.active === 1 && person.login !== drafter) return [{ login: person.login, name: person.name, post: person.post }];
      return headsFrom(db, person.unit_code, drafter).filter((h) => h.login !== person.login);
    }
  }
}

function parentOf(db: Database, unitCode: string): string | null {
  return statement<[string], { parent_code: string | null }>(db, 'SELECT parent_code FROM units WHERE code = ? /* approver */').get(unitCode)?.parent_code ?? null;
}

function headsFrom(db: Database, unitCode: string, drafter: string): Approver[] {
  const heads = statement<[string, string], Approver>(
    db,
    `SELECT p.login, p.display_name AS name, p.post FROM people p JOIN person_roles r ON r.login = p.login AND r.role = 'unit_head'
     WHERE p.unit_code = ? AND p.active = 1 AND p.login <> ? ORDER BY p.display_name COLLATE NOCASE, p.login`,
  );
  const seen = new Set<string>();
  for (let code: string | null = unitCode; code !== null && !seen.has(code); code = parentOf(db, code)) {
    seen.add(code);
    const found = heads.all(code, drafter);
    if (found.length > 0) return found;
  }
  return [];
}
