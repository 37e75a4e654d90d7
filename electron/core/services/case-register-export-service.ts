import type { z } from 'zod';
import { officeToday } from '../../../shared/dates.ts';
import type { CaseRegisterExportRequest, ExportFormat, GeneratedFile } from '../../../shared/documents.ts';
import { assertNever } from '../../../shared/result.ts';
import type { DbClient } from '../db/db-client.ts';
import type { DocumentsClient } from '../pdf/documents-client.ts';
import { AppError } from '../rpc/app-error.ts';

type ParsedRequest = z.output<typeof CaseRegisterExportRequest>;

const MEDIA_TYPES: Readonly<Record<ExportFormat, GeneratedFile['mediaType']>> = { pdf: 'application/pdf', csv: 'text/csv' };

/**
 * The spis spraw of a unit, JRWA class and year as PDF or CSV: rows and heading from the SQLite
 * worker, layout in the documents worker, like the registry desk's register for a period.
 */
export class CaseRegisterExportService {
  readonly #db: DbClient;
  readonly #documents: DocumentsClient;

  constructor(db: DbClient, documents: DocumentsClient) {
    this.#db = db;
    this.#documents = documents;
  }

  async export(request: ParsedRequest): Promise<GeneratedFile> {
    const { unitCode, jrwaSymbol, year, from, to } = request;
    const heading = await this.#db.call('cases.registerHeading', { unitCode, jrwaSymbol, year });
    // A typo in the unit or class would otherwise print a correct-looking, empty spis.
    if (heading === null) throw new AppError('invalid_input', 'No such unit', [{ path: 'unitCode', message: 'cases.unknownUnit' }]);
    if (heading.jrwaHeading === null) throw new AppError('invalid_input', 'No such class in the unit’s JRWA', [{ path: 'jrwaSymbol', message: 'cases.unknownClass' }]);
    const rows = await this.#db.call('cases.register', { unitCode, jrwaSymbol, year, from, to });
    const file = (bytes: Buffer): GeneratedFile => ({
      fileName: `spis-spraw-${unitCode}-${jrwaSymbol}-${String(year)}${from === null && to === null ? '' : `-${from ?? ''}_${to ?? ''}`}.${request.format}`,
      mediaType: MEDIA_TYPES[request.format],
      base64: bytes.toString('base64'),
    });
    switch (request.format) {
      case 'pdf': {
        const register = { unitCode, unitName: heading.unitName, jrwaSymbol, jrwaHeading: heading.jrwaHeading, year, period: { from, to }, generatedOn: officeToday(), rows };
        return file(await this.#documents.render({ kind: 'case-register-pdf', register }));
      }
      case 'csv':
        return file(await this.#documents.render({ kind: 'case-register-csv', rows }));
      default:
        return assertNever(request.format);
    }
  }
}
