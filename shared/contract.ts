import { z } from 'zod';
import { AppInfo, UpdateAvailable } from './app-info.ts';
import { CaseRegisterExportRequest, GeneratedFile, ItemDocumentRequest, PrintRequest, RegisterExportRequest } from './documents.ts';
import { Correspondent, CorrespondentInput, SearchCorrespondentsQuery } from './correspondents.ts';
import { DocumentFile, DocumentFileRequest, ImportDocumentInput, ImportDocumentResult, ItemDocument } from './document-import.ts';
import { ImportBatchInput, ImportBatchResult, TrayAssignInput, TrayAssignResult, TrayFileRequest, TrayPart } from './scan-batch.ts';
import { DocumentSearchHit, DocumentSearchQuery, DocumentTextStateQuery, DocumentTextStateResult, TextQueueProgress } from './document-text.ts';
import { ScanBatchInput, ScanBatchResult, ScanInput, ScannerDevice, ScanProgress, ScanResult } from './scanning.ts';
import { CancelItemInput, IncomingItem, ItemDetail, ItemPage, ListItemsQuery, RegisterItemInput } from './registry.ts';
import { EditableSettings, Settings } from './settings.ts';
import { OrganisationData, Person, Unit } from './organisation/organisation.ts';
import { JrwaClass, JrwaClassInput } from './organisation/jrwa.ts';
import { CaseEvent, CaseRegisterRow, CaseScope, CaseWithDeadline, ExtendCaseInput, OpenCaseInput, PauseCaseInput, ResumeCaseInput } from './cases.ts';
import { Inbox, ReturnRouteInput, Route, RouteItemInput } from './routing.ts';
import { Role } from './sync/protocol.ts';
import { LetterTemplate, TemplateInput } from './replies/templates.ts';
import { PlaceholderNameSchema } from './replies/placeholders.ts';
import { AcceptanceChain, AcceptanceChainInput } from './replies/acceptance.ts';
import { DecideReplyInput, DraftReplyInput, Reply, UpdateReplyInput } from './replies/replies.ts';
import { DispatchReplyInput, OutgoingLetter, OutgoingListQuery, OutgoingPrintRequest, RecordDeliveryInput, RecordReturnInput } from './outgoing/outgoing.ts';
import { ComplaintRow, ComplaintsExportRequest, ComplaintsQuery } from './reports/complaints.ts';
import { ActAsInput, AuthStatus, SignInInput, SyncIssue, SyncStatus } from './sync/status.ts';
import { IntakeQuery, IntakeReport, OutgoingFlowReport, OutgoingReportQuery } from './reports/flow.ts';
import {
  DrillQuery, DrillResult, OpenQuery, OpenReport, OutcomesProgress, ReportExportRequest, ReportFile, TimelinessQuery, TimelinessReport, TimelinessTrend, TimelinessTrendQuery,
} from './reports/reports.ts';

/**
 * The one contract between the renderer and the workstation core. Both transports (Electron IPC
 * and the devserver's loopback HTTP) carry exactly these methods and events; payloads are
 * JSON-shaped (ISO date strings, no Map/Date/undefined) so both behave the same.
 */

const NoInput = z.object({}).strict();
const OrganisationCounts = z.object({ units: z.number().int(), people: z.number().int(), desks: z.number().int() });

interface MethodSpec {
  readonly input: z.ZodType;
  readonly output: z.ZodType;
}

