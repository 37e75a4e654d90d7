import type { LabelLayout } from '../../../shared/documents.ts';
import { assertNever } from '../../../shared/result.ts';
import type { CaseRegisterRow } from '../../../shared/cases.ts';
import type { IncomingItem } from '../../../shared/registry.ts';
import type { OutgoingLetter } from '../../../shared/outgoing/outgoing.ts';
import { renderAddressLabels } from './address-labels.ts';
import { renderCaseRegisterCsv, renderCaseRegisterPdf, type CaseRegisterDocument } from './case-register-export.ts';
import { renderDispatchBookCsv, renderDispatchBookPdf, type DispatchBook, type PostalSender } from './dispatch-book.ts';
import { renderEnvelopes, type EnvelopeFormat } from './envelope.ts';
import { renderLabel } from './label.ts';
import { renderReceipt } from './receipt.ts';
import { renderReplyLetter, type ReplyLetter } from './reply-letter.ts';
import { renderRegisterCsv, renderRegisterPdf, type ExportPeriod } from './register-export.ts';
import { renderReportCsv, renderReportPdf, renderReportXlsx } from './report-export.ts';
import type { ReportTable } from '../reports/report-table.ts';
import type { ReportExportFormat } from '../../../shared/reports/reports.ts';

/** Everything the documents worker can produce, with all the data it needs (it has no database). */
export type DocumentJob =
  | { readonly kind: 'label'; readonly item: IncomingItem; readonly layout: LabelLayout; readonly position: number }
  | { readonly kind: 'receipt'; readonly item: IncomingItem; readonly trackingBaseUrl: string }
  | { readonly kind: 'register-pdf'; readonly items: readonly IncomingItem[]; readonly period: ExportPeriod }
  | { readonly kind: 'register-csv'; readonly items: readonly IncomingItem[] }
  | { readonly kind: 'case-register-pdf'; readonly register: CaseRegisterDocument }
  | { readonly kind: 'case-register-csv'; readonly rows: readonly CaseRegisterRow[] }
  | { readonly kind: 'reply-letter'; readonly letter: ReplyLetter }
  | { readonly kind: 'dispatch-book-pdf'; readonly book: DispatchBook }
  | { readonly kind: 'dispatch-book-csv'; readonly book: DispatchBook }
  | { readonly kind: 'address-labels'; readonly letters: readonly OutgoingLetter[]; readonly position: number }
  | { readonly kind: 'envelopes'; readonly letters: readonly OutgoingLetter[]; readonly format: EnvelopeFormat; readonly sender: PostalSender }
  | { readonly kind: 'report'; readonly format: ReportExportFormat; readonly table: ReportTable };

export function renderDocument(job: DocumentJob): Promise<Buffer> {
  switch (job.kind) {
    case 'label':
      return renderLabel(job.item, job.layout, job.position);
    case 'receipt':
      return renderReceipt(job.item, { trackingBaseUrl: job.trackingBaseUrl });
    case 'register-pdf':
      return renderRegisterPdf(job.items, job.period);
    case 'register-csv':
      return Promise.resolve(renderRegisterCsv(job.items));
    case 'case-register-pdf':
      return renderCaseRegisterPdf(job.register);
    case 'case-register-csv':
      return Promise.resolve(renderCaseRegisterCsv(job.rows));
    case 'reply-letter':
      return renderReplyLetter(job.letter);
    case 'dispatch-book-pdf':
      return renderDispatchBookPdf(job.book);
    case 'dispatch-book-csv':
      return Promise.resolve(renderDispatchBookCsv(job.book));
    case 'address-labels':
      return renderAddressLabels(job.letters, job.position);
    case 'envelopes':
      return renderEnvelopes(job.letters, job.format, job.sender);
    case 'report':
      return renderReport(job.format, job.table);
    default:
      return assertNever(job);
  }
}

function renderReport(format: ReportExportFormat, table: ReportTable): Promise<Buffer> {
  switch (format) {
    case 'pdf':
      return renderReportPdf(table);
    case 'csv':
      return Promise.resolve(renderReportCsv(table));
    case 'xlsx':
      return renderReportXlsx(table);
    default:
      return assertNever(format);
  }
}
