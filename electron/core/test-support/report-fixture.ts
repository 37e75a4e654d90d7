import type { Database } from 'better-sqlite3';
import { registerItem } from '../db/repositories/incoming-items.ts';
import { closeCase, extendCase, openCase, pauseCase, resumeCase, type Actor } from '../db/repositories/cases.ts';
import { acceptRoute, assignRoute, routeItem } from '../db/repositories/routing.ts';
import { uuidv7 } from '../ids.ts';
import { caseInput, withDemoCity } from './case-fixtures.ts';
import { sampleItem, sampleRegisterArgs } from './sample-item.ts';

/**
 * A small city for the supervisor reports, built through the real repositories, whose answers are
 * worked out by hand in reports.test.ts. Units GN-I and GN-II (sections of GN, Gospodarka
 * Nieruchomościami); every case is a 1-month KPA matter unless said otherwise.
 *
 *  A  GN-I  iadamczyk2  started 03-02, paused 03-10…03-20, closed 04-13; letter accepted 03-04
 *  B  GN-I  iadamczyk2  started 03-16, art. 36 notice 04-10 → 05-15, closed 05-14; letter accepted 03-16
 *  C  GN-I  iadamczyk2  class 6730, started 03-03, closed 04-20 (late); letter accepted 03-08
 *  D  GN-I  (nobody)    started 03-31 (month-end), no letter, closed 04-30
 *  E  GN-II ajankowska2 skarga, started 04-03 (due on the 3 May holiday), closed 05-04; letter accepted 04-03
 *  F  GN-II ajankowska2 started 04-01, closed 05-05 (late); letter assigned, never accepted
 *  G  GN-I  iadamczyk2  started 03-20, open
 *  H  GN-II ajankowska2 started 03-17, open
 *  I  GN-II ajankowska2 started 03-05, paused from 03-25, open
 *  L1 letter received 04-07, routed to GN-I, assigned to iadamczyk2, not accepted
 *  L2 letter received 04-08, routed to GN-II, waiting for assignment
 */
export const HEAD_GN: Actor = { login: 'mdabrowska', name: 'Małgorzata Dąbrowska', post: 'Naczelnik Wydziału' };
export const HEAD_GN_I: Actor = { login: 'jkozlowski2', name: 'Jan Kozłowski', post: 'Kierownik Referatu' };
export const HEAD_GN_II: Actor = { login: 'mkowalski2', name: 'Michał Kowalski', post: 'Kierownik Referatu' };
export const CLERK_GN_I: Actor = { login: 'iadamczyk2', name: 'Iwona Adamczyk', post: 'Główny specjalista' };
export const CLERK_GN_II: Actor = { login: 'ajankowska2', name: 'Aleksandra Jankowska', post: 'Główny specjalista' };
export const SECRETARY: Actor = { login: 'anowak', name: 'Anna Nowak', post: 'Sekretarz Miasta' };
const DESK: Actor = { login: 'tdudek', name: 'Tomasz Dudek', post: 'Referent' };

export interface ReportFixture {
  readonly cases: Readonly<Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I', string>>;
  readonly letters: Readonly<Record<'A' | 'B' | 'C' | 'E' | 'F' | 'L1' | 'L2', string>>;
}

const at = (day: string, time = '10:00:00'): string => `2026-${day}T${time}.000Z`;

