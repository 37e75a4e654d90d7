import type { z } from 'zod';
import { officeToday } from '../../../shared/dates.ts';
import {
  XLSX_MEDIA_TYPE, type DrillQuery, type DrillResult, type OpenQuery, type OpenReport, type ReportExportRequest, type ReportFile,
  type TimelinessQuery, type TimelinessReport, type TimelinessTrend, type TimelinessTrendQuery,
} from '../../../shared/reports/reports.ts';
import type { AuthService } from '../auth/auth-service.ts';
import type { DbClient } from '../db/db-client.ts';
import type { DocumentsClient } from '../pdf/documents-client.ts';
import type { EventBus } from '../events.ts';
import type { IntakeQuery, IntakeReport, OutgoingFlowReport, OutgoingReportQuery } from '../../../shared/reports/flow.ts';
import { intakeTable, openTable, outgoingTable, timelinessTable, type ReportTable } from '../reports/report-table.ts';
import { AppError } from '../rpc/app-error.ts';
import { currentActor } from './current-actor.ts';
import type { SettingsService } from './settings-service.ts';

type Timeliness = z.output<typeof TimelinessQuery>;
type Open = z.output<typeof OpenQuery>;
type Drill = z.output<typeof DrillQuery>;
type Intake = z.output<typeof IntakeQuery>;
type Outgoing = z.output<typeof OutgoingReportQuery>;
type ExportRequest = z.output<typeof ReportExportRequest>;

/** The spreadsheet's second sheet lists the cases behind the total; beyond this the file is refused. */
export const EXPORT_DETAIL_LIMIT = 300_000;

/**
 * Closed cases whose outcome is computed in one go before a report; more than this (after an
 * upgrade: every closed case) are done in chunks of this size, with progress shown.
 */
export const OUTCOME_CHUNK = 5_000;

const MEDIA_TYPES = { pdf: 'application/pdf', csv: 'text/csv', xlsx: XLSX_MEDIA_TYPE } as const;

/**
 * Supervisor reports (issue "Supervisor reports"): run in the SQLite worker, limited to the units
 * the reader heads with their sections, or every unit for the city secretary (role `supervisor`).
 * Clerks and the registry desk get `forbidden`: the figures name people.
 */
export class ReportsService {
  readonly #db: DbClient;
  readonly #auth: AuthService;
  readonly #settings: SettingsService;
  readonly #documents: DocumentsClient;

  readonly #events: EventBus;
  #preparing: Promise<void> | null = null;
  #stopped = false;

  constructor(deps: { db: DbClient; auth: AuthService; settings: SettingsService; documents: DocumentsClient; events: EventBus }) {
    this.#db = deps.db;
    this.#auth = deps.auth;
    this.#settings = deps.settings;
    this.#documents = deps.documents;
    this.#events = deps.events;
  }

