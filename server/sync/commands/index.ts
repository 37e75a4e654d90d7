import type { z } from 'zod';
import type { CommandContext } from '../command-context.ts';
import {
  ExtendCaseCommand, extendCaseCommand, OpenCaseCommand, openCaseCommand, PauseCaseCommand, pauseCaseCommand, ResumeCaseCommand, resumeCaseCommand,
} from './cases.ts';
import { AcceptCommand, acceptCommand, AssignCommand, assignCommand, ReturnCommand, returnCommand, RouteCommand, routeCommand } from './routing.ts';
import { CancelCommand, cancelCommand, RegisterCommand, registerCommand, VoidNumbersCommand, voidNumbersCommand } from './registry.ts';

interface CommandSpec<S extends z.ZodType> {
  readonly args: S;
  readonly run: (ctx: CommandContext, args: z.output<S>) => Promise<unknown>;
  /** True when the command may throw a refusal after some of its writes (it then gets a savepoint). */
  readonly writesBeforeRefusing: boolean;
}

function command<S extends z.ZodType>(args: S, run: (ctx: CommandContext, args: z.output<S>) => Promise<unknown>, writesBeforeRefusing = false): CommandSpec<z.ZodType> {
  return { args, run: run as CommandSpec<z.ZodType>['run'], writesBeforeRefusing };
}

/** Every command a workstation may push, by name. Unknown names are rejected, not fatal. */
export const serverCommands: Readonly<Record<string, CommandSpec<z.ZodType>>> = {
  'registry.register': command(RegisterCommand, registerCommand),
  'registry.cancel': command(CancelCommand, cancelCommand),
  'rpw.void': command(VoidNumbersCommand, voidNumbersCommand, true),
  // Refuses before writing: the unit check comes first, the counter and the case in one go.
  'cases.open': command(OpenCaseCommand, openCaseCommand),
  'cases.pause': command(PauseCaseCommand, pauseCaseCommand),
  'cases.resume': command(ResumeCaseCommand, resumeCaseCommand),
  'cases.extend': command(ExtendCaseCommand, extendCaseCommand),
  // Routing to several units checks each unit as it goes: a savepoint undoes the earlier ones.
  'routing.route': command(RouteCommand, routeCommand, true),
  'routing.assign': command(AssignCommand, assignCommand),
  'routing.accept': command(AcceptCommand, acceptCommand),
  'routing.return': command(ReturnCommand, returnCommand),
};
