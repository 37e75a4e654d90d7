import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../ids.ts';
import { caseInput, withDemoCity } from '../../test-support/case-fixtures.ts';
import { HEAD_GN } from '../../test-support/report-fixture.ts';
import { sampleItem, sampleRegisterArgs } from '../../test-support/sample-item.ts';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { migrate } from '../migrate.ts';
import { openCase } from '../repositories/cases.ts';
import { cancelItem, registerItem } from '../repositories/incoming-items.ts';
import { addItemDocument } from '../repositories/item-documents.ts';
import { recordDelivery, recordReturn } from '../repositories/outgoing-letters.ts';
import { Refusal } from '../repositories/refusal.ts';
import { returnRoute, routeItem } from '../repositories/routing.ts';
import { migrations } from './index.ts';

const tempDir = useTempDirs();
const DESK = { login: 'tdudek', name: 'Tomasz Dudek', post: 'Referent' };
const UNITS = ['GN', 'GN-I', 'GN-II'] as const;
const CHANNELS = ['post', 'epuap', 'in_person', 'email'] as const;
const OUT_CHANNELS = ['registered_zpo', 'registered', 'ordinary', 'e_doreczenia', 'epuap'] as const;

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The intake figures counted from the letters themselves, not from what the triggers kept. */
const recountIntake = (db: Database.Database): unknown[] => db.prepare(
  `SELECT received_on, desk_code, channel,
          coalesce((SELECT r.unit_code FROM item_routes r WHERE r.item_id = i.id AND r.role = 'lead' AND r.state IN ('waiting', 'assigned', 'accepted')), '') AS unit,
          EXISTS (SELECT 1 FROM item_documents d WHERE d.item_id = i.id) AS scanned, count(*) AS letters
   FROM incoming_items i WHERE status = 'registered' GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
).raw().all();
const keptIntake = (db: Database.Database): unknown[] => db.prepare(
  'SELECT received_on, desk_code, channel, unit_code, scanned, letters FROM intake_counts WHERE letters <> 0 ORDER BY 1, 2, 3, 4, 5',
).raw().all();
/** The city-wide counts must be the per-unit counts summed over units; the unrouted, those under ''. */
const cityIsSumOfUnits = (db: Database.Database): void => {
  expect(db.prepare('SELECT received_on, desk_code, channel, scanned, letters FROM intake_counts_city WHERE letters <> 0 ORDER BY 1, 2, 3, 4').raw().all())
    .toEqual(db.prepare('SELECT received_on, desk_code, channel, scanned, sum(letters) FROM intake_counts GROUP BY 1, 2, 3, 4 HAVING sum(letters) <> 0 ORDER BY 1, 2, 3, 4').raw().all());
  expect(db.prepare('SELECT letters FROM unrouted_letters').pluck().all())
    .toEqual([db.prepare(`SELECT count(*) FROM incoming_items i WHERE status = 'registered'
      AND NOT EXISTS (SELECT 1 FROM item_routes r WHERE r.item_id = i.id AND r.role = 'lead' AND r.state IN ('waiting', 'assigned', 'accepted'))`).pluck().get()]);
};
const recountOutgoing = (db: Database.Database): unknown[] => db.prepare(
  `SELECT o.sent_on, o.channel, o.desk_code, coalesce(c.unit_code, ''), count(*), total(o.postage_grosze),
          sum(o.delivered_on IS NULL AND o.returned_on IS NULL AND o.channel IN ('registered_zpo', 'e_doreczenia', 'epuap')),
          sum(o.returned_on IS NOT NULL), sum(o.delivery_kind IS 'awizo_fiction')
   FROM outgoing_letters o LEFT JOIN cases c ON c.id = o.case_id GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
).raw().all();
const keptOutgoing = (db: Database.Database): unknown[] => db.prepare(
  'SELECT sent_on, channel, desk_code, unit_code, sent, postage_grosze, awaiting_proof, returned, fiction FROM outgoing_counts WHERE sent <> 0 ORDER BY 1, 2, 3, 4',
).raw().all();

