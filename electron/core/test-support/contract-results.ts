import type { GeneratedFile } from '../../../shared/documents.ts';
import type { Result } from '../../../shared/result.ts';

/** The value of a contract call that must succeed; a refusal fails the test with its code and issues. */
export function ok(result: Result<unknown>): unknown {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** A generated document's bytes, as they crossed the contract in base64. */
export const fileBytes = (file: GeneratedFile): Buffer => Buffer.from(file.base64, 'base64');
