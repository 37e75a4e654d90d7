import type { Handlers } from '../rpc/dispatch.ts';
import { methodNames } from '../../../shared/contract.ts';
import { AppError } from '../rpc/app-error.ts';

/**
 * A full handler map for tests that exercise a few methods through the real dispatch: the
 * others answer "internal", so a test that calls one by mistake fails loudly.
 */
export function handlersFor(some: Partial<Handlers>): Handlers {
  const all: Record<string, unknown> = {};
  for (const method of methodNames) {
    all[method] = some[method] ?? (() => { throw new AppError('internal', `${method} is not part of this test`); });
  }
  return all as Handlers;
}
