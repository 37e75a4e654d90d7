import type { ImportRefusal } from '../../../shared/document-import.ts';

/**
 * Thrown by the inspectors when a file must not be imported. `reason` is what the clerk reads;
 * the message says, for the log, what exactly was wrong with the file.
 */
export class ImportRefused extends Error {
  readonly reason: ImportRefusal;

  constructor(reason: ImportRefusal, detail: string) {
    super(detail);
    this.name = 'ImportRefused';
    this.reason = reason;
  }
}

export function refuse(reason: ImportRefusal, detail: string): never {
  throw new ImportRefused(reason, detail);
}
