import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RouteItemInput } from '../../../../shared/routing.ts';
import { uuidv7 } from '../../ids.ts';
import { withDemoCity } from '../../test-support/case-fixtures.ts';
import { registeredSample } from '../../test-support/sample-item.ts';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { openDatabase } from '../open.ts';
import { Refusal } from './refusal.ts';
import { getItem } from './incoming-items.ts';
import { getPerson, listPeople } from './organisation.ts';
import { acceptRoute, assignRoute, inbox, itemRoutes, returnRoute, routeItem } from './routing.ts';
import type { Actor } from './cases.ts';
import type { Database } from 'better-sqlite3';

const tempDir = useTempDirs();
const AT = '2026-11-20T10:00:00.000Z';

function actor(db: Database, login: string): Actor {
  const person = getPerson(db, login);
  if (!person) throw new Error(`no ${login}`);
  return { login: person.login, name: person.displayName, post: person.post };
}

/** The demo city, with the people this story needs looked up by role. */
function city() {
  const db = openDatabase(join(tempDir(), 'k.sqlite'));
  withDemoCity(db);
  const first = (unitCode: string, role: 'registry_clerk' | 'unit_head' | 'clerk') => {
    const found = listPeople(db, { unitCode, role }).find((p) => p.unitCode === unitCode && (role !== 'clerk' || !p.roles.includes('unit_head')));
    if (!found) throw new Error(`no ${role} in ${unitCode}`);
    return actor(db, found.login);
  };
  return { db, registry: first('BOM-KO', 'registry_clerk'), gnHead: first('GN', 'unit_head'), gnClerk: first('GN', 'clerk'), mzdHead: first('MZD', 'unit_head') };
}

const route = (db: Database, who: Actor, input: object) =>
  routeItem(db, { input: RouteItemInput.parse(input), ids: { lead: uuidv7(), info: [uuidv7(), uuidv7()] }, at: AT, actor: who, outbox: false });

describe('dekretacja', () => {
  it('routes to a lead unit and one for information; the head assigns, the clerk accepts; everyone sees it in their inbox', () => {
    const { db, registry, gnHead, gnClerk, mzdHead } = city();
    const letter = registeredSample(db, { subject: 'Wniosek o podział działki' });
    const [lead, info] = route(db, registry, { itemId: letter.id, leadUnitCode: 'GN', infoUnitCodes: ['MZD'], instruction: 'Proszę o załatwienie', dueDate: '2026-12-01' });
    expect(lead).toMatchObject({ role: 'lead', state: 'waiting', unitName: 'Wydział Geodezji i Gospodarki Nieruchomościami' });
    expect(inbox(db, { login: gnHead.login, today: '2026-11-21', limit: 50 }).toAssign.map((r) => r.rpwNumber)).toEqual([letter.rpwNumber]);
    expect(inbox(db, { login: mzdHead.login, today: '2026-11-21', limit: 50 }).forInformation.map((r) => r.id)).toEqual([info?.id]);
    expect(inbox(db, { login: registry.login, today: '2026-11-21', limit: 50 }).sent.map((r) => r.id)).toEqual([lead?.id]);

    assignRoute(db, { routeId: lead?.id ?? '', assigneeLogin: gnClerk.login, at: AT, actor: gnHead, outbox: false });
    expect(() => acceptRoute(db, { routeId: lead?.id ?? '', at: AT, actor: gnHead, outbox: false })).toThrow(Refusal);
    expect(inbox(db, { login: gnClerk.login, today: '2026-11-21', limit: 50 }).toAccept).toHaveLength(1);
    acceptRoute(db, { routeId: lead?.id ?? '', at: AT, actor: gnClerk, outbox: false });
    const clerkInbox = inbox(db, { login: gnClerk.login, today: '2026-12-02', limit: 50 });
    expect(clerkInbox.inProgress.map((r) => r.state)).toEqual(['accepted']);
    expect(clerkInbox.overdueCount).toBe(1);
    expect(getItem(db, letter.id)?.events.map((e) => [e.kind, e.actorPost])).toEqual([
      ['registered', null], ['routed', registry.post], ['assigned', gnHead.post], ['accepted', gnClerk.post],
    ]);
  });

  it('returns an item as not ours with the reason; it goes back to whoever routed it, and re-routing keeps the path', () => {
    const { db, registry, mzdHead } = city();
    const letter = registeredSample(db, { subject: 'Dziura w jezdni ul. Ozimska' });
    const [first] = route(db, registry, { itemId: letter.id, leadUnitCode: 'GN' });
    expect(() => route(db, registry, { itemId: letter.id, leadUnitCode: 'MZD' })).toThrow(Refusal);
    returnRoute(db, { routeId: first?.id ?? '', reason: 'Nie nasza właściwość — drogi prowadzi MZD', at: AT, actor: mzdHead, outbox: false });
    expect(inbox(db, { login: registry.login, today: '2026-11-21', limit: 50 }).returned.map((r) => r.returnedReason)).toEqual(['Nie nasza właściwość — drogi prowadzi MZD']);
    const second = route(db, registry, { itemId: letter.id, leadUnitCode: 'MZD' }).at(-1);
    expect(itemRoutes(db, letter.id).map((r) => [r.unitCode, r.state, r.replacesId])).toEqual([['GN', 'rerouted', null], ['MZD', 'waiting', first?.id]]);
    expect(second?.replacesId).toBe(first?.id);
    expect(inbox(db, { login: registry.login, today: '2026-11-21', limit: 50 }).returned).toEqual([]);
  });

  it('refuses assigning to someone outside the unit, and routing a cancelled letter', () => {
    const { db, registry, gnHead, mzdHead } = city();
    const letter = registeredSample(db);
    const [lead] = route(db, registry, { itemId: letter.id, leadUnitCode: 'GN' });
    const refusal = (fn: () => unknown) => {
      try {
        fn();
        return null;
      } catch (error) {
        return error instanceof Refusal ? error.key : String(error);
      }
    };
    expect(refusal(() => assignRoute(db, { routeId: lead?.id ?? '', assigneeLogin: mzdHead.login, at: AT, actor: gnHead, outbox: false }))).toBe('routing.assigneeOutsideUnit');
    db.prepare("UPDATE incoming_items SET status = 'cancelled' WHERE id = ?").run(registeredSample(db).id);
    const cancelled = db.prepare<[], string>("SELECT id FROM incoming_items WHERE status = 'cancelled'").pluck().get() ?? '';
    expect(refusal(() => route(db, registry, { itemId: cancelled, leadUnitCode: 'GN' }))).toBe('routing.itemCancelled');
  });
});
