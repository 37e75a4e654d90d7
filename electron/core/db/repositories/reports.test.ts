import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReportFixture, CLERK_GN_I, HEAD_GN, HEAD_GN_I, SECRETARY } from '../../test-support/report-fixture.ts';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { openDatabase } from '../open.ts';
import { extendCase } from './cases.ts';
import { drillReport, openReport, refreshCaseOutcomes, reportScope, timelinessReport } from './reports.ts';

const tempDir = useTempDirs();

function fixtureDb() {
  const db = openDatabase(join(tempDir(), 'k.sqlite'));
  return { db, fixture: buildReportFixture(db) };
}

const APRIL_MAY = { from: '2026-04-01', to: '2026-05-31', scope: null, minCount: 2 } as const;

describe('timeliness report (hand-computed over report-fixture.ts)', () => {
  it('counts, shares, medians and P90 per unit, net of pauses, with the art. 36 date and the holiday roll', () => {
    const { db } = fixtureDb();
    const report = timelinessReport(db, { ...APRIL_MAY, groupBy: 'unit' });
    const [gnI, gnII] = report.rows;
    // GN-I closed A, B, C, D.
    // A: 03-02 + 1 month = 04-02, + 10 paused days (03-11…03-20) = 04-12 (Sunday) → 04-13; closed 04-13: on time.
    //    net = (04-13 − 03-02 = 42) − 10 = 32; first action 03-02 → 03-04 = 2; resolution 42.
    // B: due 04-16, notice of 04-10 sets 05-15; closed 05-14: on time; net 05-14 − 03-16 = 59; first action 0; 1 notice.
    // C: due 04-03 (Good Friday is a working day); closed 04-20: late; net 04-20 − 03-03 = 48; first action 03-03 → 03-08 = 5.
    // D: 03-31 + 1 month = 04-30 (month end clamps); closed 04-30: on time; net 30; no letter, so no first action; resolution 30.
    // On time 3 of 4 = 0.75; net sorted [30, 32, 48, 59]: median (32 + 48) / 2 = 40, P90 = rank ceil(3.6) = 4th = 59.
    // First action [0, 2, 5]: median 2. Resolution [30, 42, 48, 59]: median (42 + 48) / 2 = 45. L1 never accepted: 1.
    expect(gnI).toMatchObject({
      key: 'GN-I', closed: 4, withDeadline: 4, onTime: 3, late: 1, onTimeShare: 0.75,
      medianDays: 40, p90Days: 59, withFirstAction: 3, medianFirstActionDays: 2, medianResolutionDays: 45, notices: 1, notActedOn: 1, belowMinimum: false,
    });
    // GN-II closed E, F.
    // E (skarga, 1 month): 04-03 → 05-03, a Sunday and a holiday → 05-04; closed 05-04: on time; net 31; first action 0.
    // F: 04-01 → 05-01 (holiday) → 05-02 (Saturday) → 05-03 (Sunday, holiday) → 05-04; closed 05-05: late; net 34;
    //    its letter was assigned and never accepted: no first action, and it counts as not acted on, with L2 (waiting): 2.
    // Net [31, 34]: median 32.5, P90 = rank ceil(1.8) = 2nd = 34. Resolution [31, 34]: 32.5.
    expect(gnII).toMatchObject({
      key: 'GN-II', closed: 2, withDeadline: 2, onTime: 1, late: 1, onTimeShare: 0.5,
      medianDays: 32.5, p90Days: 34, withFirstAction: 1, medianFirstActionDays: 0, medianResolutionDays: 32.5, notices: 0, notActedOn: 2,
    });
    // All six: on time 4 of 6; net [30, 31, 32, 34, 48, 59]: median (32 + 34) / 2 = 33, P90 = rank ceil(5.4) = 6th = 59.
    // First action [0, 0, 2, 5]: median 1. Resolution [30, 31, 34, 42, 48, 59]: median (34 + 42) / 2 = 38.
    expect(report.total).toMatchObject({ closed: 6, onTime: 4, late: 2, medianDays: 33, p90Days: 59, medianFirstActionDays: 1, medianResolutionDays: 38, notices: 1, notActedOn: 3 });
    expect(report.total.onTimeShare).toBeCloseTo(4 / 6, 10);
    expect(report.rows).toHaveLength(2);
  });

  it('spreads the period’s closed cases over bands of days net of pauses, for the distribution chart', () => {
    const { db } = fixtureDb();
    // Net days as above: D 30; E 31, A 32, F 34, C 48, B 59.
    expect(timelinessReport(db, { ...APRIL_MAY, groupBy: 'unit' }).durations).toEqual([
      { from: 0, to: 7, cases: 0 }, { from: 8, to: 14, cases: 0 }, { from: 15, to: 30, cases: 1 },
      { from: 31, to: 60, cases: 5 }, { from: 61, to: 90, cases: 0 }, { from: 91, to: null, cases: 0 },
    ]);
    // A unit head's: GN-II's E and F only.
    expect(timelinessReport(db, { ...APRIL_MAY, groupBy: 'unit', scope: ['GN-II'] }).durations.map((b) => b.cases)).toEqual([0, 0, 0, 2, 0, 0]);
    db.close();
  });

  it('takes a case closed on the last day of a month into that month only', () => {
    const { db, fixture } = fixtureDb();
    const april = timelinessReport(db, { from: '2026-04-01', to: '2026-04-30', scope: null, minCount: 1, groupBy: 'unit' });
    // April closures: A (04-13), C (04-20), D (04-30); B, E and F closed in May.
    expect(april.total.closed).toBe(3);
    const may = drillReport(db, { report: 'timeliness', query: { from: '2026-05-01', to: '2026-05-31', scope: null, minCount: 1, groupBy: 'unit' }, group: undefined, measure: 'closed', limit: 50 });
    expect(may.rows.map((r) => r.id).sort()).toEqual([fixture.cases.B, fixture.cases.E, fixture.cases.F].sort());
  });

  it('gives counts only, no shares or medians, to groups below the minimum', () => {
    const { db } = fixtureDb();
    const report = timelinessReport(db, { ...APRIL_MAY, minCount: 5, groupBy: 'unit' });
    expect(report.rows.map((r) => [r.key, r.closed, r.onTime, r.belowMinimum, r.onTimeShare, r.medianDays])).toEqual([
      ['GN-I', 4, 3, true, null, null],
      ['GN-II', 2, 1, true, null, null],
    ]);
    expect(report.total).toMatchObject({ closed: 6, belowMinimum: false, medianDays: 33 });
  });

  it('groups by handler, class and matter type; the case without a handler has its own line', () => {
    const { db } = fixtureDb();
    const byHandler = timelinessReport(db, { ...APRIL_MAY, groupBy: 'handler' });
    // ajankowska2: E, F (+ F's letter not acted on); iadamczyk2: A, B, C (+ L1); nobody: D (+ L2, unassigned).
    expect(byHandler.rows.map((r) => [r.key, r.label, r.closed, r.notActedOn])).toEqual([
      ['ajankowska2', 'Aleksandra Jankowska', 2, 1],
      ['iadamczyk2', 'Iwona Adamczyk', 3, 1],
      [null, '', 1, 1],
    ]);
    const byClass = timelinessReport(db, { ...APRIL_MAY, groupBy: 'jrwa' });
    // C alone is 6730; the rest 6831. A letter has no class before its case: not acted on is total-only.
    expect(byClass.rows.map((r) => [r.key, r.label, r.closed, r.notActedOn])).toEqual([
      ['6730', '6730 Decyzje o warunkach zabudowy', 1, null],
      ['6831', '6831 Podziały nieruchomości', 5, null],
    ]);
    expect(byClass.total.notActedOn).toBe(3);
    const byType = timelinessReport(db, { ...APRIL_MAY, groupBy: 'matterType' });
    expect(byType.rows.map((r) => [r.key, r.closed, r.onTime])).toEqual([['kpa_general', 5, 3], ['skarga', 1, 1]]);
  });

  it('drills every figure down to the cases and letters behind it', () => {
    const { db, fixture } = fixtureDb();
    const drill = (group: string | null | undefined, measure: 'closed' | 'onTime' | 'late' | 'notices' | 'notActedOn') =>
      drillReport(db, { report: 'timeliness', query: { ...APRIL_MAY, groupBy: 'unit' }, group, measure, limit: 50 });
    const { cases, letters } = fixture;
    expect(drill('GN-I', 'late').rows.map((r) => r.id)).toEqual([cases.C]);
    expect(drill('GN-I', 'onTime').rows.map((r) => r.id)).toEqual([cases.A, cases.D, cases.B]);
    expect(drill('GN-I', 'notices').rows).toMatchObject([{ id: cases.B, dueOn: '2026-05-15', closedOn: '2026-05-14', netDays: 59, onTime: true, notices: 1 }]);
    expect(drill('GN-II', 'notActedOn').rows.map((r) => [r.kind, r.id])).toEqual([['item', letters.F], ['item', letters.L2]]);
    expect(drill(undefined, 'late').total).toBe(2);
    expect(drill(undefined, 'notActedOn').total).toBe(3);
    const a = drill('GN-I', 'closed').rows.find((r) => r.id === cases.A);
    expect(a).toMatchObject({ kind: 'case', reference: 'GN-I.6831.1.2026', dueOn: '2026-04-13', closedOn: '2026-04-13', netDays: 32, handlerName: 'Iwona Adamczyk' });
  });
});

