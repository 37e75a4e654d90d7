import type { SessionUser } from '../../shared/sync/protocol.ts';
import type { Sql } from '../db/database.ts';

/** A business refusal: recorded as the command's result, and the queue moves on. */
export class CommandRejection extends Error {
  readonly code: string;
  readonly status: 'rejected' | 'conflict';
  /** For a conflict: the server's version of what the command collided with, shown beside the clerk's. */
  readonly serverData: unknown;
  constructor(code: string, message: string, status: 'rejected' | 'conflict' = 'rejected', serverData: unknown = null) {
    super(message);
    this.code = code;
    this.status = status;
    this.serverData = serverData;
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
  /** Logs a change; written with this transaction's version when the command's work is done. */
  change(record: ChangeRecord): void;
}

export interface ServerSecrets {
  readonly trackingPinKey: string;
}

/**
 * Builds the context for one transaction. Changes are buffered and `flush()` stamps them with the
 * next version as the last write before COMMIT: the counter row's lock, which serialises every
 * committing writer, is then held for two statements instead of the whole command.
 */
export function commandContext(tx: Sql, user: SessionUser, clientId: string, secrets: ServerSecrets): CommandContext & {
  /**
   * Runs `before` (one data-modifying statement: the command's bookkeeping), then writes the
   * buffered changes under the next version; returns it, or null when there were no changes.
   */
  flush(before: Bookkeeping): Promise<number | null>;
  /** Forgets the buffered changes (the command was refused and its writes rolled back). */
  discard(): void;
} {
  let pending: ChangeRecord[] = [];
  return {
    tx,
    user,
    clientId,
    secrets,
    change(record) {
      pending.push(record);
    },
    discard() {
      pending = [];
    },
    async flush(before) {
      // The command's bookkeeping (`before`), the version and the change rows in one statement:
      // one round trip while holding the version counter's lock.
      const ctes = before.statements.map((sql, i) => `step${String(i)} AS (${sql})`);
      if (pending.length === 0) {
        await tx.query(`WITH ${ctes.join(', ')} SELECT 1`, before.params);
        return null;
      }
      const offset = before.params.length;
      const p = (n: number): string => `$${String(offset + n)}`;
      const values = pending.map((_, i) => `((SELECT v FROM next_version), ${p(i * 5 + 1)}, ${p(i * 5 + 2)}, ${p(i * 5 + 3)}, ${p(i * 5 + 4)}, ${p(i * 5 + 5)}::jsonb)`);
      const [row] = await tx.query<{ version: number }>(
        `WITH ${ctes.join(', ')},
              next_version AS (UPDATE sync_version SET v = v + 1 WHERE id = 1 RETURNING v)
         INSERT INTO changes (version, entity, entity_id, op, scope_unit, data) VALUES ${values.join(', ')}
         ON CONFLICT (version, entity, entity_id) DO UPDATE SET op = excluded.op, data = excluded.data, scope_unit = excluded.scope_unit
         RETURNING version`,
        [...before.params, ...pending.flatMap((c) => [c.entity, c.id, c.op, c.scopeUnit, JSON.stringify(c.data)])],
      );
      if (!row) throw new Error('change insert returned nothing');
      pending = [];
      return row.version;
    },
  };
}
/** Data-modifying statements (no WITH of their own) sharing one parameter list. */
export interface Bookkeeping {
  readonly statements: readonly string[];
  readonly params: readonly unknown[];
}

export function requireRole(user: SessionUser, roles: readonly SessionUser['role'][]): void {
  if (!roles.includes(user.role)) throw new CommandRejection('forbidden', 'errors.forbidden');
}
