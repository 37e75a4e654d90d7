import type { Migration } from './migration.ts';

/**
 * Supervisor reports: each closed case's outcome against its term (due date, on time, days net of
 * pauses, art. 36 notices, time to first action), computed once by the deadline engine and kept.
 * A closed case is read-only, so its outcome only changes when something it was computed from
 * changes: triggers put the case in `case_outcomes_stale`, and the report recomputes those before
 * it reads. `case_outcome_engine` holds the version of the rules the rows were computed with; a
 * release that changes the rules (a new holiday) bumps it and every closed case is recomputed.
 * Reports over 300,000 cases then aggregate rows instead of running the engine 300,000 times.
 */
export const migration0017CaseOutcomes: Migration = {
  version: 17,
  name: 'case-outcomes',
  up(db) {
    db.exec(`
      CREATE TABLE case_outcomes (
        case_id           TEXT PRIMARY KEY REFERENCES cases (id),
        closed_on         TEXT NOT NULL,
        -- Copied from the case (read-only once closed), so a report reads this table's index alone.
        unit_code         TEXT NOT NULL,
        handler_login     TEXT,
        jrwa_symbol       TEXT NOT NULL,
        matter_type       TEXT NOT NULL,
        started_on        TEXT NOT NULL,
        due_on            TEXT,
        original_due_on   TEXT,
        on_time           INTEGER CHECK (on_time IN (0, 1)),
        net_days          INTEGER NOT NULL,
        paused_days       INTEGER NOT NULL,
        notices           INTEGER NOT NULL CHECK (notices >= 0),
        first_action_days INTEGER,
        resolution_days   INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX case_outcomes_by_closed_on ON case_outcomes (closed_on, unit_code, handler_login, jrwa_symbol, matter_type, on_time, notices);
      -- Covering and in group order, one per grouping: the timeliness report reads one of them
      -- alone, already grouped, with no lookups and no sort (a year of 300,000 cases in well under a second).
      CREATE INDEX case_outcomes_by_unit ON case_outcomes (unit_code, closed_on, on_time, notices, net_days, first_action_days, resolution_days);
      CREATE INDEX case_outcomes_by_handler ON case_outcomes (handler_login, closed_on, unit_code, on_time, notices, net_days, first_action_days, resolution_days);
      CREATE INDEX case_outcomes_by_jrwa ON case_outcomes (jrwa_symbol, closed_on, unit_code, on_time, notices, net_days, first_action_days, resolution_days);
      CREATE INDEX case_outcomes_by_matter_type ON case_outcomes (matter_type, closed_on, unit_code, on_time, notices, net_days, first_action_days, resolution_days);

      CREATE TABLE case_outcomes_stale (case_id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
      CREATE TABLE case_outcome_engine (version INTEGER NOT NULL) STRICT;
      INSERT INTO case_outcome_engine (version) VALUES (0);

      CREATE TRIGGER case_outcomes_on_close AFTER UPDATE OF status ON cases WHEN new.status = 'closed' BEGIN
        INSERT OR IGNORE INTO case_outcomes_stale (case_id) VALUES (new.id);
      END;
      CREATE TRIGGER case_outcomes_on_insert AFTER INSERT ON cases WHEN new.status = 'closed' BEGIN
        INSERT OR IGNORE INTO case_outcomes_stale (case_id) VALUES (new.id);
      END;
      CREATE TRIGGER case_outcomes_pause_added AFTER INSERT ON case_pauses BEGIN
        INSERT OR IGNORE INTO case_outcomes_stale (case_id) VALUES (new.case_id);
      END;
      CREATE TRIGGER case_outcomes_pause_changed AFTER UPDATE ON case_pauses BEGIN
        INSERT OR IGNORE INTO case_outcomes_stale (case_id) VALUES (new.case_id);
      END;
      CREATE TRIGGER case_outcomes_extension_added AFTER INSERT ON case_extensions BEGIN
        INSERT OR IGNORE INTO case_outcomes_stale (case_id) VALUES (new.case_id);
      END;
      CREATE TRIGGER case_outcomes_item_attached AFTER INSERT ON case_items BEGIN
        INSERT OR IGNORE INTO case_outcomes_stale (case_id) VALUES (new.case_id);
      END;
      -- A letter accepted after its case was closed (a late sync) changes the time to first action.
      CREATE TRIGGER case_outcomes_item_accepted AFTER INSERT ON item_events WHEN new.kind = 'accepted' BEGIN
        INSERT OR IGNORE INTO case_outcomes_stale (case_id) SELECT case_id FROM case_items WHERE item_id = new.item_id;
      END;

      -- Every closed case already there is computed on the first report.
      INSERT INTO case_outcomes_stale (case_id) SELECT id FROM cases WHERE status = 'closed';

      -- The open-cases report reads open cases per unit and per handler.
      CREATE INDEX cases_open_by_unit ON cases (unit_code, started_on) WHERE status = 'open';
      -- Letters nobody has accepted yet, per unit: the "never acted on" count.
      CREATE INDEX item_routes_lead_live ON item_routes (unit_code, state, routed_at, assignee_login, item_id) WHERE role = 'lead' AND state IN ('waiting', 'assigned');
      -- Whether anyone ever accepted a letter: one probe of a small index.
      CREATE INDEX item_events_accepted ON item_events (item_id) WHERE kind = 'accepted';
    `);
  },
};
