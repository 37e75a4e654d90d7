import type { Database } from 'better-sqlite3';
import { officeIsoDate } from '../../../../shared/dates.ts';
import { caseDeadline, findMatterType } from '../../../../shared/deadlines/index.ts';
import { COMPLAINT_MATTER_TYPES, type ComplaintRow } from '../../../../shared/reports/complaints.ts';
import { deadlineFacts, FIRST_LETTER_OF_CASE } from './cases.ts';
import { refreshCaseOutcomes } from './reports.ts';

interface Row {
  id: string;
  sign: string | null;
  unit_code: string;
  jrwa_symbol: string;
  year: number;
  matter_type: ComplaintRow['matterType'];
  title: string;
  started_on: string;
  received_at: string | null;
  sender_name: string | null;
  handler: string | null;
  closed_at: string | null;
  settlement: string | null;
  due_on: string | null;
  on_time: number | null;
}

/**
 * The complaints and requests of a year within `scope` (null: every unit), in order of receipt.
 * Closed cases take their term and timeliness from `case_outcomes` (kept by the reports); open
 * ones have their term computed now, so an overdue complaint shows as such.
 */
export function complaintsRegister(db: Database, args: { year: number; scope: readonly string[] | null; today: string }): ComplaintRow[] {
  refreshCaseOutcomes(db);
  const rows = db
    .prepare<[{ year: number; scope: string | null; types: string }], Row>(
      `SELECT c.id, c.sign, c.unit_code, c.jrwa_symbol, c.year, c.matter_type, c.title, c.started_on, i.received_at, i.sender_name,
              p.display_name AS handler, c.closed_at, c.settlement, o.due_on, o.on_time
         FROM cases c
         LEFT JOIN incoming_items i ON i.id = ${FIRST_LETTER_OF_CASE}
         LEFT JOIN people p ON p.login = c.handler_login
         LEFT JOIN case_outcomes o ON o.case_id = c.id
        WHERE c.year = @year AND c.matter_type IN (SELECT value FROM json_each(@types))
          AND (@scope IS NULL OR c.unit_code IN (SELECT value FROM json_each(@scope)))
        ORDER BY coalesce(i.received_at, c.started_on), c.case_no`,
    )
    .all({ year: args.year, scope: args.scope === null ? null : JSON.stringify(args.scope), types: JSON.stringify(COMPLAINT_MATTER_TYPES) });
  return rows.map((r) => {
    const open = r.closed_at === null;
    const matterType = findMatterType(r.matter_type);
    const dueOn = open ? (matterType ? caseDeadline({ startedOn: r.started_on, matterType, ...deadlineFacts(db, r.id) }).current?.adjusted ?? null : null) : r.due_on;
    return {
      caseId: r.id,
      sign: r.sign ?? `${r.unit_code}.${r.jrwa_symbol}.…/${String(r.year)} (tymczasowy)`,
      matterType: r.matter_type,
      receivedOn: r.received_at === null ? r.started_on : officeIsoDate(new Date(r.received_at)),
      senderName: r.sender_name,
      subject: r.title,
      unitCode: r.unit_code,
      handlerName: r.handler,
      dueOn,
      closedOn: r.closed_at === null ? null : officeIsoDate(new Date(r.closed_at)),
      settlement: r.settlement,
      onTime: open || r.on_time === null ? null : r.on_time === 1,
      overdue: open && dueOn !== null && dueOn < args.today,
    };
  });
}