export const methods = {
  'app.info': { input: NoInput, output: AppInfo },
  'settings.get': { input: NoInput, output: Settings },
  'settings.update': { input: EditableSettings, output: Settings },
  'registry.register': { input: RegisterItemInput, output: IncomingItem },
  'registry.cancel': { input: CancelItemInput, output: IncomingItem },
  'registry.get': { input: z.object({ id: z.uuid() }), output: ItemDetail },
  'registry.list': { input: ListItemsQuery, output: ItemPage },
  'registry.desks': { input: NoInput, output: z.array(z.string()) },
  'registry.document': { input: ItemDocumentRequest, output: GeneratedFile },
  'registry.export': { input: RegisterExportRequest, output: GeneratedFile },
  'documents.print': { input: PrintRequest, output: z.object({ printed: z.boolean() }) },
  /** Attaches a scan or file (PDF, TIFF, JPEG, PNG) to a register entry, or says why it cannot. */
  'documents.import': { input: ImportDocumentInput, output: ImportDocumentResult },
  'documents.ofItem': { input: z.object({ itemId: z.uuid() }), output: z.array(ItemDocument) },
  /** A document's PDF or its original, read back for the viewer or a download; never changed. */
  'documents.file': { input: DocumentFileRequest, output: DocumentFile },
  /** A scanned batch of many letters, split at RPW labels and separator sheets; what has no entry goes to the tray. */
  'documents.importBatch': { input: ImportBatchInput, output: ImportBatchResult },
  /** Parts of scanned batches waiting for a clerk ("do rozdzielenia"). */
  'tray.list': { input: NoInput, output: z.array(TrayPart) },
  /** A tray part attached to a register entry by hand (by its id or RPW number); pages are never discarded. */
  'tray.assign': { input: TrayAssignInput, output: TrayAssignResult },
  /** A tray part's PDF (its pages cut from the batch), for a look before it is assigned. */
  'tray.file': { input: TrayFileRequest, output: DocumentFile },
  /** Pages of attached documents whose words match (diacritics optional), with their register entry. */
  'documents.search': { input: DocumentSearchQuery, output: z.array(DocumentSearchHit) },
  /** How far reading documents' text has got: one entry's documents, or the whole queue. */
  'documents.textState': { input: DocumentTextStateQuery, output: DocumentTextStateResult },
  /** Scanners this workstation reaches (through SANE, WIA or NAPS2); empty when none answers. */
  'scanner.devices': { input: NoInput, output: z.array(ScannerDevice) },
  /** Scans one page or a feeder's batch onto a register entry as one document, or says why not. */
  'scanner.scan': { input: ScanInput, output: ScanResult },
  /** Scans a batch of many letters and imports it as a scanned batch: split at the labels, the rest to the tray. */
  'scanner.scanBatch': { input: ScanBatchInput, output: ScanBatchResult },
  /** Stops the scan under way; nothing of it is attached. */
  'scanner.cancel': { input: NoInput, output: z.object({ cancelled: z.boolean() }) },
  'correspondents.search': { input: SearchCorrespondentsQuery, output: z.array(Correspondent) },
  'correspondents.save': { input: CorrespondentInput, output: Correspondent },
  'organisation.units': { input: NoInput, output: z.array(Unit.extend({ depth: z.number().int(), active: z.boolean() })) },
  'organisation.people': {
    input: z.object({ unitCode: z.string().nullable().default(null), role: Role.nullable().default(null) }),
    output: z.array(Person.extend({ active: z.boolean() })),
  },
  'organisation.import': { input: OrganisationData, output: OrganisationCounts },
  /** The JRWA a unit files under (its own employer's), as in force on `date` (today by default). */
  'jrwa.forUnit': {
    input: z.object({ unitCode: z.string().min(1), date: z.iso.date().nullable().default(null) }),
    output: z.object({ ownerCode: z.string().nullable(), classes: z.array(JrwaClass) }),
  },
  'jrwa.classes': { input: z.object({ ownerCode: z.string(), date: z.iso.date().nullable().default(null) }), output: z.array(JrwaClass) },
  'jrwa.import': {
    input: z.object({ ownerCode: z.string(), name: z.string().trim().min(1).max(200), validFrom: z.iso.date(), csv: z.string().max(5_000_000) }),
    output: z.object({ versionId: z.number().int(), classes: z.number().int() }),
  },
  'jrwa.addLocal': { input: z.object({ ownerCode: z.string(), jrwaClass: JrwaClassInput }), output: z.object({ ok: z.literal(true) }) },
  'routing.route': { input: RouteItemInput, output: z.array(Route) },
  'routing.assign': { input: z.object({ routeId: z.uuid(), assigneeLogin: z.string().min(1) }), output: Route },
  'routing.accept': { input: z.object({ routeId: z.uuid() }), output: Route },
  'routing.return': { input: ReturnRouteInput, output: Route },
  'routing.ofItem': { input: z.object({ itemId: z.uuid() }), output: z.array(Route) },
  'routing.inbox': { input: z.object({ limit: z.number().int().min(1).max(1000).default(200) }), output: Inbox },
  'cases.open': { input: OpenCaseInput, output: CaseWithDeadline },
  'cases.get': { input: z.object({ id: z.uuid() }), output: z.object({ case: CaseWithDeadline, itemIds: z.array(z.string()), events: z.array(CaseEvent) }) },
  'cases.addNote': { input: z.object({ id: z.uuid(), text: z.string().trim().min(1, { error: 'validation.required' }).max(5000) }), output: z.object({ ok: z.literal(true) }) },
  'cases.close': { input: z.object({ id: z.uuid(), settlement: z.string().trim().min(3, { error: 'validation.reasonRequired' }).max(1000) }), output: CaseWithDeadline },
  'cases.pause': { input: PauseCaseInput, output: CaseWithDeadline },
  'cases.resume': { input: ResumeCaseInput, output: CaseWithDeadline },
  'cases.extend': { input: ExtendCaseInput, output: CaseWithDeadline },
  'cases.dueSoon': { input: z.object({ scope: CaseScope.default('mine') }), output: z.array(CaseWithDeadline) },
  'cases.ofItem': { input: z.object({ itemId: z.uuid() }), output: z.array(CaseWithDeadline) },
  /** Another letter joins an open case. */
  'cases.attachItem': { input: z.object({ id: z.uuid(), itemId: z.uuid() }), output: CaseWithDeadline },
  'cases.list': {
    input: z.object({ scope: CaseScope.default('mine'), includeClosed: z.boolean().default(false), limit: z.number().int().min(1).max(5000).default(1000) }),
    output: z.array(CaseWithDeadline),
  },
  /** The spis spraw of a JRWA class at any level and a year, optionally for a period of it (by date of wszczęcie). */
  'cases.register': {
    input: z.object({
      jrwaSymbol: z.string().regex(/^\d{1,4}$/u), year: z.number().int().min(2000).max(2100), unitCode: z.string().nullable().default(null),
      from: z.iso.date().nullable().default(null), to: z.iso.date().nullable().default(null),
    }),
    output: z.array(CaseRegisterRow),
  },
  'cases.registerExport': { input: CaseRegisterExportRequest, output: GeneratedFile },
  /** Supervisor reports over the units the reader heads (all for the city secretary); `forbidden` for anyone else. */
  'reports.timeliness': { input: TimelinessQuery, output: TimelinessReport },
  'reports.open': { input: OpenQuery, output: OpenReport },
  /** Closed cases and the share on time, month by month, for the year up to a month. */
  'reports.timelinessTrend': { input: TimelinessTrendQuery, output: TimelinessTrend },
  /** Letters registered by channel and desk per day, week or month; scanned share; waiting for dekretacja as of now. */
  'reports.intake': { input: IntakeQuery, output: IntakeReport },
  /** Letters sent (RKW) by channel, unit and desk; postage; return receipts outstanding, returns, art. 44 deliveries. */
  'reports.outgoing': { input: OutgoingReportQuery, output: OutgoingFlowReport },
  /** The cases or letters behind one figure of a report. */
  'reports.drill': { input: DrillQuery, output: DrillResult },
  'reports.export': { input: ReportExportRequest, output: ReportFile },
  /** Letter templates a unit may write with (its own, then its parents'); all with null. */
  'templates.list': { input: z.object({ unitCode: z.string().nullable().default(null) }), output: z.array(LetterTemplate) },
  'templates.versions': { input: z.object({ id: z.uuid() }), output: z.array(LetterTemplate) },
  /** Saves the next version; refused with every broken or unknown placeholder (path field:line:column). */
  'templates.save': { input: TemplateInput, output: LetterTemplate },
  /** A draft PDF of a template (saved or not), filled from a case when given, and the placeholders left empty. */
  'templates.preview': {
    input: z.object({ template: TemplateInput.omit({ id: true, unitCode: true }), caseId: z.uuid().nullable().default(null) }),
    output: z.object({ file: GeneratedFile, missing: z.array(PlaceholderNameSchema) }),
  },
  /** Replies drafted in a case, oldest first. */
  'replies.ofCase': { input: z.object({ caseId: z.uuid() }), output: z.array(Reply) },
  /** Replies waiting at a step of akceptacja that is mine to decide. */
  'replies.awaiting': { input: NoInput, output: z.array(Reply) },
  'replies.draft': { input: DraftReplyInput, output: Reply },
  'replies.update': { input: UpdateReplyInput, output: Reply },
  'replies.submit': { input: z.object({ id: z.uuid() }), output: Reply },
  /** Whoever decides the current step accepts it (the last one makes the czystopis, frozen) or returns the reply with remarks. */
  'replies.decide': { input: DecideReplyInput, output: Reply },
  /** The czystopis, or the draft with PROJEKT across it and the placeholders still without a value. */
  'replies.file': { input: z.object({ id: z.uuid() }), output: GeneratedFile.extend({ missing: z.array(PlaceholderNameSchema) }) },
  /** A unit's akceptacja chain: its own steps, or the default (its head). */
  'acceptance.chain': { input: z.object({ unitCode: z.string().min(1).max(100) }), output: AcceptanceChain },
  /** Saves a unit's chain whole; no steps puts it back on the default. An administrator's. */
  'acceptance.saveChain': { input: AcceptanceChainInput, output: AcceptanceChain },
  /** An accepted reply sent under the desk's next RKW number; closes its case unless told not to. */
  'outgoing.dispatchReply': { input: DispatchReplyInput, output: OutgoingLetter },
  /** Delivery from the return receipt or the electronic proof (or the art. 44 fiction from the first awizo); once. */
  'outgoing.recordDelivery': { input: RecordDeliveryInput, output: OutgoingLetter },
  /** The letter came back undelivered; the reply may then be sent again. */
  'outgoing.recordReturn': { input: RecordReturnInput, output: OutgoingLetter },
  'outgoing.ofCase': { input: z.object({ caseId: z.uuid() }), output: z.array(OutgoingLetter) },
  /** The outgoing register (RKW) for a period, by desk and number. */
  'outgoing.list': { input: OutgoingListQuery, output: z.array(OutgoingLetter) },
  /** The dispatch book of a day's registered post (PDF, CSV), address labels, envelopes DL or C5. */
  'outgoing.print': { input: OutgoingPrintRequest, output: GeneratedFile },
  /** The rejestr skarg i wniosków of a year (KPA art. 254), within the reports' scope. */
  'reports.complaints': { input: ComplaintsQuery, output: z.array(ComplaintRow) },
  'reports.complaintsExport': { input: ComplaintsExportRequest, output: ReportFile },
  'auth.status': { input: NoInput, output: AuthStatus },
  'auth.signIn': { input: SignInInput, output: AuthStatus },
  'auth.signOut': { input: NoInput, output: AuthStatus },
  'auth.actAs': { input: ActAsInput, output: AuthStatus },
  'sync.status': { input: NoInput, output: SyncStatus },
  'sync.now': { input: NoInput, output: SyncStatus },
  'sync.issues': { input: z.object({ limit: z.number().int().min(1).max(500).default(200) }), output: z.array(SyncIssue) },
  'sync.resolveIssue': { input: z.object({ id: z.number().int().positive() }), output: z.object({ resolved: z.boolean() }) },
} as const satisfies Record<string, MethodSpec>;

