import type { z } from 'zod';
import type { MutationResult, PushRequest, PushResponse, SessionUser } from '../../shared/sync/protocol.ts';
import type { ServerDb, Sql } from '../db/database.ts';
import { commandContext, CommandRejection, type ServerSecrets } from './command-context.ts';
import { serverCommands } from './commands/index.ts';

type ParsedPush = z.output<typeof PushRequest>;
type ParsedMutation = ParsedPush['mutations'][number];

export class ForeignClientError extends Error {}

/**
 * Applies pushed commands in order, each exactly once (DESIGN.md "Sync"): one transaction per
 * command that locks the client's row, so a retry after a lost response, a duplicate push or two
 * pushes racing all find the command done and get its stored result. A business refusal is
 * stored too and still advances the sequence, so one bad command never blocks the queue.
 * `onCommit(version)` is told of every committed version (to poke other workstations).
 */
export async function push(db: ServerDb, user: SessionUser, request: ParsedPush, secrets: ServerSecrets, onCommit: (version: number) => void): Promise<PushResponse> {
  const results: MutationResult[] = [];
  let lastSeq = 0;
  let expectedSeq: number | null = null;
  for (const mutation of [...request.mutations].sort((a, b) => a.seq - b.seq)) {
    const outcome = await db.transaction(async (tx) => {
      const last = await lockClient(tx, request.clientId, user);
      if (mutation.seq <= last) return { kind: 'done' as const, last, stored: await storedResult(tx, request.clientId, mutation.seq) };
      if (mutation.seq > last + 1) return { kind: 'gap' as const, last };
      const ctx = commandContext(tx, user, request.clientId, secrets);
      const result = await apply(tx, ctx, mutation);
      const version = await ctx.flush({
        statements: [
          'INSERT INTO mutation_results (client_id, seq, name, status, error, value) VALUES ($1, $2, $3, $4, $5, $6)',
          'UPDATE sync_clients SET last_seq = $2 WHERE client_id = $1',
        ],
        params: [request.clientId, mutation.seq, mutation.name, result.status, result.error === null ? null : JSON.stringify(result.error), JSON.stringify(result.value ?? null)],
      });
      return { kind: 'applied' as const, last: mutation.seq, stored: result, version };
    });
    lastSeq = outcome.last;
    if (outcome.kind === 'gap') {
      expectedSeq = outcome.last + 1;
      break;
    }
    if (outcome.stored) results.push(outcome.stored);
    if (outcome.kind === 'applied' && outcome.version !== null) onCommit(outcome.version);
  }
  if (request.mutations.length === 0) lastSeq = await db.transaction((tx) => lockClient(tx, request.clientId, user));
  return { results, lastSeq, expectedSeq };
}

/** The client's last applied sequence, with its row locked for this transaction. */
async function lockClient(tx: Sql, clientId: string, user: SessionUser): Promise<number> {
  // One statement creates the row or locks the existing one (the no-op update takes the row lock).
  const [row] = await tx.query<{ last_seq: number; user_id: string }>(
    `INSERT INTO sync_clients (client_id, user_id) VALUES ($1, $2)
     ON CONFLICT (client_id) DO UPDATE SET last_seq = sync_clients.last_seq RETURNING last_seq, user_id`,
    [clientId, user.id],
  );
  if (!row) throw new Error('sync client row missing');
  // A client id belongs to the user who first pushed with it: nobody continues someone else's queue.
  if (row.user_id !== user.id) throw new ForeignClientError('client id belongs to another user');
  return row.last_seq;
}

async function storedResult(tx: Sql, clientId: string, seq: number): Promise<MutationResult | null> {
  const [row] = await tx.query<{ status: MutationResult['status']; error: MutationResult['error']; value: unknown }>(
    'SELECT status, error, value FROM mutation_results WHERE client_id = $1 AND seq = $2',
    [clientId, seq],
  );
  return row ? { seq, status: row.status, error: row.error, value: row.value } : null;
}

async function apply(tx: Sql, ctx: ReturnType<typeof commandContext>, mutation: ParsedMutation): Promise<MutationResult> {
  const spec = Object.prototype.hasOwnProperty.call(serverCommands, mutation.name) ? serverCommands[mutation.name] : undefined;
  if (!spec) return { seq: mutation.seq, status: 'rejected', error: { code: 'unknown_command', message: 'sync.rejections.unknownCommand' }, value: null };
  const args = spec.args.safeParse(mutation.args);
  if (!args.success) return { seq: mutation.seq, status: 'rejected', error: { code: 'invalid_input', message: 'errors.invalid_input' }, value: null };
  // A command that may refuse after it has written runs under a savepoint, so a refusal undoes
  // its writes and keeps the transaction to record the refusal. The others refuse before writing.
  if (spec.writesBeforeRefusing) await tx.query('SAVEPOINT command');
  try {
    const value = await spec.run(ctx, args.data);
    if (spec.writesBeforeRefusing) await tx.query('RELEASE SAVEPOINT command');
    return { seq: mutation.seq, status: 'applied', error: null, value: value ?? null };
  } catch (error) {
    if (!(error instanceof CommandRejection)) throw error;
    if (spec.writesBeforeRefusing) await tx.query('ROLLBACK TO SAVEPOINT command');
    ctx.discard();
    return { seq: mutation.seq, status: error.status, error: { code: error.code, message: error.message }, value: error.serverData };
  }
}
