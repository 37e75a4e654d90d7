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
  /** More units that may pull it besides `scopeUnit` (a restricted letter's units it was routed to). */
  readonly alsoUnits?: readonly string[];
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
 * Builds the context for one transaction. Changes are buffered and written by `record` (see
 * exactly-once.ts) with the next version as the last write before COMMIT: the counter row's lock,
 * which serialises every committing writer, is then held from that statement to COMMIT, not for the
 * whole command.
 */
export function commandContext(tx: Sql, user: SessionUser, clientId: string, secrets: ServerSecrets): CommandContext & {
  /** The changes logged so far, for `record`. */
  changes(): readonly ChangeRecord[];
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
    changes() {
      return pending;
    },
    discard() {
      pending = [];
    },
  };
}

export function requireRole(user: SessionUser, roles: readonly SessionUser['role'][]): void {
  if (!roles.includes(user.role)) throw new CommandRejection('forbidden', 'errors.forbidden');
}
