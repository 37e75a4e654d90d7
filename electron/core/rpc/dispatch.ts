import { isMethod, methods, type Method, type Out, type ParsedIn } from '../../../shared/contract.ts';
import { toIssues, type Result } from '../../../shared/result.ts';
import { AppError } from './app-error.ts';

/** Every method of the contract must have a handler: the mapped type makes a missing one a compile error. */
export type Handlers = {
  [M in Method]: (input: ParsedIn<M>) => Promise<Out<M>> | Out<M>;
};

export type Dispatch = (method: unknown, rawInput: unknown) => Promise<Result<unknown>>;

export interface DispatchOptions {
  /** Parse handler output too (tests and development): catches a handler that drifts from the contract. */
  readonly checkOutput: boolean;
  readonly logError: (message: string, error: unknown) => void;
}

/**
 * The single entry point both transports call. It never throws: whatever happens comes back as a
 * Result, because Electron's ipcMain.handle would keep only an error's message anyway.
 */
export function createDispatch(handlers: Handlers, options: DispatchOptions): Dispatch {
  return async (method, rawInput) => {
    if (!isMethod(method)) {
      return fail('unknown_method', `Unknown method: ${String(method)}`);
    }
    const input = methods[method].input.safeParse(rawInput);
    if (!input.success) {
      return { ok: false, error: { code: 'invalid_input', message: `Invalid input for ${method}`, issues: toIssues(input.error) } };
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      const value: unknown = await handler(input.data);
      if (options.checkOutput) methods[method].output.parse(value);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AppError) {
        return { ok: false, error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) } };
      }
      options.logError(`Handler ${method} failed`, error);
      return fail('internal', `Internal error in ${method}`);
    }
  };
}

function fail(code: 'unknown_method' | 'internal', message: string): Result<never> {
  return { ok: false, error: { code, message } };
}
