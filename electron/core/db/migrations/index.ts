import { migration0001Settings } from './0001-settings.ts';
import { migration0002IncomingRegister } from './0002-incoming-register.ts';
import { migration0003Sync } from './0003-sync.ts';
import { migration0004Organisation } from './0004-organisation.ts';
import { migration0005Jrwa } from './0005-jrwa.ts';
import { migration0006Cases } from './0006-cases.ts';
import { migration0007Routing } from './0007-routing.ts';
import { migration0008CursorPerPerson } from './0008-cursor-per-person.ts';
import { migration0009LocalPerson } from './0009-local-person.ts';
import { migration0010OutboxPerPerson } from './0010-outbox-per-person.ts';
import { migration0011ItemDocuments } from './0011-item-documents.ts';
import { migration0012UnsortedTray } from './0012-unsorted-tray.ts';
import { migration0013DocumentText } from './0013-document-text.ts';
import { migration0014LetterTemplates } from './0014-letter-templates.ts';
import { migration0015Replies } from './0015-replies.ts';
import { migration0016OutgoingRegister } from './0016-outgoing-register.ts';
import { migration0017CaseOutcomes } from './0017-case-outcomes.ts';
import { migration0018IntakeReportIndexes } from './0018-intake-report-indexes.ts';
import { migration0019FlowCounters } from './0019-flow-counters.ts';
import { migration0020AcceptanceChains } from './0020-acceptance-chains.ts';
import { migration0021BlobTransfers } from './0021-blob-transfers.ts';
import { migration0022PullNewEntitiesAgain } from './0022-pull-new-entities-again.ts';
import { migration0023RkwBlocks } from './0023-rkw-blocks.ts';
import type { Migration } from './migration.ts';

/** Every migration, in order. Append only: a released migration is never edited. */
export const migrations: readonly Migration[] = [migration0001Settings, migration0002IncomingRegister, migration0003Sync, migration0004Organisation, migration0005Jrwa, migration0006Cases, migration0007Routing, migration0008CursorPerPerson, migration0009LocalPerson, migration0010OutboxPerPerson, migration0011ItemDocuments, migration0012UnsortedTray, migration0013DocumentText, migration0014LetterTemplates, migration0015Replies, migration0016OutgoingRegister, migration0017CaseOutcomes, migration0018IntakeReportIndexes, migration0019FlowCounters, migration0020AcceptanceChains, migration0021BlobTransfers, migration0022PullNewEntitiesAgain, migration0023RkwBlocks];

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;