describe('open and overdue report', () => {
  it('shows each unit’s open, overdue, due-soon and oldest cases as of a past day', () => {
    const { db } = fixtureDb();
    const report = openReport(db, { asOf: '2026-04-15', groupBy: 'unit', scope: null });
    // Open on 04-15 (started by then, closed later or never): B, C, D, G in GN-I; E, F, H, I in GN-II. A closed 04-13.
    // GN-I: C due 04-03 → overdue; G 03-20 → 04-20 (Monday), 5 days left → within 7 only; B extended to 05-15 (notice 04-10, known
    //   by 04-15); D due 04-30. Oldest C (03-03): 04-15 − 03-03 = 43 days.
    // GN-II: H 03-17 → 04-17 (Friday), 2 days left → within 3 (and 7); E, F due 05-04; I paused since 03-25: no date.
    //   Oldest I (03-05): 41 days.
    expect(report.rows).toEqual([
      { key: 'GN-I', label: expect.any(String) as string, open: 4, overdue: 1, dueIn3: 0, dueIn7: 1, oldestStartedOn: '2026-03-03', oldestDays: 43 },
      { key: 'GN-II', label: expect.any(String) as string, open: 4, overdue: 0, dueIn3: 1, dueIn7: 1, oldestStartedOn: '2026-03-05', oldestDays: 41 },
    ]);
    expect(report.total).toMatchObject({ open: 8, overdue: 1, dueIn3: 1, dueIn7: 2, oldestDays: 43 });
  });

  it('drills down per handler, and does not see a notice issued after the day asked about', () => {
    const { db, fixture } = fixtureDb();
    const query = { asOf: '2026-04-15', groupBy: 'handler' as const, scope: null };
    const drill = (group: string | null | undefined, measure: 'open' | 'overdue' | 'dueIn3' | 'dueIn7' | 'oldest') => drillReport(db, { report: 'open', query, group, measure, limit: 50 }).rows.map((r) => r.id);
    expect(drill(undefined, 'dueIn7')).toEqual([fixture.cases.H, fixture.cases.G]);
    expect(drill('iadamczyk2', 'overdue')).toEqual([fixture.cases.C]);
    expect(drill(null, 'open')).toEqual([fixture.cases.D]);
    expect(drill('ajankowska2', 'oldest')).toEqual([fixture.cases.I]);
    // As of 04-09, B's notice (04-10) is not known yet: due 04-16, 7 days left → within 7 days.
    expect(drillReport(db, { report: 'open', query: { ...query, asOf: '2026-04-09' }, group: 'iadamczyk2', measure: 'dueIn7', limit: 50 }).rows.map((r) => r.id)).toContain(fixture.cases.B);
  });
});

