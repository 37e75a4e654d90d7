import type { Database } from 'better-sqlite3';
import { schemaVersion } from '../migrate.ts';
import { getCorrespondent, saveCorrespondent, searchCorrespondents } from './correspondents.ts';
import { cancelItem, getItem, itemsForExport, listDeskCodes, listItems, registerItem } from './incoming-items.ts';
import { addCaseNote, attachItemToCase, caseRegister, casesOf, casesOfItem, closeCase, deadlineFacts, extendCase, getCase, jrwaOwnerOf, openCase, openCasesOf, pauseCase, resumeCase } from './cases.ts';
import { caseRegisterHeading } from './case-register.ts';
import { drillFlow, intakeReport, outgoingFlowReport } from './report-flow.ts';
import { timelinessTrend } from './report-trend.ts';
import { drillReport, openReport, refreshCaseOutcomes, reportScope, staleCaseOutcomes, timelinessReport } from './reports.ts';
import { addLocalJrwaClass, importJrwa, importJrwaForOwners, jrwaClasses } from './jrwa.ts';
import { acceptRoute, assignRoute, inbox, itemRoutes, returnRoute, routeItem } from './routing.ts';
import { knownUser, rememberUser } from './known-users.ts';
import { blobDownloadPending, blobTransferAttempts, blobTransferCounts, blobTransfersDue, documentsAwaitingFiles, failBlobTransfer, finishBlobTransfer, nextBlobRetryAt } from './blob-transfers.ts';
import { finishDownload } from './remote-documents.ts';
import { addItemDocument, itemDocumentByOriginal, itemDocuments, itemExists, storedFileInUse } from './item-documents.ts';
import { letterTemplate, letterTemplatesFor, letterTemplateVersions, saveLetterTemplate } from './letter-templates.ts';
import { assignTrayPart, batchFileInUse, batchSummary, recordBatch, trayPartPdf, trayParts } from './scan-batches.ts';
import { documentTextStatus, finishTextJob, resumeTextJobs, savePageText, searchDocumentText, takeTextJob, textQueueProgress } from './document-text.ts';
import { localPersonLogin, setLocalPerson } from './local-person.ts';
import { acceptanceChain, saveAcceptanceChain } from './acceptance-chains.ts';
import { acceptReply, acceptReplyStep, checkAcceptance, draftReply, getReply, repliesAwaitingDecision, repliesOfCase, returnReply, submitReply, updateReply } from './replies.ts';
import { dispatchBookLetters, dispatchReply, getOutgoing, rkwDeskOf, outgoingByIds, listOutgoing, outgoingOfCase, recordDelivery, recordReturn } from './outgoing-letters.ts';
import { complaintsRegister } from './complaints-register.ts';
import { getPerson, letterPeople, listPeople, listUnits, organisationSize, replaceOrganisation, substitutingFor } from './organisation.ts';
import { readSettings, writeSettings } from './settings.ts';
import { applyPushResults, claimQueue, clientOf, outboxBatch, outboxBatchAfterUploads, syncCounts, unclaimedQueue } from './outbox.ts';
import { addLeasedBlock, leasedDesks, leasedNumbersLeft, voidNumbers } from './numbering.ts';
import { applyPulledChanges, cursorOf, listSyncIssues, resetCursor, resolveSyncIssue, syncStateFor, voidUnusedNumbers } from './sync.ts';

/**
 * Every synchronous repository function the worker may run, by name. The worker protocol and the
 * client's types both derive from this one map (Signal's DataReader/DataWriter idea, shrunk).
 */
