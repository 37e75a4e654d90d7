import type { ErrorCode, Issue } from '../../../shared/result.ts';

/** A business error a handler throws on purpose; dispatch turns it into `{ok: false}`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: Issue[] | undefined;

  constructor(code: ErrorCode, message: string, issues?: Issue[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
  }
}
