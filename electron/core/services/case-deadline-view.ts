import type { CaseDeadlineView, CaseRecord } from '../../../shared/cases.ts';
import { caseStatus, findMatterType } from '../../../shared/deadlines/index.ts';
import { officeIsoDate } from '../../../shared/dates.ts';
import type { DeadlineFacts } from '../db/repositories/cases.ts';

/**
 * A case against its statutory term as of `today`, through the deadline engine; null for a
 * matter type the engine does not know (then no date is promised).
 */
export function caseDeadlineView(record: CaseRecord, facts: DeadlineFacts, today: string): CaseDeadlineView | null {
  const matterType = findMatterType(record.matterType);
  if (!matterType) return null;
  const status = caseStatus(
    { startedOn: record.startedOn, matterType, pauses: facts.pauses, extensions: facts.extensions, closedOn: record.closedAt === null ? null : officeIsoDate(new Date(record.closedAt)) },
    today,
  );
  return {
    state: status.state,
    originalDueDate: status.deadline.original?.adjusted ?? null,
    currentDueDate: status.deadline.current?.adjusted ?? null,
    calendarDaysLeft: status.calendarDaysLeft,
    workingDaysLeft: status.workingDaysLeft,
    processingDays: status.processingDays,
    extended: status.deadline.extension !== null,
  };
}
