import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReportFixture } from '../../test-support/report-fixture.ts';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { openDatabase } from '../open.ts';
import { timelinessTrend } from './report-trend.ts';

const tempDir = useTempDirs();

/**
 * Over report-fixture.ts (hand-computed there): closed in April A (on time), C (late), D (on time,
 * on its due day 04-30); in May B (on time after an art. 36 notice), E (on time, the due day being
 * the 3 May holiday), F (late). A, B, C, D are GN-I's; E, F GN-II's.
 */
describe('the timeliness trend, month by month', () => {
  it('counts each month’s closed cases and the share on time over the 12 months up to the chosen one', () => {
    const db = openDatabase(join(tempDir(), 'k.sqlite'));
    buildReportFixture(db);
    const trend = timelinessTrend(db, { to: '2026-05-20', scope: null });
    expect(trend.months.map((m) => m.month)).toEqual([
      '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05',
    ]);
    expect(trend.months.slice(-3)).toEqual([
      { month: '2026-03', closed: 0, onTime: 0, late: 0, onTimeShare: null },
      { month: '2026-04', closed: 3, onTime: 2, late: 1, onTimeShare: 2 / 3 },
      { month: '2026-05', closed: 3, onTime: 2, late: 1, onTimeShare: 2 / 3 },
    ]);
    // A unit head's trend: GN-I only.
    const gnI = timelinessTrend(db, { to: '2026-05-31', scope: ['GN-I'] });
    expect(gnI.scope).toEqual(['GN-I']);
    expect(gnI.months.slice(-2).map((m) => [m.month, m.closed, m.onTime, m.late])).toEqual([['2026-04', 3, 2, 1], ['2026-05', 1, 1, 0]]);
    // A trend ending in April: May's closures are after it.
    expect(timelinessTrend(db, { to: '2026-04-01', scope: null }).months.at(-1)).toMatchObject({ month: '2026-04', closed: 3 });
    db.close();
  });
});
