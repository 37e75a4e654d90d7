import type { z } from 'zod';
import type { MutationResult, PushRequest, PushResponse, SessionUser } from '../../shared/sync/protocol.ts';
import type { ServerDb } from '../db/database.ts';
import { applyInTransaction } from './apply-in-transaction.ts';
import { CommandRejection, type ServerSecrets } from './command-context.ts';
import { commandNamed } from './commands/index.ts';
import { claim, refuse, type Gate, type Outcome } from './exactly-once.ts';

export { ForeignClientError } from './exactly-once.ts';

type ParsedPush = z.output<typeof PushRequest>;

/**
 * Applies pushed commands in order, each exactly once (DESIGN.md "Sync"): each in one transaction
 * that locks the client's row, so a retry after a lost response, a duplicate push or two pushes
 * racing all find the command done and get its stored result. A business refusal is stored too
 * and still advances the sequence, so one bad command never blocks the queue. A registration or
 * a refusal that needs no database is one database call; other commands run in a transaction.
 * `onCommit(version)` is told of every committed version (to poke other workstations).
 */
export async function push(db: ServerDb, user: SessionUser, request: ParsedPush, secrets: ServerSecrets, onCommit: (version: number) => void): Promise<PushResponse> {
  const results: MutationResult[] = [];
  let lastSeq = 0;
  let expectedSeq: number | null = null;
  for (const mutation of [...request.mutations].sort((a, b) => a.seq - b.seq)) {
    const gate: Gate = { clientId: request.clientId, userId: user.id, seq: mutation.seq, name: mutation.name };
    const outcome = await pushOne(db, gate, user, secrets, mutation.args);
    lastSeq = outcome.last;
    if (outcome.kind === 'gap') {
      expectedSeq = outcome.last + 1;
      break;
    }
    if (outcome.stored) results.push(outcome.stored);
    if (outcome.kind === 'applied' && outcome.version !== null) onCommit(outcome.version);
  }
  if (request.mutations.length === 0) lastSeq = (await claim(db, request.clientId, user.id, null)).last_seq;
  return { results, lastSeq, expectedSeq };
}

async function pushOne(db: ServerDb, gate: Gate, user: SessionUser, secrets: ServerSecrets, rawArgs: unknown): Promise<Outcome> {
  const spec = commandNamed(gate.name);
  if (!spec) return refuse(db, gate, { status: 'rejected', error: { code: 'unknown_command', message: 'sync.rejections.unknownCommand' }, value: null });
  const args = spec.args.safeParse(rawArgs);
  if (!args.success) return refuse(db, gate, { status: 'rejected', error: { code: 'invalid_input', message: 'errors.invalid_input' }, value: null });
  if (spec.kind === 'transaction') return applyInTransaction(db, gate, user, secrets, spec, args.data);
  try {
    return await spec.push({ db, gate, user, secrets }, args.data);
  } catch (error) {
    if (!(error instanceof CommandRejection)) throw error;
    return refuse(db, gate, { status: error.status, error: { code: error.code, message: error.message }, value: error.serverData });
  }
}
