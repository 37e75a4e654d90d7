import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TimelinessReport, TimelinessRow } from '../../shared/reports/reports.ts';
import { createClient } from '../../shared/rpc/client.ts';
import { setApiClient } from '../api/index.ts';
import { fakeEvents } from '../test-support/fake-events.ts';
import { previousMonth, useReportsStore } from './reports.ts';

function row(key: string | null, closed: number, onTimeShare: number | null, belowMinimum = false): TimelinessRow {
  return {
    key, label: key ?? '', closed, withDeadline: closed, onTime: 0, late: 0, onTimeShare, medianDays: onTimeShare === null ? null : 10, p90Days: null,
    withFirstAction: 0, medianFirstActionDays: null, medianResolutionDays: null, notices: 0, notActedOn: 0, belowMinimum,
  };
}

function report(rows: TimelinessRow[], from = '2026-04-01'): TimelinessReport {
  return { query: { from, to: '2026-04-30', groupBy: 'unit', minCount: 5 }, scope: null, rows, total: row(null, 0, null), durations: [] };
}

/** A transport whose answers the test releases by hand, in any order. */
function heldTransport() {
  const held: { method: string; input: unknown; answer: (value: unknown) => void; fail: (error: unknown) => void }[] = [];
  const client = createClient({
    call: (method, input) => new Promise((resolve) => {
      held.push({ method, input, answer: (value) => resolve({ ok: true, value }), fail: (error) => resolve({ ok: false, error }) });
    }),
    on: fakeEvents().on,
  });
  return { held, client };
}

describe('the reports store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('defaults to the previous calendar month, across a year end too', () => {
    expect(previousMonth('2026-03-15')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousMonth('2027-01-03')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('asks for the chosen period and grouping, and shows only the answer to the last question', async () => {
    const { held, client } = heldTransport();
    setApiClient(client);
    const store = useReportsStore();
    store.period = { from: '2026-04-01', to: '2026-04-30' };
    store.groupBy = 'handler';
    const first = store.load();
    store.period = { from: '2026-05-01', to: '2026-05-31' };
    const second = store.load();
    expect(held.map((h) => [h.method, h.input])).toEqual([
      ['reports.timeliness', { from: '2026-04-01', to: '2026-04-30', groupBy: 'handler', minCount: 5 }],
      ['reports.timeliness', { from: '2026-05-01', to: '2026-05-31', groupBy: 'handler', minCount: 5 }],
    ]);
    held[1]?.answer(report([row('GN', 1, 1)], '2026-05-01'));
    held[0]?.answer(report([row('OR', 1, 1)], '2026-04-01'));
    await Promise.all([first, second]);
    expect(store.timeliness?.query.from).toBe('2026-05-01');
  });

  it('asks for the year’s trend up to the report’s last month once the table is there, and drops a trend of an older question', async () => {
    const { held, client } = heldTransport();
    setApiClient(client);
    const store = useReportsStore();
    store.period = { from: '2026-04-01', to: '2026-04-30' };
    const loading = store.load();
    held[0]?.answer(report([row('GN', 1, 1)]));
    await loading;
    expect(held.map((h) => [h.method, h.input])).toEqual([
      ['reports.timeliness', { from: '2026-04-01', to: '2026-04-30', groupBy: 'unit', minCount: 5 }],
      ['reports.timelinessTrend', { to: '2026-04-30' }],
    ]);
    // A new question before the trend answers: the old trend is not shown with the new table.
    const next = store.load();
    held[1]?.answer({ scope: null, months: [{ month: '2026-04', closed: 1, onTime: 1, late: 0, onTimeShare: 1 }] });
    held[2]?.answer(report([row('OR', 2, 0.5)]));
    await next;
    await Promise.resolve();
    expect(store.trend).toBeNull();
    held[3]?.answer({ scope: null, months: [{ month: '2026-04', closed: 2, onTime: 1, late: 1, onTimeShare: 0.5 }] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.trend?.months[0]?.closed).toBe(2);
  });

  it('refuses a reversed period without asking, and shows a refusal as its error code', async () => {
    const { held, client } = heldTransport();
    setApiClient(client);
    const store = useReportsStore();
    store.period = { from: '2026-05-01', to: '2026-04-01' };
    await store.load();
    expect(held).toHaveLength(0);
    expect(store.errorCode).toBe('invalid_input');
    store.period = { from: '2026-04-01', to: '2026-04-30' };
    const done = store.load();
    held[0]?.fail({ code: 'forbidden', message: 'no' });
    await done;
    expect(store.errorCode).toBe('forbidden');
  });

  it('sorts by a column both ways, never ranking groups below the minimum', async () => {
    const { held, client } = heldTransport();
    setApiClient(client);
    const store = useReportsStore();
    const done = store.load();
    held[0]?.answer(report([row('A', 10, 0.5), row('B', 2, null, true), row('C', 20, 0.9), row(null, 8, 0.7)]));
    await done;
    store.sortBy('onTimeShare');
    expect(store.timelinessRows.map((r) => r.key)).toEqual(['C', null, 'A', 'B']);
    store.sortBy('onTimeShare');
    expect(store.timelinessRows.map((r) => r.key)).toEqual(['A', null, 'C', 'B']);
    store.sortBy('closed');
    expect(store.timelinessRows.map((r) => r.key)).toEqual(['C', 'A', null, 'B']);
  });

  it('drills down and exports with the query the shown report was run with, not filters edited since', async () => {
    const { held, client } = heldTransport();
    setApiClient(client);
    const store = useReportsStore();
    store.period = { from: '2026-04-01', to: '2026-04-30' };
    const done = store.load();
    held[0]?.answer(report([row('GN-I', 6, 0.5)]));
    await done;
    // The trend asked after the table is not part of this.
    const asked = () => held.filter((h) => h.method !== 'reports.timelinessTrend');
    store.period = { from: '2026-01-01', to: '2026-01-31' };
    const drilled = store.drillDown('late', 'GN-I', 'GN-I — Referat');
    expect(asked()[1]?.input).toEqual({ report: 'timeliness', query: { from: '2026-04-01', to: '2026-04-30', groupBy: 'unit', minCount: 5 }, measure: 'late', group: 'GN-I', limit: 500 });
    asked()[1]?.answer({ total: 0, rows: [] });
    await drilled;
    expect(store.drill).toMatchObject({ measure: 'late', group: 'GN-I', result: { total: 0 } });
    const total = store.drillDown('closed', undefined, 'Razem');
    expect(asked()[2]?.input).not.toHaveProperty('group');
    asked()[2]?.answer({ total: 0, rows: [] });
    await total;
    void store.exportFile('xlsx');
    expect(asked()[3]?.input).toEqual({ report: 'timeliness', query: { from: '2026-04-01', to: '2026-04-30', groupBy: 'unit', minCount: 5 }, format: 'xlsx' });
  });
});
