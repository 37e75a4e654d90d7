import type { z } from 'zod';
import { officeToday } from '../../../shared/dates.ts';
import type { ComplaintRow, ComplaintsExportRequest, ComplaintsQuery } from '../../../shared/reports/complaints.ts';
import { XLSX_MEDIA_TYPE, type ReportFile } from '../../../shared/reports/reports.ts';
import type { DbClient } from '../db/db-client.ts';
import type { DocumentsClient } from '../pdf/documents-client.ts';
import { complaintsTable } from '../reports/complaints-table.ts';

const MEDIA_TYPES = { pdf: 'application/pdf', csv: 'text/csv', xlsx: XLSX_MEDIA_TYPE } as const;

/**
 * The rejestr skarg i wniosków for the people reports are for: the city secretary sees every
 * unit's, a unit head their units' (the scope rules of the reports); others are refused there.
 */
export class ComplaintsRegisterService {
  readonly #db: DbClient;
  readonly #documents: DocumentsClient;
  readonly #scope: () => Promise<readonly string[] | null>;

  constructor(deps: { db: DbClient; documents: DocumentsClient; scope: () => Promise<readonly string[] | null> }) {
    this.#db = deps.db;
    this.#documents = deps.documents;
    this.#scope = deps.scope;
  }

  async rows(query: z.output<typeof ComplaintsQuery>): Promise<ComplaintRow[]> {
    return this.#db.call('reports.complaints', { year: query.year, scope: await this.#scope(), today: officeToday() });
  }

  async export(request: z.output<typeof ComplaintsExportRequest>): Promise<z.output<typeof ReportFile>> {
    const scope = await this.#scope();
    const today = officeToday();
    const rows = await this.#db.call('reports.complaints', { year: request.year, scope, today });
    const table = complaintsTable(rows, request.year, scope, today);
    const bytes = await this.#documents.render({ kind: 'report', format: request.format, table });
    return { fileName: `${table.fileStem}.${request.format}`, mediaType: MEDIA_TYPES[request.format], base64: bytes.toString('base64') };
  }
}