export function buildReportFixture(db: Database): ReportFixture {
  withDemoCity(db);
  const letter = (day: string, subject: string): string =>
    registerItem(db, sampleRegisterArgs({ item: sampleItem({ receivedAt: at(day, '08:00:00'), subject }), registeredAt: at(day, '08:05:00') })).id;
  const route = (itemId: string, unit: string, head: Actor, clerk: Actor | null, acceptedOn: string | null, day: string): void => {
    const [lead] = routeItem(db, { input: { itemId, leadUnitCode: unit, infoUnitCodes: [], instruction: null, dueDate: null }, ids: { lead: uuidv7(), info: [] }, at: at(day, '09:00:00'), actor: DESK, outbox: false });
    if (!lead || clerk === null) return;
    assignRoute(db, { routeId: lead.id, assigneeLogin: clerk.login, at: at(day, '09:30:00'), actor: head, outbox: false });
    if (acceptedOn !== null) acceptRoute(db, { routeId: lead.id, at: at(acceptedOn, '11:00:00'), actor: clerk, outbox: false });
  };
  const open = (unit: string, handler: Actor | null, startedOn: string, itemIds: string[], overrides: { jrwaSymbol?: string; matterType?: string } = {}): string =>
    openCase(db, {
      id: uuidv7(),
      input: caseInput({ unitCode: unit, handlerLogin: handler?.login ?? null, startedOn: `2026-${startedOn}`, itemIds, title: `Sprawa z ${startedOn}`, ...overrides }),
      at: at(startedOn, '12:00:00'),
      actor: handler ?? HEAD_GN,
      numbering: 'local',
    }).id;
  const close = (caseId: string, day: string): void => {
    closeCase(db, { caseId, settlement: 'Decyzja', at: at(day, '14:00:00'), actor: HEAD_GN, outbox: false });
  };

  const letterA = letter('03-02', 'Wniosek o podział działki 1/1');
  route(letterA, 'GN-I', HEAD_GN_I, CLERK_GN_I, '03-04', '03-02');
  const A = open('GN-I', CLERK_GN_I, '03-02', [letterA]);
  pauseCase(db, { caseId: A, from: '2026-03-10', reason: 'Wezwanie do uzupełnienia mapy', at: at('03-10'), actor: CLERK_GN_I, outbox: false });
  resumeCase(db, { caseId: A, to: '2026-03-20', at: at('03-20'), actor: CLERK_GN_I, outbox: false });

  const letterB = letter('03-16', 'Wniosek o podział działki 2/2');
  route(letterB, 'GN-I', HEAD_GN_I, CLERK_GN_I, '03-16', '03-16');
  const B = open('GN-I', CLERK_GN_I, '03-16', [letterB]);
  extendCase(db, { caseId: B, noticeOn: '2026-04-10', newDate: '2026-05-15', reason: 'Potrzebna opinia rzeczoznawcy', at: at('04-10'), actor: CLERK_GN_I, outbox: false });

  const letterC = letter('03-03', 'Wniosek o warunki zabudowy');
  route(letterC, 'GN-I', HEAD_GN_I, CLERK_GN_I, '03-08', '03-03');
  const C = open('GN-I', CLERK_GN_I, '03-03', [letterC], { jrwaSymbol: '6730' });

  const D = open('GN-I', null, '03-31', []);

  const letterE = letter('04-03', 'Skarga na przewlekłość');
  route(letterE, 'GN-II', HEAD_GN_II, CLERK_GN_II, '04-03', '04-03');
  const E = open('GN-II', CLERK_GN_II, '04-03', [letterE], { matterType: 'skarga' });

  const letterF = letter('04-01', 'Wniosek o podział działki 3/3');
  route(letterF, 'GN-II', HEAD_GN_II, CLERK_GN_II, null, '04-01');
  const F = open('GN-II', CLERK_GN_II, '04-01', [letterF]);

  const G = open('GN-I', CLERK_GN_I, '03-20', []);
  const H = open('GN-II', CLERK_GN_II, '03-17', []);
  const I = open('GN-II', CLERK_GN_II, '03-05', []);
  pauseCase(db, { caseId: I, from: '2026-03-25', reason: 'Zawieszenie postępowania', at: at('03-25'), actor: CLERK_GN_II, outbox: false });

  const L1 = letter('04-07', 'Pismo bez odpowiedzi 1');
  route(L1, 'GN-I', HEAD_GN_I, CLERK_GN_I, null, '04-07');
  const L2 = letter('04-08', 'Pismo bez odpowiedzi 2');
  route(L2, 'GN-II', HEAD_GN_II, null, null, '04-08');

  close(A, '04-13');
  close(B, '05-14');
  close(C, '04-20');
  close(D, '04-30');
  close(E, '05-04');
  close(F, '05-05');
  return { cases: { A, B, C, D, E, F, G, H, I }, letters: { A: letterA, B: letterB, C: letterC, E: letterE, F: letterF, L1, L2 } };
}