  /**
   * Computes the closed cases' outcomes that are missing (after an upgrade: all of them, 15 s for
   * 250,000) in chunks, reporting `reports.progress`, so the database worker answers this desk's
   * other calls between chunks and a supervisor sees how far it got. The workstation starts this in the
   * background; a report asked meanwhile waits for the same run. A few stale cases (the usual:
   * closed since the last report) are left to the report's own refresh.
   */
  prepareOutcomes(): Promise<void> {
    this.#preparing ??= this.#computeOutcomes().finally(() => {
      this.#preparing = null;
    });
    return this.#preparing;
  }

  async #computeOutcomes(): Promise<void> {
    const total = await this.#db.call('reports.staleOutcomes');
    if (total <= OUTCOME_CHUNK) return;
    for (let left = total; left > 0; left = await this.#db.call('reports.staleOutcomes')) {
      if (this.#stopped) return;
      this.#events.emit('reports.progress', { done: Math.max(0, total - left), total: Math.max(total, left) });
      await this.#db.call('reports.refreshOutcomes', OUTCOME_CHUNK);
    }
    this.#events.emit('reports.progress', { done: total, total });
  }

  /** Shutting down: the chunk under way finishes (its transaction is whole either way), no next one starts. */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#preparing?.catch(() => undefined);
  }

  /** The reader's scope for reports over cases: their outcomes computed first. */
  async casesScope(): Promise<readonly string[] | null> {
    const scope = await this.scope();
    await this.prepareOutcomes();
    return scope;
  }

  /** Null: every unit. Refuses anyone who supervises nothing. */
  async scope(): Promise<readonly string[] | null> {
    const actor = await currentActor(this.#auth, this.#db, this.#settings);
    const scope = await this.#db.call('reports.scope', { login: actor.login, sessionRole: this.#auth.user?.role ?? null });
    switch (scope.kind) {
      case 'all':
        return null;
      case 'units':
        return scope.codes;
      case 'none':
        throw new AppError('forbidden', 'Reports are for unit heads and the city secretary');
    }
  }

  async timeliness(query: Timeliness): Promise<TimelinessReport> {
    return this.#db.call('reports.timeliness', { ...query, scope: await this.casesScope() });
  }

  async timelinessTrend(query: z.output<typeof TimelinessTrendQuery>): Promise<TimelinessTrend> {
    return this.#db.call('reports.timelinessTrend', { ...query, scope: await this.casesScope() });
  }

  async open(query: Open): Promise<OpenReport> {
    return this.#db.call('reports.open', { ...query, scope: await this.casesScope() });
  }

  /** Waiting for dekretacja is counted as of the moment the report is asked for. */
  async intake(query: Intake): Promise<IntakeReport> {
    return this.#db.call('reports.intake', { ...query, scope: await this.scope(), now: new Date().toISOString() });
  }

  async outgoing(query: Outgoing): Promise<OutgoingFlowReport> {
    return this.#db.call('reports.outgoing', { ...query, scope: await this.scope() });
  }

  async drill(query: Drill): Promise<DrillResult> {
    const scope = query.report === 'timeliness' || query.report === 'open' ? await this.casesScope() : await this.scope();
    switch (query.report) {
      case 'timeliness':
        return this.#db.call('reports.drill', { ...query, query: { ...query.query, scope } });
      case 'open':
        return this.#db.call('reports.drill', { ...query, query: { ...query.query, scope } });
      case 'intake':
        return this.#db.call('reports.drillFlow', { ...query, query: { ...query.query, scope, now: new Date().toISOString() } });
      case 'outgoing':
        return this.#db.call('reports.drillFlow', { ...query, query: { ...query.query, scope } });
    }
  }

  async export(request: ExportRequest): Promise<ReportFile> {
    const table = await this.table(request);
    const bytes = await this.#documents.render({ kind: 'report', format: request.format, table });
    return { fileName: `${table.fileStem}.${request.format}`, mediaType: MEDIA_TYPES[request.format], base64: bytes.toString('base64') };
  }

  /** The report as one table with its filters; the cases behind the total go to the spreadsheet. */
  async table(request: ExportRequest): Promise<ReportTable> {
    const scope = request.report === 'timeliness' || request.report === 'open' ? await this.casesScope() : await this.scope();
    const today = officeToday();
    const withDetail = request.format === 'xlsx';
    if (request.report === 'timeliness') {
      const query = { ...request.query, scope };
      const report = await this.#db.call('reports.timeliness', query);
      const detail = withDetail ? await this.#db.call('reports.drill', { report: 'timeliness', query, group: undefined, measure: 'closed', limit: EXPORT_DETAIL_LIMIT }) : null;
      return timelinessTable(report, today, detail?.rows ?? []);
    }
    if (request.report === 'intake') {
      const query = { ...request.query, scope, now: new Date().toISOString() };
      const report = await this.#db.call('reports.intake', query);
      const detail = withDetail ? await this.#db.call('reports.drillFlow', { report: 'intake', query, group: undefined, measure: 'registered', limit: EXPORT_DETAIL_LIMIT }) : null;
      return intakeTable(report, today, detail?.rows ?? []);
    }
    if (request.report === 'outgoing') {
      const query = { ...request.query, scope };
      const report = await this.#db.call('reports.outgoing', query);
      const detail = withDetail ? await this.#db.call('reports.drillFlow', { report: 'outgoing', query, group: undefined, measure: 'sent', limit: EXPORT_DETAIL_LIMIT }) : null;
      return outgoingTable(report, today, detail?.rows ?? []);
    }
    const query = { ...request.query, scope };
    const report = await this.#db.call('reports.open', query);
    const detail = withDetail ? await this.#db.call('reports.drill', { report: 'open', query, group: undefined, measure: 'open', limit: EXPORT_DETAIL_LIMIT }) : null;
    return openTable(report, today, detail?.rows ?? []);
  }
}
