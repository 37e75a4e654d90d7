import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { AppInfo, Shell } from '../../shared/app-info.ts';
import type { EditableSettings } from '../../shared/settings.ts';
import { isMethod, type Method } from '../../shared/contract.ts';
import { OrganisationData } from '../../shared/organisation/organisation.ts';
import { AuthService } from './auth/auth-service.ts';
import { JrwaClassInput } from '../../shared/organisation/jrwa.ts';
import { parseJrwaCsv } from '../../shared/organisation/jrwa-csv.ts';
import { DEMO_JRWA } from './organisation/demo-jrwa.ts';
import { demoOrganisation } from './organisation/demo-organisation.ts';
import { officeToday } from '../../shared/dates.ts';
import { TokenVault, type SecretProtector } from './auth/token-vault.ts';
import { startDbWorker, type DbClient } from './db/db-client.ts';
import { defaultSettings } from './default-settings.ts';
import { EventBus } from './events.ts';
import { createDispatch, type Dispatch, type Handlers } from './rpc/dispatch.ts';
import { startDocumentsWorker } from './pdf/documents-client.ts';
import { AppError } from './rpc/app-error.ts';
import { TemplatesService } from './services/templates-service.ts';
import { ReplyService } from './services/reply-service.ts';
import { OutgoingService } from './services/outgoing-service.ts';
import { uuidv7 } from './ids.ts';
import { DEMO_TEMPLATES } from './organisation/demo-templates.ts';
import { TemplateInput } from '../../shared/replies/templates.ts';
import { currentActor } from './services/current-actor.ts';
import { refusalsAsErrors } from './services/refusals.ts';
import { CaseRegisterExportService } from './services/case-register-export-service.ts';
import { RegistryDocumentsService } from './services/registry-documents-service.ts';
import { RegistryService } from './services/registry-service.ts';
import { SettingsService } from './services/settings-service.ts';
import { SyncEngine } from './sync/sync-engine.ts';
import { CasesService } from './services/cases-service.ts';
import { ReportsService } from './services/reports-service.ts';
import { ComplaintsRegisterService } from './services/complaints-register-service.ts';
import { RoutingService } from './services/routing-service.ts';
import { DocumentImportService } from './services/document-import-service.ts';
import { ContentStore } from './documents/content-store.ts';
import { ImportInspector } from './documents/import-inspector.ts';
import { BatchScanner } from './documents/barcodes/batch-scanner.ts';
import { BatchImportService } from './services/batch-import-service.ts';
import { TextReader } from './documents/text-reader.ts';
import { DocumentTextService } from './services/document-text-service.ts';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './documents/import-limits.ts';
import type { WorkerUrls } from './workers/worker-urls.ts';
import { defaultScannerDrivers } from './scanning/driver-registry.ts';
import type { ScannerDriver } from './scanning/scanner-driver.ts';
import { ScannerService } from './services/scanner-service.ts';
import type { HotFolderTake } from './scanning/hot-folder.ts';
import { HotFolderSupervisor } from './scanning/hot-folder-supervisor.ts';

export interface WorkstationOptions {
  readonly dataDir: string;
  readonly version: string;
  readonly shell: Shell;
  /** Where the worker threads' scripts are (sources under Node, bundles inside Electron). */
  readonly workers: WorkerUrls;
  /** Overrides of the embedded defaults (tests, or a policy file later). */
  readonly defaults?: Partial<EditableSettings>;
  readonly checkOutput?: boolean;
  /** The shell's printer: Electron prints through the system dialog; the devserver has none. */
  readonly printPdf?: (bytes: Buffer) => Promise<boolean>;
  readonly logError?: (message: string, error: unknown) => void;
  /** Encrypts the stored sign-in token (Electron's safeStorage); null: a file only its owner reads. */
  readonly protectSecret?: SecretProtector | null;
  /** Load the demo city's organisation into a data folder that has none (`npm start`). */
  readonly demo?: boolean;
  /** What an imported file may demand (tests lower them; DEFAULT_IMPORT_LIMITS otherwise). */
  readonly importLimits?: ImportLimits;
  /** Separator-sheet strings besides PATCH-T for scanned batches (paperless' CONSUMER_BARCODE_STRING). */
  readonly batchSeparators?: readonly string[];
  /** Leave imported documents waiting in the text queue, unread (tests of the queue itself). */
  readonly holdTextQueue?: boolean;
  /** How scanners are reached (tests give SANE's test backend); by platform otherwise. */
  readonly scannerDrivers?: readonly ScannerDriver[];
  /** Where files from the hot folder go; the batch import (split by labels, the rest to the tray) by default. */
  readonly hotFolderTake?: HotFolderTake;
}

