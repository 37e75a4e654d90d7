import type { SessionUser } from '../../shared/sync/protocol.ts';
import type { Sql } from '../db/database.ts';
import { unitWithin } from './unit-tree.ts';

/**
 * Who sees a register entry, as the change log scopes it (sync_push_register, migration 7): a
 * public letter everyone signed in; a restricted one its desk's unit (or, at a desk with no unit,
 * nobody but the roles that see everything) and every unit it was routed to (`also_units`,
 * migration 16). Whatever hangs on a letter (its documents) is scoped the same, so it never
 * reaches a desk that does not have the letter.
 */

/** Roles whose scope is the whole city hall (pull.ts reads the same list). */
export const SEE_ALL: readonly SessionUser['role'][] = ['admin', 'supervisor', 'registry_clerk'];

/** Roles that may add to any letter (the registry desk imports the scans of what it registers). */
const ACT_ON_ALL: readonly SessionUser['role'][] = ['admin', 'registry_clerk'];

export interface ItemScope {
  /** The change log's scope_unit for the letter and what hangs on it; null: everyone. */
  readonly scopeUnit: string | null;
  /** A restricted letter's units it was routed to (none for a public one: everyone sees it). */
  readonly alsoUnits: readonly string[];
  readonly deskUnit: string | null;
}

/** The scope of a letter, or null when the server does not have it. */
export async function itemScope(tx: Sql, itemId: string): Promise<ItemScope | null> {
  const [row] = await tx.query<{ scope_unit: string | null; also_units: string[]; desk_unit: string | null }>(
    `SELECT CASE WHEN i.item->>'accessLevel' IS DISTINCT FROM 'public' THEN coalesce(d.unit_code, '__restricted__') END AS scope_unit,
            CASE WHEN i.item->>'accessLevel' IS DISTINCT FROM 'public'
                 THEN ARRAY(SELECT DISTINCT r.unit_code FROM item_routes r WHERE r.item_id = i.id ORDER BY r.unit_code) ELSE '{}' END AS also_units,
            d.unit_code AS desk_unit
       FROM incoming_items i LEFT JOIN desks d ON d.code = i.desk_code WHERE i.id = $1`,
    [itemId],
  );
  return row ? { scopeUnit: row.scope_unit, alsoUnits: row.also_units, deskUnit: row.desk_unit } : null;
}

/** Whether a change with this scope reaches the user (the same test as the pull's: their unit or one of its sections). */
export async function scopeReaches(tx: Sql, scope: Pick<ItemScope, 'scopeUnit' | 'alsoUnits'>, user: SessionUser): Promise<boolean> {
  if (scope.scopeUnit === null || SEE_ALL.includes(user.role)) return true;
  for (const unit of [scope.scopeUnit, ...scope.alsoUnits]) {
    if (await unitWithin(tx, unit, user.unitCode)) return true;
  }
  return false;
}

/**
 * Whether the user may add to a letter (attach a document): registry clerks and admins always;
 * anyone else only when they see the letter and it is their unit's — its desk's unit, or a unit
 * it was routed to (their own or one of its sections).
 */
export async function mayActOnItem(tx: Sql, user: SessionUser, itemId: string): Promise<'ok' | 'not_found' | 'forbidden'> {
  const scope = await itemScope(tx, itemId);
  if (scope === null) return 'not_found';
  if (ACT_ON_ALL.includes(user.role)) return 'ok';
  if (!(await scopeReaches(tx, scope, user))) return 'not_found';
  const routed = await tx.query<{ unit_code: string }>('SELECT DISTINCT unit_code FROM item_routes WHERE item_id = $1', [itemId]);
  const units = [...routed.map((r) => r.unit_code), ...(scope.deskUnit === null ? [] : [scope.deskUnit])];
  for (const unit of units) {
    if (await unitWithin(tx, unit, user.unitCode)) return 'ok';
  }
  return 'forbidden';
}
