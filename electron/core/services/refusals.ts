import type { ErrorCode } from '../../../shared/result.ts';
import { AppError } from '../rpc/app-error.ts';

/**
 * Runs a repository call and turns its refusal (an error named `Refusal` whose message is an i18n
 * key) into the contract's error, so the clerk reads why in Polish.
 */
export async function refusalsAsErrors<T>(work: () => Promise<T>, code: ErrorCode, field: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Error && error.name === 'Refusal') {
      throw new AppError(error.message === 'errors.not_found' ? 'not_found' : code, `Refused: ${error.message}`, [{ path: field, message: error.message }]);
    }
    throw error;
  }
}
