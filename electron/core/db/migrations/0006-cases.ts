import type { Migration } from './migration.ts';

/**
 * Cases (sprawy): a znak sprawy UNIT.JRWA.NO.YEAR numbered per (unit, JRWA class, year), the
 * letters attached, the metryka as an append-only event log with each actor's post at the time,
 * and the deadline's pauses (art. 35 § 5) and extensions (art. 36). A closed case is read-only.
 * With a central server the number comes from the server: until then the case has no number
 * and no sign, only its provisional form, and nothing final may be issued with it.
 */
export const migration0006Cases: Migration = {
  version: 6,
  name: 'cases',
  up(db) {
    db.exec(`
      CREATE TABLE case_sign_counters (
        unit_code   TEXT NOT NULL,
        jrwa_symbol TEXT NOT NULL,
        year        INTEGER NOT NULL,
        last_no     INTEGER NOT NULL CHECK (last_no >= 0),
        PRIMARY KEY (unit_code, jrwa_symbol, year)
      ) STRICT;

      CREATE TABLE cases (
        case_no         INTEGER PRIMARY KEY,
        id              TEXT NOT NULL UNIQUE,
        unit_code       TEXT NOT NULL REFERENCES units (code),
        jrwa_version_id INTEGER NOT NULL,
        jrwa_symbol     TEXT NOT NULL,
        year            INTEGER NOT NULL,
        number          INTEGER CHECK (number IS NULL OR number >= 1),
        sign            TEXT UNIQUE,
        title           TEXT NOT NULL,
        matter_type     TEXT NOT NULL,
        started_on      TEXT NOT NULL,
        status          TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        settlement      TEXT,
        handler_login   TEXT REFERENCES people (login),
        opened_at       TEXT NOT NULL,
        opened_by       TEXT NOT NULL,
        closed_at       TEXT,
        UNIQUE (unit_code, jrwa_symbol, year, number),
        FOREIGN KEY (jrwa_version_id, jrwa_symbol) REFERENCES jrwa_classes (version_id, symbol),
        CHECK ((number IS NULL) = (sign IS NULL))
      ) STRICT;
      CREATE INDEX cases_by_class_year ON cases (jrwa_symbol, year, unit_code, number);
      CREATE INDEX cases_by_handler ON cases (handler_login, status);

      -- A closed case is read-only; a sign, once given, never changes.
      CREATE TRIGGER cases_closed_read_only BEFORE UPDATE ON cases WHEN old.status = 'closed' BEGIN
        SELECT RAISE(ABORT, 'a closed case is read-only');
      END;
      CREATE TRIGGER cases_sign_fixed BEFORE UPDATE OF sign, number ON cases WHEN old.sign IS NOT NULL BEGIN
        SELECT RAISE(ABORT, 'a case keeps its sign');
      END;
      CREATE TRIGGER cases_never_deleted BEFORE DELETE ON cases BEGIN
        SELECT RAISE(ABORT, 'cases are never deleted');
      END;

      CREATE TABLE case_items (
        case_id     TEXT NOT NULL REFERENCES cases (id),
        item_id     TEXT NOT NULL REFERENCES incoming_items (id),
        attached_at TEXT NOT NULL,
        PRIMARY KEY (case_id, item_id)
      ) STRICT;
      CREATE INDEX case_items_by_item ON case_items (item_id);

      CREATE TABLE case_events (
        event_no    INTEGER PRIMARY KEY,
        case_id     TEXT NOT NULL REFERENCES cases (id),
        at          TEXT NOT NULL,
        actor_login TEXT NOT NULL,
        actor_name  TEXT NOT NULL,
        actor_post  TEXT NOT NULL,
        kind        TEXT NOT NULL,
        details     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details)),
        document    TEXT
      ) STRICT;
      CREATE INDEX case_events_by_case ON case_events (case_id, event_no);
      CREATE TRIGGER case_events_append_only_update BEFORE UPDATE ON case_events BEGIN
        SELECT RAISE(ABORT, 'metryka is append-only');
      END;
      CREATE TRIGGER case_events_append_only_delete BEFORE DELETE ON case_events BEGIN
        SELECT RAISE(ABORT, 'metryka is append-only');
      END;

      CREATE TABLE case_pauses (
        case_id   TEXT NOT NULL REFERENCES cases (id),
        from_date TEXT NOT NULL,
        to_date   TEXT CHECK (to_date IS NULL OR to_date >= from_date),
        reason    TEXT NOT NULL,
        PRIMARY KEY (case_id, from_date)
      ) STRICT;

      CREATE TABLE case_extensions (
        extension_no INTEGER PRIMARY KEY,
        case_id      TEXT NOT NULL REFERENCES cases (id),
        notified_on  TEXT NOT NULL,
        new_due_date TEXT NOT NULL,
        reason       TEXT NOT NULL
      ) STRICT;
    `);
  },
};
