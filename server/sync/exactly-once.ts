import type { MutationResult } from '../../shared/sync/protocol.ts';
import type { Sql } from '../db/database.ts';
import type { ChangeRecord } from './command-context.ts';

/**
 * The exactly-once gate of a push, over the database functions of migration 7 (`sync_claim`,
 * `sync_record`, `sync_refuse`): which command of a client's queue comes next, and recording its
 * result with the changes it made.
 */

export class ForeignClientError extends Error {}

/** One command of one client's queue. */
export interface Gate {
  readonly clientId: string;
  readonly userId: string;
  readonly seq: number;
  readonly name: string;
}

/** A `sync_push_outcome` row as node-postgres and PGlite return it. */
export interface OutcomeRow {
  readonly kind: 'foreign' | 'locked' | 'done' | 'gap' | 'next' | 'recorded';
  readonly last_seq: number;
  readonly status: MutationResult['status'] | null;
  readonly error: MutationResult['error'];
  readonly value: unknown;
  readonly version: number | null;
}

/** What happened to one pushed command. */
export type Outcome =
  | { readonly kind: 'done'; readonly last: number; readonly stored: MutationResult | null }
  | { readonly kind: 'gap'; readonly last: number }
  | { readonly kind: 'applied'; readonly last: number; readonly stored: MutationResult; readonly version: number | null };

/** A refusal recorded as a command's result: the queue moves on past it. */
export interface Refusal {
  readonly status: 'rejected' | 'conflict';
  readonly error: { readonly code: string; readonly message: string };
  readonly value: unknown;
}

/**
 * Locks the client's row for this transaction and says where `seq` stands (null: just the last
 * seq). 'next' has already advanced the sequence: the transaction must record the result.
 */
export async function claim(sql: Sql, clientId: string, userId: string, seq: number | null): Promise<OutcomeRow> {
  const [row] = await sql.query<OutcomeRow>('SELECT * FROM sync_claim($1, $2, $3)', [clientId, userId, seq]);
  if (!row) throw new Error('sync_claim returned nothing');
  if (row.kind === 'foreign') throw new ForeignClientError('client id belongs to another user');
  return row;
}

/**
 * After a 'next' claim: stores the result and logs `changes` under the next version; returns
 * that version, or null when nothing changed. The last statement before COMMIT.
 */
export async function record(sql: Sql, gate: Gate, result: MutationResult, changes: readonly ChangeRecord[]): Promise<number | null> {
  const [row] = await sql.query<{ version: number | null }>('SELECT sync_record($1, $2, $3, $4, $5, $6, $7) AS version', [
    gate.clientId, gate.seq, gate.name, result.status, result.error === null ? null : JSON.stringify(result.error), JSON.stringify(result.value ?? null),
    JSON.stringify(changes.map((c) => ({ entity: c.entity, entity_id: c.id, op: c.op, scope_unit: c.scopeUnit, also_units: c.alsoUnits ?? null, data: c.data }))),
  ]);
  if (!row) throw new Error('sync_record returned nothing');
  return row.version;
}

/** Records a refusal that needed no database work, in one call of its own. */
export async function refuse(sql: Sql, gate: Gate, refusal: Refusal): Promise<Outcome> {
  const [row] = await sql.query<OutcomeRow>('SELECT * FROM sync_refuse($1, $2, $3, $4, $5, $6, $7)', [
    gate.clientId, gate.userId, gate.seq, gate.name, refusal.status, JSON.stringify(refusal.error), JSON.stringify(refusal.value ?? null),
  ]);
  return outcomeOf(row, gate.seq);
}

/** The outcome of a one-call push (`sync_refuse`, `sync_push_register`, …). */
export function outcomeOf(row: OutcomeRow | undefined, seq: number): Outcome {
  if (!row) throw new Error('push function returned nothing');
  switch (row.kind) {
    case 'foreign':
      throw new ForeignClientError('client id belongs to another user');
    case 'gap':
      return { kind: 'gap', last: row.last_seq };
    case 'done':
      return { kind: 'done', last: row.last_seq, stored: storedResult(row, seq) };
    case 'recorded': {
      const stored = storedResult(row, seq);
      if (!stored) throw new Error('recorded push without a result');
      return { kind: 'applied', last: row.last_seq, stored, version: row.version };
    }
    case 'locked':
    case 'next':
      throw new Error(`push function stopped at ${row.kind}`);
  }
}

function storedResult(row: OutcomeRow, seq: number): MutationResult | null {
  return row.status === null ? null : { seq, status: row.status, error: row.error, value: row.value };
}
