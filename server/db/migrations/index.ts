import { initial } from './0001-initial.ts';
import { changeTimes } from './0002-change-times.ts';
import { cases } from './0003-cases.ts';
import { routes } from './0004-routes.ts';
import { caseItems } from './0005-case-items.ts';
import { caseTerms } from './0006-case-terms.ts';
import { pushFunctions } from './0007-push-functions.ts';
import { caseSync } from './0008-case-sync.ts';
import { outgoingLetters } from './0009-outgoing-letters.ts';
import { caseTermAuthors } from './0010-case-term-authors.ts';
import { caseItemAuthors } from './0011-case-item-authors.ts';
import { blobs } from './0012-blobs.ts';
import { replies } from './0013-replies.ts';
import { rkwLeases } from './0014-rkw-leases.ts';
import { substitutions } from './0015-substitutions.ts';
import { changeAudiences } from './0016-change-audiences.ts';

/** One migration per file, applied in order; never edit one that has shipped, add the next. */
export interface ServerMigration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const serverMigrations: readonly ServerMigration[] = [initial, changeTimes, cases, routes, caseItems, caseTerms, pushFunctions, caseSync, outgoingLetters, caseTermAuthors, caseItemAuthors, blobs, replies, rkwLeases, substitutions, changeAudiences];
export const latestServerVersion = serverMigrations.at(-1)?.version ?? 0;
