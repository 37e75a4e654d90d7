import type { SessionUser } from '../../shared/sync/protocol.ts';
import type { Sql } from '../db/database.ts';

/** A business refusal: recorded as the command's result, and the queue moves on. */
export class CommandRejection extends Error {
  readonly code: string;
  readonly status: 'rejected' | 'conflict';
  constructor(code: string, message: string, status: 'rejected' | 'conflict' = 'rejected') {
    super(message);
    this.code = code;
    this.status = status;
  }
}

export interface ChangeRecord {
  readonly entity: string;
  readonly id: string;
  readonly op: 'upsert' | 'delete';
  /** null: every signed-in user may pull it; a unit code: only that unit and see-all roles. */
  readonly scopeUnit: string | null;
  readonly data: unknown;
}

/** What a command sees: the transaction, who sent it, and how to log what it changed. */
export interface CommandContext {
  readonly tx: Sql;
  readonly user: SessionUser;
  readonly clientId: string;
  readonly secrets: ServerSecrets;
  /** The version this transaction commits as (taken on first use, under the counter's lock). */
  version(): Promise<number>;
  change(record: ChangeRecord): Promise<void>;
}

export interface ServerSecrets {
  readonly trackingPinKey: string;
}

/** Builds the context for one transaction; `versionTaken` tells the caller whether to poke clients. */
export function commandContext(tx: Sql, user: SessionUser, clientId: string, secrets: ServerSecrets): CommandContext & { readonly versionTaken: () => number | null } {
  let taken: number | null = null;
  const version = async (): Promise<number> => {
    if (taken !== null) return taken;
    const [row] = await tx.query<{ v: number }>('UPDATE sync_version SET v = v + 1 WHERE id = 1 RETURNING v');
    if (!row) throw new Error('sync_version row missing');
    taken = row.v;
    return taken;
  };
  return {
    tx,
    user,
    clientId,
    secrets,
    version,
    async change(record) {
      await tx.query(
        `INSERT INTO changes (version, entity, entity_id, op, scope_unit, data) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (version, entity, entity_id) DO UPDATE SET op = excluded.op, data = excluded.data, scope_unit = excluded.scope_unit`,
        [await version(), record.entity, record.id, record.op, record.scopeUnit, JSON.stringify(record.data)],
      );
    },
    versionTaken: () => taken,
  };
}

export function requireRole(user: SessionUser, roles: readonly SessionUser['role'][]): void {
  if (!roles.includes(user.role)) throw new CommandRejection('forbidden', 'errors.forbidden');
}