/**
 * What desks and units do to letters in the course of a month, in random order: register, cancel,
 * route, return, re-route, scan; send replies, record deliveries and returns.
 */
function work(db: Database.Database, random: () => number, steps: number): void {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const day = (): string => `2026-04-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  const live = db.prepare<[], { id: string; item_id: string }>("SELECT id, item_id FROM item_routes WHERE role = 'lead' AND state IN ('waiting', 'assigned', 'accepted')");
  const registered = db.prepare<[], string>("SELECT id FROM incoming_items WHERE status = 'registered'").pluck();
  const open = db.prepare<[], string>('SELECT id FROM outgoing_letters WHERE delivered_on IS NULL AND returned_on IS NULL').pluck();
  const cases = db.prepare<[], string>('SELECT id FROM cases').pluck();
  const insertOutgoing = db.prepare(`INSERT INTO outgoing_letters (id, desk_code, year, sequence, case_id, subject, addressee_name, address_lines, channel, postage_grosze, sent_on, registered_by, registered_at)
    VALUES (?, 'KO', 2026, (SELECT coalesce(max(sequence), 0) + 1 FROM outgoing_letters), ?, 'Odpowiedź', 'Jan Nowak', 'ul. Długa 1', ?, ?, ?, 'Okienko 1', ?)`);
  const outcome = { today: '2026-05-20', at: '2026-05-20T10:00:00.000Z', actor: DESK, outbox: false };
  const attempt = (action: () => void): void => {
    try {
      action();
    } catch (error) {
      // A refused step (already routed, a return before sending…) changes nothing, as in the app.
      if (!(error instanceof Refusal)) throw error;
    }
  };
  for (let step = 0; step < steps; step++) {
    const letters = registered.all();
    const action = Math.floor(random() * 9);
    const on = day();
    if (action <= 1 || letters.length === 0) {
      registerItem(db, sampleRegisterArgs({ deskCode: pick(['KO', 'KO2']), item: sampleItem({ channel: pick(CHANNELS), receivedAt: `${on}T08:00:00.000Z` }), registeredAt: `${on}T08:05:00.000Z` }));
    } else if (action === 2) {
      cancelItem(db, { id: pick(letters), reason: 'Pomyłka', at: `${on}T09:00:00.000Z`, actor: 'Okienko 1', outbox: null });
    } else if (action === 3 || action === 4) {
      attempt(() => routeItem(db, { input: { itemId: pick(letters), leadUnitCode: pick(UNITS), infoUnitCodes: [], instruction: null, dueDate: null }, ids: { lead: uuidv7(), info: [] }, at: `${on}T09:00:00.000Z`, actor: DESK, outbox: false }));
    } else if (action === 5) {
      const routes = live.all();
      if (routes.length > 0) returnRoute(db, { routeId: pick(routes).id, reason: 'Nie nasza właściwość', at: `${on}T10:00:00.000Z`, actor: DESK, outbox: false });
    } else if (action === 6) {
      addItemDocument(db, {
        id: uuidv7(), itemId: pick(letters), originalName: 'skan.tiff', originalFormat: 'tiff', originalMediaType: 'image/tiff', originalSha256: String(step).padStart(64, 'a'),
        originalSize: 3275, pdfSha256: 'f'.repeat(64), pdfSize: 36097, pageCount: 1, importedAt: `${on}T09:00:00.000Z`, importedByLogin: 'stanowisko', importedByName: 'Okienko 1',
      });
    } else if (action === 7) {
      const channel = pick(OUT_CHANNELS);
      insertOutgoing.run(uuidv7(), random() < 0.2 ? null : pick(cases.all()), channel, channel === 'epuap' || channel === 'e_doreczenia' ? null : 1250, on, `${on}T12:00:00.000Z`);
    } else {
      const pending = open.all();
      if (pending.length === 0) continue;
      const id = pick(pending);
      const kind = Math.floor(random() * 3);
      if (kind === 0) attempt(() => recordDelivery(db, { id, outcome: { kind: 'signed', deliveredOn: '2026-04-29' }, ...outcome }));
      else if (kind === 1) attempt(() => recordDelivery(db, { id, outcome: { kind: 'awizo_fiction', firstNoticeOn: '2026-04-29' }, ...outcome }));
      else attempt(() => recordReturn(db, { id, returnedOn: '2026-04-30', reason: 'Adresat nieznany', ...outcome }));
    }
  }
}

describe('migration 0019 flow counters', () => {
  it('counts the letters and RKW entries already there, and keeps the counts right through a month of random work', () => {
    const db = new Database(join(tempDir(), 'k.sqlite'));
    migrate(db, migrations, 18);
    withDemoCity(db);
    for (const unitCode of UNITS.slice(1)) openCase(db, { id: uuidv7(), input: caseInput({ unitCode, startedOn: '2026-03-20' }), at: '2026-03-20T10:00:00.000Z', actor: HEAD_GN, numbering: 'local' });
    const random = prng(20261203);
    work(db, random, 300);
    expect(migrate(db, migrations, 19)).toBe(19);
    const before = recountIntake(db);
    expect(before.length).toBeGreaterThan(20);
    expect(keptIntake(db)).toEqual(before);
    cityIsSumOfUnits(db);
    expect(keptOutgoing(db)).toEqual(recountOutgoing(db));
    work(db, random, 600);
    expect(keptIntake(db)).toEqual(recountIntake(db));
    cityIsSumOfUnits(db);
    expect(keptOutgoing(db)).toEqual(recountOutgoing(db));
    // The random work did each thing a report depends on.
    const happened = db.prepare<[], [number, number, number, number, number]>(
      `SELECT (SELECT count(*) FROM incoming_items WHERE status = 'cancelled'), (SELECT count(*) FROM item_routes WHERE state = 'rerouted'),
              (SELECT count(*) FROM item_documents), (SELECT count(*) FROM outgoing_letters WHERE delivery_kind = 'awizo_fiction'),
              (SELECT count(*) FROM outgoing_letters WHERE returned_on IS NOT NULL)`,
    ).raw().get() ?? [];
    for (const count of happened) expect(count).toBeGreaterThan(0);
    db.close();
  });

  it('reads the counts by day (city-wide) or by unit and day, and the recent unrouted letters from an index of those alone', () => {
    const db = new Database(join(tempDir(), 'k.sqlite'));
    migrate(db, migrations, 19);
    const plan = (sql: string): string => db.prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all().map((r) => r.detail).join('\n');
    expect(plan("SELECT count(*) FROM incoming_items WHERE status = 'registered' AND lead_unit IS NULL AND registered_at < '2026-04-30'"))
      .toMatch(/USING COVERING INDEX incoming_items_awaiting_routing/);
    expect(plan("SELECT count(*) FROM incoming_items WHERE status = 'registered' AND lead_unit IS NULL AND registered_at >= '2026-04-30'"))
      .toMatch(/USING COVERING INDEX incoming_items_awaiting_routing \(registered_at>\?\)/);
    expect(plan("SELECT sum(letters) FROM intake_counts_city WHERE received_on BETWEEN '2026-04-01' AND '2026-04-30'")).toMatch(/SEARCH intake_counts_city USING PRIMARY KEY \(received_on>\? AND received_on<\?\)/);
    expect(plan("SELECT sum(letters) FROM intake_counts WHERE unit_code IN ('GN', 'GN-I') AND received_on BETWEEN '2026-04-01' AND '2026-04-30'"))
      .toMatch(/SEARCH intake_counts USING PRIMARY KEY \(unit_code=\? AND received_on>\? AND received_on<\?\)/);
    db.close();
  });
});