/** The workstation core as a host (Electron main or the devserver) sees it. */
export interface Workstation {
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  close(): Promise<void>;
}

export const DATABASE_FILE_NAME = 'kancelaria.sqlite';
export const SESSION_FILE_NAME = 'session.bin';
/** The content-addressed store of scans, originals and their PDFs, inside the data folder. */
export const FILES_DIR_NAME = 'files';

/** What a clerk may do before signing in, when a central server is configured. */
const OPEN_METHODS: ReadonlySet<Method> = new Set<Method>(['app.info', 'settings.get', 'settings.update', 'auth.status', 'auth.signIn', 'auth.signOut', 'sync.status']);

/** Composition root of core: opens the data folder, wires services to the contract's handlers. */
export async function startWorkstation(options: WorkstationOptions): Promise<Workstation> {
  mkdirSync(options.dataDir, { recursive: true });
  const databaseFile = join(options.dataDir, DATABASE_FILE_NAME);
  const db: DbClient = await startDbWorker(options.workers.db, databaseFile);
  if (options.demo === true && (await db.call('organisation.size')).units === 0) {
    const organisation = OrganisationData.parse(demoOrganisation());
    await db.call('organisation.replace', organisation);
    // Each employer (the urząd, every municipal unit) keeps its own JRWA; the demo gives them all the same list.
    const ownerCodes = organisation.units.filter((u) => u.kind === 'office' || u.kind === 'municipal_unit').map((u) => u.code);
    const classes = DEMO_JRWA.map((c) => JrwaClassInput.parse(c));
    await db.call('jrwa.importForOwners', { ownerCodes, name: 'Wykaz demonstracyjny', validFrom: '2011-01-01', classes }, new Date().toISOString());
    for (const template of DEMO_TEMPLATES) {
      await db.call('templates.save', { id: uuidv7(), input: TemplateInput.parse(template), at: new Date().toISOString(), by: 'Dane demonstracyjne' });
    }
  }
  const documents = startDocumentsWorker(options.workers.documents);
  const events = new EventBus();
  const settings = new SettingsService(db, events, defaultSettings(options.defaults));
  const logError = options.logError ?? ((message: string, error: unknown) => console.error(message, error));
  const auth = new AuthService({ db, settings, events, vault: new TokenVault(join(options.dataDir, SESSION_FILE_NAME), options.protectSecret ?? null) });
  await auth.restore();
  const store = new ContentStore(join(options.dataDir, FILES_DIR_NAME));
  // Documents pulled from the server are read once their files arrive (the queue is made below).
  let textQueue: DocumentTextService | null = null;
  const sync = new SyncEngine({ db, events, settings, auth, logError, store, filesArrived: () => textQueue?.kick() });
  const registry = new RegistryService(db, events, settings, {
    actor: () => ({ synced: auth.serverUrl !== '', displayName: auth.user?.displayName ?? auth.localPerson?.displayName ?? null, login: auth.user?.login ?? null }),
    changed: () => sync.kick(),
  });
  const cases = new CasesService({ db, auth, settings, changed: () => sync.kick() });
  const routing = new RoutingService({ db, auth, settings, events });
  events.subscribe((name) => {
    if (name === 'auth.changed') sync.kick();
  });
  const registryDocuments = new RegistryDocumentsService(db, documents, settings);
  const caseRegisterExport = new CaseRegisterExportService(db, documents);
  const reports = new ReportsService({ db, auth, settings, documents, events });
  // After an upgrade every closed case's outcome is computed once: in the background, before anyone asks.
  void reports.prepareOutcomes().catch((error: unknown) => logError('Computing case outcomes for reports failed', error));
  const complaints = new ComplaintsRegisterService({ db, documents, scope: () => reports.casesScope() });
  const templates = new TemplatesService({ db, documents, caseOf: (id) => cases.get(id) });
  const importer = new ImportInspector(options.workers.importer, options.importLimits ?? DEFAULT_IMPORT_LIMITS);
  const documentText = new DocumentTextService({ db, store, reader: new TextReader(options.workers.text), events, logError });
  textQueue = documentText;
  const documentImport = new DocumentImportService({ db, inspector: importer, store, auth, settings, events, queued: () => documentText.kick(), shared: () => sync.kick() });
  if (options.holdTextQueue !== true) await documentText.start();
  const replies = new ReplyService({ db, auth, settings, documents, store, caseOf: (id) => cases.get(id), changed: () => sync.kick() });
  const outgoing = new OutgoingService({
    db, auth, settings, documents, changed: () => sync.kick(), requireFinal: (id) => replies.requireFinal(id),
    leaseNow: (register, deskCode, year) => sync.leaseNow(register, deskCode, year),
  });
  const batchScanner = new BatchScanner(options.workers.batches, options.importLimits ?? DEFAULT_IMPORT_LIMITS);
  const batchImport = new BatchImportService({ db, scanner: batchScanner, store, auth, settings, events, options: { separatorStrings: options.batchSeparators ?? [] }, shared: () => sync.kick() });
  // Files the MFPs scan into the hot folder are batches: split by their labels, the rest to the tray.
  const takeFromHotFolder: HotFolderTake = async (fileName, bytes) => {
    const result = await batchImport.importBatch(fileName, bytes, { source: 'hotFolder' });
    return result.status === 'imported' ? { ok: true } : { ok: false, reasonKey: result.reason };
  };
  const hotFolder = new HotFolderSupervisor({ settings, events, take: options.hotFolderTake ?? takeFromHotFolder, logError, tuning: { maxFileBytes: (options.importLimits ?? DEFAULT_IMPORT_LIMITS).maxFileBytes } });
  await hotFolder.start();
  const scanner = new ScannerService({
    drivers: options.scannerDrivers ?? defaultScannerDrivers(),
    imports: documentImport,
    batches: (fileName, bytes) => batchImport.importBatch(fileName, bytes, { source: 'scanner' }),
    events,
    logError,
  });

  const handlers: Handlers = {
    'app.info': async (): Promise<AppInfo> => ({
      version: options.version,
      shell: options.shell,
      dataDir: options.dataDir,
      databaseFile,
      schemaVersion: await db.call('meta.schemaVersion'),
    }),
    'settings.get': () => settings.get(),
    'settings.update': async (input) => {
      const saved = await settings.update(input);
      // Before answering: a sign-in right after saving a new server address must use it.
      await auth.settingsChanged();
      sync.kick();
      return saved;
    },
    'registry.register': (input) => registry.register(input),
    'registry.cancel': (input) => registry.cancel(input.id, input.reason),
    'registry.get': (input) => registry.get(input.id),
    'registry.list': (input) => registry.list(input),
    'registry.desks': () => registry.desks(),
    'registry.document': (input) => registryDocuments.itemDocument(input),
    'registry.export': (input) => registryDocuments.registerExport(input),
    'documents.print': async (input) => {
      if (!options.printPdf) throw new AppError('not_supported', 'This shell does not print; the browser prints the opened PDF');
      return { printed: await options.printPdf(Buffer.from(input.base64, 'base64')) };
    },
    'documents.import': (input) => documentImport.importBytes(input.itemId, input.fileName, Buffer.from(input.base64, 'base64'), input.password),
    'documents.ofItem': (input) => documentImport.ofItem(input.itemId),
    'documents.file': (input) => documentImport.file(input.itemId, input.documentId, input.which),
    'documents.importBatch': (input) => batchImport.importBatch(input.fileName, Buffer.from(input.base64, 'base64'), { source: input.source }),
    'tray.list': () => batchImport.trayList(),
    'tray.file': (input) => batchImport.trayFile(input.trayId),
    'tray.assign': (input) => batchImport.trayAssign(input.trayId, { itemId: input.itemId, rpwNumber: input.rpwNumber }),
    'documents.search': (input) => documentText.search(input.text, input.limit),
    'documents.textState': (input) => documentText.state(input.itemId),
    'scanner.devices': () => scanner.devices(),
    'scanner.scan': (input) => scanner.scan(input),
    'scanner.scanBatch': (input) => scanner.scanBatch(input),
    'scanner.cancel': () => scanner.cancel(),
    'correspondents.search': (input) => registry.searchCorrespondents(input.text, input.limit),
    'correspondents.save': (input) => registry.saveCorrespondent(input),
    'organisation.units': () => db.call('organisation.units'),
    'organisation.people': (input) => db.call('organisation.people', { unitCode: input.unitCode, role: input.role }),
    'routing.route': (input) => routing.route(input),
    'routing.assign': (input) => routing.assign(input.routeId, input.assigneeLogin),
    'routing.accept': (input) => routing.accept(input.routeId),
    'routing.return': (input) => routing.giveBack(input.routeId, input.reason),
    'routing.ofItem': (input) => routing.ofItem(input.itemId),
    'routing.inbox': (input) => routing.inbox(input.limit),
    'cases.open': (input) => cases.open(input),
    'cases.get': (input) => cases.get(input.id),
    'cases.addNote': async (input) => {
      await cases.addNote(input.id, input.text);
      return { ok: true as const };
    },
    'cases.close': (input) => cases.close(input.id, input.settlement),
    'cases.register': (input) => cases.register(input),
    'cases.registerExport': (input) => caseRegisterExport.export(input),
    'reports.timeliness': (input) => reports.timeliness(input),
    'reports.open': (input) => reports.open(input),
    'reports.timelinessTrend': (input) => reports.timelinessTrend(input),
    'reports.intake': (input) => reports.intake(input),
    'reports.outgoing': (input) => reports.outgoing(input),
    'reports.drill': (input) => reports.drill(input),
    'reports.export': (input) => reports.export(input),
    'reports.complaints': (input) => complaints.rows(input),
    'reports.complaintsExport': (input) => complaints.export(input),
    'templates.list': (input) => db.call('templates.for', input.unitCode),
    'templates.versions': (input) => db.call('templates.versions', input.id),
    'templates.save': async (input) => {
      requireAdmin(auth);
      const actor = await currentActor(auth, db, settings);
      return templates.save(input, actor.name);
    },
    'templates.preview': (input) => templates.preview(input.template, input.caseId),
    'replies.ofCase': (input) => replies.ofCase(input.caseId),
    'replies.awaiting': () => replies.awaitingMe(),
    'replies.draft': (input) => replies.draft(input.caseId, input.templateId),
    'replies.update': (input) => replies.update(input.id, input.addressee, input.body, input.seenAt),
    'replies.submit': (input) => replies.submit(input.id),
    'replies.decide': (input) => (input.decision === 'accept' ? replies.accept(input.id, input.seenAt) : replies.returnWithRemarks(input.id, input.remarks, input.seenAt)),
    'replies.file': (input) => replies.file(input.id),
    'acceptance.chain': (input) => db.call('acceptance.chain', input.unitCode),
    'acceptance.saveChain': async (input) => {
      requireAdmin(auth);
      const actor = await currentActor(auth, db, settings);
      return refusalsAsErrors(() => db.call('acceptance.saveChain', { input, at: new Date().toISOString(), by: actor.name }), 'invalid_input', 'steps');
    },
    'outgoing.dispatchReply': (input) => outgoing.dispatchReply(input),
    'outgoing.recordDelivery': (input) => outgoing.recordDelivery(input),
    'outgoing.recordReturn': (input) => outgoing.recordReturn(input),
    'outgoing.ofCase': (input) => outgoing.ofCase(input.caseId),
    'outgoing.list': (input) => outgoing.list(input),
    'outgoing.print': (input) => outgoing.print(input),
    'cases.pause': (input) => cases.pause(input.id, input.from, input.reason),
    'cases.resume': (input) => cases.resume(input.id, input.to),
    'cases.extend': (input) => cases.extend(input.id, input.noticeOn, input.newDate, input.reason),
    'cases.dueSoon': (input) => cases.dueSoon(input.scope),
    'cases.list': (input) => cases.list(input),
    'cases.ofItem': (input) => cases.ofItem(input.itemId),
    'cases.attachItem': (input) => cases.attachItem(input.id, input.itemId),
    'jrwa.forUnit': async (input) => {
      const ownerCode = await db.call('jrwa.ownerOf', input.unitCode);
      return { ownerCode, classes: ownerCode === null ? [] : await db.call('jrwa.classes', ownerCode, input.date ?? officeToday()) };
    },
    'jrwa.classes': (input) => db.call('jrwa.classes', input.ownerCode, input.date ?? officeToday()),
    'jrwa.import': async (input) => {
      requireAdmin(auth);
      const { classes, problems } = parseJrwaCsv(input.csv);
      if (problems.length > 0) throw new AppError('invalid_input', 'The JRWA file has problems', problems.map((p) => ({ path: `line:${String(p.line)}`, message: p.message })));
      const imported = await db.call('jrwa.import', { ownerCode: input.ownerCode, name: input.name, validFrom: input.validFrom, classes }, new Date().toISOString());
      if ('problems' in imported) throw new AppError('invalid_input', 'The JRWA list does not hold together', imported.problems.map((p) => ({ path: `line:${String(p.line)}`, message: p.message })));
      return { versionId: imported.versionId, classes: classes.length };
    },
    'jrwa.addLocal': async (input) => {
      requireAdmin(auth);
      const added = await db.call('jrwa.addLocal', input.ownerCode, officeToday(), input.jrwaClass);
      if ('problem' in added) throw new AppError('invalid_input', 'The class cannot be added', [{ path: 'symbol', message: added.problem }]);
      return { ok: true as const };
    },
    'organisation.import': async (input) => {
      requireAdmin(auth);
      const counts = await db.call('organisation.replace', input);
      await auth.organisationChanged();
      events.emit('organisation.changed', counts);
      return counts;
    },
    'auth.status': () => auth.status(),
    'auth.signIn': (input) => auth.signIn(input),
    'auth.signOut': () => auth.signOut(),
    'auth.actAs': (input) => auth.actAs(input.login),
    'sync.status': () => sync.status(),
    'sync.now': () => sync.syncNow(),
    'sync.issues': (input) => db.call('sync.issues', input.limit),
    'sync.resolveIssue': async (input) => {
      const resolved = await db.call('sync.resolveIssue', input.id, new Date().toISOString());
      if (resolved) void sync.status().then((status) => events.emit('sync.status', status));
      return { resolved };
    },
  };

  let closing: Promise<void> | null = null;
  const dispatch = createDispatch(requireSignIn(handlers, auth), { checkOutput: options.checkOutput ?? false, logError });
  sync.kick();

  return {
    dispatch,
    events,
    // Idempotent: a host's shutdown path and a test's cleanup may both close it.
    close: () => (closing ??= (async () => {
      scanner.close();
      await hotFolder.stop();
      await sync.stop();
      await documentText.close();
      await reports.stop();
      await Promise.all([db.close(), documents.close(), importer.close(), batchScanner.close()]);
    })()),
  };
}

/**
 * With a central server, the local data opens only to someone signed in (online, or offline as a
 * person who signed in here before). Local mode has no sign-in at all.
 */
function requireSignIn(handlers: Handlers, auth: AuthService): Handlers {
  const guarded: Record<string, unknown> = {};
  for (const [name, handler] of Object.entries(handlers)) {
    guarded[name] = isMethod(name) && OPEN_METHODS.has(name)
      ? handler
      : (input: never) => {
          if (!auth.unlocked) throw new AppError('unauthenticated', 'Sign in first');
          return (handler as (input: never) => unknown)(input);
        };
  }
  return guarded as Handlers;
}

/** With a central server the organisation and JRWA are the server's; locally an administrator's. */
function requireAdmin(auth: AuthService): void {
  if (auth.serverUrl !== '' && auth.user?.role !== 'admin') throw new AppError('forbidden', 'Only an administrator changes the organisation or the JRWA');
}
