import type { z } from 'zod';
import type { CommandContext } from '../command-context.ts';
import { CancelCommand, cancelCommand, RegisterCommand, registerCommand, VoidNumbersCommand, voidNumbersCommand } from './registry.ts';

interface CommandSpec<S extends z.ZodType> {
  readonly args: S;
  readonly run: (ctx: CommandContext, args: z.output<S>) => Promise<unknown>;
}

function command<S extends z.ZodType>(args: S, run: (ctx: CommandContext, args: z.output<S>) => Promise<unknown>): CommandSpec<z.ZodType> {
  return { args, run: run as CommandSpec<z.ZodType>['run'] };
}

/** Every command a workstation may push, by name. Unknown names are rejected, not fatal. */
export const serverCommands: Readonly<Record<string, CommandSpec<z.ZodType>>> = {
  'registry.register': command(RegisterCommand, registerCommand),
  'registry.cancel': command(CancelCommand, cancelCommand),
  'rpw.void': command(VoidNumbersCommand, voidNumbersCommand),
};
