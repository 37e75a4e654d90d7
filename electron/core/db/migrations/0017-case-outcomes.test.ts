import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { migrate } from '../migrate.ts';
import { migrations } from './index.ts';

const tempDir = useTempDirs();

describe('migration 0017 case outcomes', () => {
  it('queues closed cases for the report, and again whenever what their outcome depends on changes', () => {
    const db = new Database(join(tempDir(), 'k.sqlite'));
    migrate(db, migrations, 16);
    db.exec(`
      INSERT INTO units (code, name, kind, parent_code, position) VALUES ('GN', 'Geodezja', 'department', NULL, 1);
      INSERT INTO jrwa_versions (version_id, owner_code, name, valid_from, imported_at) VALUES (1, 'GN', 'JRWA', '2011-01-01', 'now');
      INSERT INTO jrwa_classes (version_id, symbol, heading, category) VALUES (1, '6831', 'Podziały nieruchomości', 'A');
      INSERT INTO cases (id, unit_code, jrwa_version_id, jrwa_symbol, year, title, matter_type, started_on, status, opened_at, opened_by, closed_at)
        VALUES ('closed', 'GN', 1, '6831', 2026, 'Podział', 'kpa_general', '2026-03-02', 'closed', 'now', 'anna', '2026-04-01T10:00:00Z'),
               ('open', 'GN', 1, '6831', 2026, 'Podział', 'kpa_general', '2026-03-02', 'open', 'now', 'anna', NULL);
    `);
    expect(migrate(db, migrations, 17)).toBe(17);
    const stale = () => db.prepare<[], string>('SELECT case_id FROM case_outcomes_stale ORDER BY case_id').pluck().all();
    // Closed before the migration: queued by it.
    expect(stale()).toEqual(['closed']);
    db.exec('DELETE FROM case_outcomes_stale');
    db.exec("INSERT INTO case_pauses (case_id, from_date, to_date, reason) VALUES ('open', '2026-03-05', NULL, 'Wezwanie')");
    db.exec("UPDATE case_pauses SET to_date = '2026-03-09' WHERE case_id = 'open'");
    db.exec("INSERT INTO case_extensions (case_id, notified_on, new_due_date, reason) VALUES ('closed', '2026-03-30', '2026-04-30', 'Opinia')");
    expect(stale()).toEqual(['closed', 'open']);
    db.exec('DELETE FROM case_outcomes_stale');
    db.exec("UPDATE cases SET status = 'closed', closed_at = '2026-04-02T10:00:00Z' WHERE id = 'open'");
    expect(stale()).toEqual(['open']);
    expect(db.prepare<[], number>('SELECT version FROM case_outcome_engine').pluck().get()).toBe(0);
    expect(() => db.exec("INSERT INTO case_outcomes (case_id, closed_on, unit_code, jrwa_symbol, matter_type, started_on, net_days, paused_days, notices, resolution_days, on_time) VALUES ('open', '2026-04-02', 'GN', '6831', 'kpa_general', '2026-03-02', 1, 0, 0, 1, 2)")).toThrow(/CHECK/);
    db.close();
  });
});
