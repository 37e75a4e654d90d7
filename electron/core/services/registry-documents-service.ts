import type { z } from 'zod';
import { EXPORT_LIMITS, type GeneratedFile, type ItemDocumentRequest, type RegisterExportRequest } from '../../../shared/documents.ts';
import { assertNever } from '../../../shared/result.ts';
import type { DbClient } from '../db/db-client.ts';
import type { DocumentsClient } from '../pdf/documents-client.ts';
import { AppError } from '../rpc/app-error.ts';
import type { SettingsService } from './settings-service.ts';

type ParsedDocumentRequest = z.output<typeof ItemDocumentRequest>;
type ParsedExportRequest = z.output<typeof RegisterExportRequest>;

/**
 * The registry desk's printed papers: the label on the letter, the receipt for the person who
 * brought it, and the register for a period. Data comes from the SQLite worker, layout happens
 * in the documents worker.
 */
export class RegistryDocumentsService {
  readonly #db: DbClient;
  readonly #documents: DocumentsClient;
  readonly #settings: SettingsService;

  constructor(db: DbClient, documents: DocumentsClient, settings: SettingsService) {
    this.#db = db;
    this.#documents = documents;
    this.#settings = settings;
  }

  async itemDocument(request: ParsedDocumentRequest): Promise<GeneratedFile> {
    const detail = await this.#db.call('registry.get', request.id);
    if (!detail) throw new AppError('not_found', 'No such register entry');
    const { item } = detail;
    const stem = item.rpwNumber.replaceAll('/', '-');
    switch (request.kind) {
      case 'label':
        return pdfFile(`etykieta-${stem}.pdf`, await this.#documents.render({ kind: 'label', item, layout: request.layout, position: request.position }));
      case 'receipt': {
        if (item.status === 'cancelled') throw new AppError('conflict', 'A cancelled entry gets no receipt');
        const { centralServerUrl } = await this.#settings.get();
        return pdfFile(`potwierdzenie-${stem}.pdf`, await this.#documents.render({ kind: 'receipt', item, trackingBaseUrl: centralServerUrl.replace(/\/+$/u, '') }));
      }
      default:
        return assertNever(request);
    }
  }

  async registerExport(request: ParsedExportRequest): Promise<GeneratedFile> {
    const limit = EXPORT_LIMITS[request.format];
    const { total, items } = await this.#db.call('registry.forExport', { from: request.from, to: request.to, deskCode: request.deskCode, limit });
    if (total > limit) {
      throw new AppError('invalid_input', `${String(total)} entries exceed the export limit`, [{ path: 'to', message: `validation.exportTooLarge.${request.format}` }]);
    }
    const period = { from: request.from, to: request.to, deskCode: request.deskCode };
    const stem = `rejestr-wplywow-${request.from}-${request.to}${request.deskCode === null ? '' : `-${request.deskCode}`}`;
    switch (request.format) {
      case 'pdf':
        return pdfFile(`${stem}.pdf`, await this.#documents.render({ kind: 'register-pdf', items, period }));
      case 'csv':
        return { fileName: `${stem}.csv`, mediaType: 'text/csv', base64: (await this.#documents.render({ kind: 'register-csv', items })).toString('base64') };
      default:
        return assertNever(request.format);
    }
  }
}

function pdfFile(fileName: string, bytes: Buffer): GeneratedFile {
  return { fileName, mediaType: 'application/pdf', base64: bytes.toString('base64') };
}