export const events = {
  'settings.changed': Settings,
  'app.updateAvailable': UpdateAvailable,
  'registry.changed': z.object({ ids: z.array(z.string()) }),
  /** Cases changed by another desk (pulled through the server). */
  'cases.changed': z.object({ ids: z.array(z.string()) }),
  'auth.changed': AuthStatus,
  'organisation.changed': OrganisationCounts,
  'sync.status': SyncStatus,
  /** The background text queue moved: a page read, a document started or finished. */
  'ocr.progress': TextQueueProgress,
  'scanner.progress': ScanProgress,
  'reports.progress': OutcomesProgress,
} as const satisfies Record<string, z.ZodType>;

export type Method = keyof typeof methods;
export type EventName = keyof typeof events;
/** What a caller passes (before zod defaults and transforms). */
export type In<M extends Method> = z.input<(typeof methods)[M]['input']>;
/** What a handler receives (after parsing). */
export type ParsedIn<M extends Method> = z.output<(typeof methods)[M]['input']>;
export type Out<M extends Method> = z.output<(typeof methods)[M]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const methodNames = Object.keys(methods) as Method[];
export const eventNames = Object.keys(events) as EventName[];

// Own-property checks: a name such as "toString" or "__proto__" must never reach a handler.
export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}

/** Electron IPC channel names, shared by main's bridge and the preload. */
export const IPC_CHANNELS = { rpc: 'kancelaria:rpc', event: 'kancelaria:event' } as const;
