import type { MutationResult, SessionUser } from '../../shared/sync/protocol.ts';
import type { ServerDb, Sql } from '../db/database.ts';
import { commandContext, CommandRejection, type ServerSecrets } from './command-context.ts';
import type { TransactionCommand } from './commands/index.ts';
import { claim, outcomeOf, record, type Gate, type Outcome } from './exactly-once.ts';

/**
 * A TypeScript command in its own transaction: claim the seq (locking the client's row, so a
 * retry or a racing push waits and then finds it done), run the command, record its result and
 * changes, COMMIT. A business refusal is recorded too and still advances the sequence.
 */
export function applyInTransaction(db: ServerDb, gate: Gate, user: SessionUser, secrets: ServerSecrets, spec: TransactionCommand, args: unknown): Promise<Outcome> {
  return db.transaction(async (tx) => {
    const claimed = await claim(tx, gate.clientId, gate.userId, gate.seq);
    if (claimed.kind !== 'next') return outcomeOf(claimed, gate.seq);
    const ctx = commandContext(tx, user, gate.clientId, secrets);
    const result = await run(tx, ctx, spec, args, gate.seq);
    const version = await record(tx, gate, result, ctx.changes());
    return { kind: 'applied', last: gate.seq, stored: result, version };
  });
}

async function run(tx: Sql, ctx: ReturnType<typeof commandContext>, spec: TransactionCommand, args: unknown, seq: number): Promise<MutationResult> {
  // A command that may refuse after it has written runs under a savepoint, so a refusal undoes
  // its writes and keeps the transaction to record the refusal. The others refuse before writing.
  if (spec.writesBeforeRefusing) await tx.query('SAVEPOINT command');
  try {
    const value = await spec.run(ctx, args);
    if (spec.writesBeforeRefusing) await tx.query('RELEASE SAVEPOINT command');
    return { seq, status: 'applied', error: null, value: value ?? null };
  } catch (error) {
    if (!(error instanceof CommandRejection)) throw error;
    if (spec.writesBeforeRefusing) await tx.query('ROLLBACK TO SAVEPOINT command');
    ctx.discard();
    return { seq, status: error.status, error: { code: error.code, message: error.message }, value: error.serverData };
  }
}