describe('report scope and the outcome cache', () => {
  it('gives the city secretary every unit, a head the units they head with sections, a clerk nothing', () => {
    const { db } = fixtureDb();
    expect(reportScope(db, { login: SECRETARY.login, sessionRole: null })).toEqual({ kind: 'all' });
    expect(reportScope(db, { login: HEAD_GN.login, sessionRole: null })).toEqual({ kind: 'units', codes: ['GN', 'GN-I', 'GN-II'] });
    expect(reportScope(db, { login: HEAD_GN_I.login, sessionRole: null })).toEqual({ kind: 'units', codes: ['GN-I'] });
    expect(reportScope(db, { login: CLERK_GN_I.login, sessionRole: null })).toEqual({ kind: 'none' });
    const gnIOnly = timelinessReport(db, { ...APRIL_MAY, scope: ['GN-I'], groupBy: 'unit' });
    expect(gnIOnly.rows.map((r) => r.key)).toEqual(['GN-I']);
    expect(gnIOnly.total).toMatchObject({ closed: 4, notActedOn: 1 });
  });

  it('computes a closed case once, and again only when something it depends on changes', () => {
    const { db, fixture } = fixtureDb();
    expect(refreshCaseOutcomes(db)).toBe(6);
    expect(refreshCaseOutcomes(db)).toBe(0);
    // A closed case is read-only through the app, but a late sync can still add a notice: C becomes on time.
    db.prepare("INSERT INTO case_extensions (case_id, notified_on, new_due_date, reason) VALUES (?, '2026-04-01', '2026-04-24', 'Opinia')").run(fixture.cases.C);
    expect(refreshCaseOutcomes(db)).toBe(1);
    expect(drillReport(db, { report: 'timeliness', query: { ...APRIL_MAY, groupBy: 'unit' }, group: 'GN-I', measure: 'late', limit: 10 }).total).toBe(0);
    // extendCase itself refuses a closed case: the app never gets there.
    expect(() => extendCase(db, { caseId: fixture.cases.A, noticeOn: '2026-04-01', newDate: '2026-05-01', reason: 'x x x', at: 'now', actor: CLERK_GN_I, outbox: false })).toThrow();
  });
});