export const repositories = {
  'meta.schemaVersion': schemaVersion,
  'templates.save': saveLetterTemplate,
  'templates.get': letterTemplate,
  'templates.versions': letterTemplateVersions,
  'templates.for': letterTemplatesFor,
  'replies.draft': draftReply,
  'replies.update': updateReply,
  'replies.submit': submitReply,
  'replies.return': returnReply,
  'replies.checkAcceptance': checkAcceptance,
  'replies.accept': acceptReply,
  'replies.acceptStep': acceptReplyStep,
  'acceptance.chain': acceptanceChain,
  'acceptance.saveChain': saveAcceptanceChain,
  'replies.get': getReply,
  'replies.ofCase': repliesOfCase,
  'replies.awaiting': repliesAwaitingDecision,
  'organisation.letterPeople': letterPeople,
  'reports.complaints': complaintsRegister,
  'outgoing.dispatchReply': dispatchReply,
  'outgoing.deskOf': rkwDeskOf,
  'outgoing.recordDelivery': recordDelivery,
  'outgoing.recordReturn': recordReturn,
  'outgoing.get': getOutgoing,
  'outgoing.ofCase': outgoingOfCase,
  'outgoing.list': listOutgoing,
  'outgoing.byIds': outgoingByIds,
  'outgoing.dispatchBook': dispatchBookLetters,
  'settings.read': readSettings,
  'settings.write': writeSettings,
  'registry.register': registerItem,
  'registry.cancel': cancelItem,
  'registry.get': getItem,
  'registry.list': listItems,
  'registry.forExport': itemsForExport,
  'registry.desks': listDeskCodes,
  'correspondents.save': saveCorrespondent,
  'correspondents.get': getCorrespondent,
  'correspondents.search': searchCorrespondents,
  'sync.state': syncStateFor,
  'sync.clientOf': clientOf,
  'sync.unclaimedQueue': unclaimedQueue,
  'sync.claimQueue': claimQueue,
  'sync.outboxBatch': outboxBatch,
  'sync.outboxBatchAfterUploads': outboxBatchAfterUploads,
  'sync.applyPushResults': applyPushResults,
  'sync.applyPulled': applyPulledChanges,
  'sync.resetCursor': resetCursor,
  'sync.cursorOf': cursorOf,
  'sync.addLease': addLeasedBlock,
  'sync.numbersLeft': leasedNumbersLeft,
  'sync.leasedDesks': leasedDesks,
  'sync.voidUnused': voidUnusedNumbers,
  'sync.voidNumbers': voidNumbers,
  'sync.counts': syncCounts,
  'sync.issues': listSyncIssues,
  'sync.resolveIssue': resolveSyncIssue,
  'organisation.replace': replaceOrganisation,
  'organisation.units': listUnits,
  'organisation.people': listPeople,
  'organisation.person': getPerson,
  'organisation.substitutingFor': substitutingFor,
  'organisation.size': organisationSize,
  'jrwa.import': importJrwa,
  'jrwa.importForOwners': importJrwaForOwners,
  'jrwa.classes': jrwaClasses,
  'jrwa.addLocal': addLocalJrwaClass,
  'routing.route': routeItem,
  'routing.assign': assignRoute,
  'routing.accept': acceptRoute,
  'routing.return': returnRoute,
  'routing.ofItem': itemRoutes,
  'routing.inbox': inbox,
  'cases.open': openCase,
  'cases.attachItem': attachItemToCase,
  'cases.addNote': addCaseNote,
  'cases.close': closeCase,
  'cases.get': getCase,
  'cases.register': caseRegister,
  'cases.registerHeading': caseRegisterHeading,
  'cases.deadlineFacts': deadlineFacts,
  'cases.pause': pauseCase,
  'cases.resume': resumeCase,
  'cases.extend': extendCase,
  'cases.openOf': openCasesOf,
  'cases.of': casesOf,
  'cases.ofItem': casesOfItem,
  'reports.scope': reportScope,
  'reports.refreshOutcomes': refreshCaseOutcomes,
  'reports.staleOutcomes': staleCaseOutcomes,
  'reports.timeliness': timelinessReport,
  'reports.open': openReport,
  'reports.timelinessTrend': timelinessTrend,
  'reports.drill': drillReport,
  'reports.intake': intakeReport,
  'reports.outgoing': outgoingFlowReport,
  'reports.drillFlow': drillFlow,
  'jrwa.ownerOf': jrwaOwnerOf,
  'auth.rememberUser': rememberUser,
  'auth.knownUser': knownUser,
  'auth.localPerson': localPersonLogin,
  'auth.setLocalPerson': setLocalPerson,
  'documents.itemExists': itemExists,
  'documents.byOriginal': itemDocumentByOriginal,
  'documents.add': addItemDocument,
  'documents.ofItem': itemDocuments,
  'documents.fileInUse': storedFileInUse,
  'blobs.due': blobTransfersDue,
  'blobs.finish': finishBlobTransfer,
  'blobs.finishDownload': finishDownload,
  'documents.awaitingFiles': documentsAwaitingFiles,
  'blobs.fail': failBlobTransfer,
  'blobs.attempts': blobTransferAttempts,
  'blobs.nextRetryAt': nextBlobRetryAt,
  'blobs.counts': blobTransferCounts,
  'blobs.downloadPending': blobDownloadPending,
  'batches.record': recordBatch,
  'batches.summary': batchSummary,
  'batches.fileInUse': batchFileInUse,
  'tray.list': trayParts,
  'tray.assign': assignTrayPart,
  'tray.partPdf': trayPartPdf,
  'documentText.resume': resumeTextJobs,
  'documentText.take': takeTextJob,
  'documentText.savePage': savePageText,
  'documentText.finish': finishTextJob,
  'documentText.progress': textQueueProgress,
  'documentText.status': documentTextStatus,
  'documentText.search': searchDocumentText,
} satisfies Record<string, (db: Database, ...args: never[]) => unknown>;

export type Repositories = typeof repositories;
export type RepoName = keyof Repositories;
export type RepoArgs<K extends RepoName> = Parameters<Repositories[K]> extends [Database, ...infer Rest] ? Rest : never;
export type RepoResult<K extends RepoName> = ReturnType<Repositories[K]>;

export function isRepoName(name: unknown): name is RepoName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(repositories, name);
}
