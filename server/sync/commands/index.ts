import type { z } from 'zod';
import type { SessionUser } from '../../../shared/sync/protocol.ts';
import type { Sql } from '../../db/database.ts';
import type { CommandContext, ServerSecrets } from '../command-context.ts';
import type { Gate, Outcome } from '../exactly-once.ts';
import {
  AttachItemCommand, attachItemCommand, CaseNoteCommand, caseNoteCommand, CloseCaseCommand, closeCaseCommand, ExtendCaseCommand, extendCaseCommand, OpenCaseCommand, openCaseCommand, PauseCaseCommand, pauseCaseCommand, ResumeCaseCommand, resumeCaseCommand,
} from './cases.ts';
import { AttachDocumentCommand, attachDocumentCommand } from './documents.ts';
import { DispatchCommand, dispatchCommand, OutcomeCommand, outcomeCommand } from './outgoing.ts';
import { pushRegistration, RegisterCommand } from './register-item.ts';
import { AcceptCommand, acceptCommand, AssignCommand, assignCommand, ReturnCommand, returnCommand, RouteCommand, routeCommand } from './routing.ts';
import {
  AcceptReplyCommand, acceptReplyCommand, AcceptReplyStepCommand, acceptReplyStepCommand, DraftReplyCommand, draftReplyCommand, ReturnReplyCommand, returnReplyCommand,
  SubmitReplyCommand, submitReplyCommand, UpdateReplyCommand, updateReplyCommand,
} from './replies.ts';
import { CancelCommand, cancelCommand } from './registry.ts';
import { VoidNumbersCommand, voidNumbersCommand } from './void-numbers.ts';

/** A command written in TypeScript, run in a transaction between the claim and the record of its result. */
export interface TransactionCommand<S extends z.ZodType = z.ZodType> {
  readonly kind: 'transaction';
  readonly args: S;
  readonly run: (ctx: CommandContext, args: z.output<S>) => Promise<unknown>;
  /** True when the command may throw a refusal after some of its writes (it then gets a savepoint). */
  readonly writesBeforeRefusing: boolean;
}

/** What a one-call command gets: the database (no transaction: the call is its own), and who pushed. */
export interface OneCallContext {
  readonly db: Sql;
  readonly gate: Gate;
  readonly user: SessionUser;
  readonly secrets: ServerSecrets;
}

/**
 * A frequent command applied, with its exactly-once bookkeeping, by one database function: one
 * round trip per push. `push` throws a CommandRejection for refusals that need no database
 * (role, format); the caller records those.
 */
export interface OneCallCommand<S extends z.ZodType = z.ZodType> {
  readonly kind: 'one-call';
  readonly args: S;
  readonly push: (ctx: OneCallContext, args: z.output<S>) => Promise<Outcome>;
}

export type CommandSpec = TransactionCommand | OneCallCommand;

function command<S extends z.ZodType>(args: S, run: (ctx: CommandContext, args: z.output<S>) => Promise<unknown>, writesBeforeRefusing = false): CommandSpec {
  return { kind: 'transaction', args, run: run as TransactionCommand['run'], writesBeforeRefusing };
}

function oneCall<S extends z.ZodType>(args: S, push: (ctx: OneCallContext, args: z.output<S>) => Promise<Outcome>): CommandSpec {
  return { kind: 'one-call', args, push: push as OneCallCommand['push'] };
}

/** Every command a workstation may push, by name. Unknown names are rejected, not fatal. */
export const serverCommands: Readonly<Record<string, CommandSpec>> = {
  // The registry desk's bulk: one round trip each.
  'registry.register': oneCall(RegisterCommand, pushRegistration),
  'registry.cancel': command(CancelCommand, cancelCommand),
  'rpw.void': command(VoidNumbersCommand, voidNumbersCommand('rpw'), true),
  // Refuses before writing: the unit check comes first, the counter and the case in one go.
  'cases.open': command(OpenCaseCommand, openCaseCommand),
  'cases.pause': command(PauseCaseCommand, pauseCaseCommand),
  'cases.resume': command(ResumeCaseCommand, resumeCaseCommand),
  'cases.extend': command(ExtendCaseCommand, extendCaseCommand),
  'cases.close': command(CloseCaseCommand, closeCaseCommand),
  'cases.note': command(CaseNoteCommand, caseNoteCommand),
  'cases.attachItem': command(AttachItemCommand, attachItemCommand),
  // Routing to several units checks each unit as it goes: a savepoint undoes the earlier ones.
  'routing.route': command(RouteCommand, routeCommand, true),
  'routing.assign': command(AssignCommand, assignCommand),
  'routing.accept': command(AcceptCommand, acceptCommand),
  'routing.return': command(ReturnCommand, returnCommand),
  // Replies sent and delivered: the "reply sent" and "delivered" steps of a letter's public path.
  'outgoing.dispatch': command(DispatchCommand, dispatchCommand),
  'outgoing.outcome': command(OutcomeCommand, outcomeCommand),
  // An append: the files were uploaded first; the same document id twice is one document.
  'documents.attach': command(AttachDocumentCommand, attachDocumentCommand),
  // Replies between desks: a conflict carries the server's reply, so each refuses before writing.
  'replies.draft': command(DraftReplyCommand, draftReplyCommand),
  'replies.update': command(UpdateReplyCommand, updateReplyCommand),
  'replies.submit': command(SubmitReplyCommand, submitReplyCommand),
  'replies.return': command(ReturnReplyCommand, returnReplyCommand),
  'replies.acceptStep': command(AcceptReplyStepCommand, acceptReplyStepCommand),
  'replies.accept': command(AcceptReplyCommand, acceptReplyCommand),
  // Last year's unused RKW numbers, recorded so the book explains every gap.
  'rkw.void': command(VoidNumbersCommand, voidNumbersCommand('rkw'), true),
};

/** The spec pushed under `name`, if there is one (never an Object.prototype member). */
export function commandNamed(name: string): CommandSpec | undefined {
  return Object.prototype.hasOwnProperty.call(serverCommands, name) ? serverCommands[name] : undefined;
}
