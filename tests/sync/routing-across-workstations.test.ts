import { describe, expect, it } from 'vitest';
import type { IncomingItem } from '../../shared/registry.ts';
import type { Inbox } from '../../shared/routing.ts';
import { sampleItem } from '../../electron/core/test-support/sample-item.ts';
import type { Workstation } from '../../electron/core/workstation.ts';
import type { RunningServer } from '../../server/main.ts';
import { useTempDirs } from '../support/temp-dirs.ts';
import { ok, useRunning } from './in-process.ts';
import { CLERK, cityDesk, cityServer, HEAD, REGISTRY, type Person } from './small-city.ts';
import { officeToday } from '../../shared/dates.ts';

const tempDir = useTempDirs();
const keep = useRunning();

const central = (): Promise<RunningServer> => cityServer(keep);

/** A workstation with the JRWA and a template (added by this PC's own admin before it joined the server), signed in. */
async function desk(server: RunningServer, person: Person, deskCode = ''): Promise<Workstation> {
  const ws = await cityDesk(server, person, {
    dataDir: tempDir(), deskCode,
    before: async (pc) => {
      ok(await pc.dispatch('jrwa.import', { ownerCode: 'UM', name: 'Wykaz', validFrom: '2011-01-01', csv: 'symbol;hasło;kategoria\n6;Gospodarka;\n68;Nieruchomości;\n683;Podziały;\n6831;Podziały nieruchomości;A\n' }));
      ok(await pc.dispatch('templates.save', { id: null, unitCode: 'UM', name: 'Odpowiedź', place: 'Opole', letterhead: 'Urząd Miasta', body: 'W odpowiedzi na pismo informuję, że sprawę załatwiono.', signature: 'Naczelnik' }));
    },
  });
  keep(ws);
  return ws;
}

const inboxOf = async (ws: Workstation) => {
  ok(await ws.dispatch('sync.now', {}));
  return ok(await ws.dispatch('routing.inbox', {})) as Inbox;
};

describe('dekretacja across workstations through the central server', { timeout: 90_000 }, () => {
  it('the desk routes, the head assigns, the clerk accepts — each on their own PC — and the resident sees the path', async () => {
    const server = await central();
    const [registryDesk, head, clerk] = [await desk(server, REGISTRY, 'KO'), await desk(server, HEAD), await desk(server, CLERK)];
    const letter = ok(await registryDesk.dispatch('registry.register', sampleItem({ subject: 'Wniosek o podział działki 12/3' }))) as IncomingItem;
    ok(await registryDesk.dispatch('routing.route', { itemId: letter.id, leadUnitCode: 'GN', instruction: 'Według właściwości', dueDate: '2026-12-15' }));
    ok(await registryDesk.dispatch('sync.now', {}));

    const headInbox = await inboxOf(head);
    // The same day on every desk, whatever zone the server runs in.
    expect(headInbox.toAssign.map((r) => [r.rpwNumber, r.instruction, r.dueDate])).toEqual([[letter.rpwNumber, 'Według właściwości', '2026-12-15']]);
    ok(await head.dispatch('routing.assign', { routeId: headInbox.toAssign[0]?.id ?? '', assigneeLogin: 'ewisniewska' }));
    ok(await head.dispatch('sync.now', {}));

    const clerkInbox = await inboxOf(clerk);
    expect(clerkInbox.toAccept.map((r) => r.rpwNumber)).toEqual([letter.rpwNumber]);
    ok(await clerk.dispatch('routing.accept', { routeId: clerkInbox.toAccept[0]?.id ?? '' }));
    // The clerk opens a case from it: a one-month KPA term from 20 November 2026 ends on Sunday
    // 20 December, so it moves to Monday the 21st.
    const opened = ok(await clerk.dispatch('cases.open', { itemIds: [letter.id], unitCode: 'GN', jrwaSymbol: '6831', title: 'Podział działki 12/3', matterType: 'kpa_general', startedOn: '2026-11-20' })) as { id: string };
    ok(await clerk.dispatch('sync.now', {}));

    const tracked = await fetch(`${server.url}/v1/track/${letter.trackingCode}?pin=${letter.trackingPin}`);
    const track = (await tracked.json()) as { path: { step: string }[]; dueDate: string | null; subject?: unknown };
    expect(track.path.map((s) => s.step)).toEqual(['received', 'routed', 'with_clerk']);
    expect(track.dueDate).toBe('2026-12-21');
    expect(track.subject).toBeUndefined();

    // An art. 36 notice moves the date the resident sees.
    ok(await clerk.dispatch('cases.extend', { id: opened.id, noticeOn: '2026-12-10', newDate: '2027-01-29', reason: 'Potrzebna opinia rzeczoznawcy' }));
    ok(await clerk.dispatch('sync.now', {}));
    const again = await fetch(`${server.url}/v1/track/${letter.trackingCode}?pin=${letter.trackingPin}`);
    expect(((await again.json()) as { dueDate: string | null }).dueDate).toBe('2027-01-29');
    // A second letter (the missing map) joins the case on the clerk's PC; the head's desk shows it, and who joined it.
    const supplement = ok(await registryDesk.dispatch('registry.register', sampleItem({ subject: 'Uzupełnienie: mapa do podziału działki 12/3' }))) as IncomingItem;
    ok(await registryDesk.dispatch('sync.now', {}));
    ok(await clerk.dispatch('sync.now', {}));
    ok(await clerk.dispatch('cases.attachItem', { id: opened.id, itemId: supplement.id }));
    expect(ok(await clerk.dispatch('sync.now', {}))).toMatchObject({ pending: 0, issues: 0 });
    ok(await head.dispatch('sync.now', {}));
    const atHead = ok(await head.dispatch('cases.get', { id: opened.id })) as { itemIds: string[]; events: { kind: string; actorName: string; details: Record<string, unknown> }[] };
    expect([...atHead.itemIds].sort()).toEqual([letter.id, supplement.id].sort());
    expect(atHead.events.filter((e) => e.kind === 'item_attached').map((e) => [e.details['rpwNumber'], e.actorName])).toEqual([
      [letter.rpwNumber, CLERK.displayName], [supplement.rpwNumber, CLERK.displayName],
    ]);

    ok(await registryDesk.dispatch('sync.now', {}));
    const seenAtDesk = ok(await registryDesk.dispatch('registry.get', { id: letter.id })) as { events: { kind: string; actor: string }[] };
    expect(seenAtDesk.events.map((e) => [e.kind, e.actor])).toEqual([['registered', 'Anna Nowak'], ['routed', 'Anna Nowak'], ['assigned', 'Jan Zieliński'], ['accepted', 'Ewa Wiśniewska']]);
  });

  it('a letter returned as not ours goes back to the desk with its reason', async () => {
    const server = await central();
    const [registryDesk, head] = [await desk(server, REGISTRY, 'KO'), await desk(server, HEAD)];
    const letter = ok(await registryDesk.dispatch('registry.register', sampleItem({ subject: 'Dziura w jezdni' }))) as IncomingItem;
    ok(await registryDesk.dispatch('routing.route', { itemId: letter.id, leadUnitCode: 'GN' }));
    ok(await registryDesk.dispatch('sync.now', {}));
    const route = (await inboxOf(head)).toAssign[0];
    ok(await head.dispatch('routing.return', { routeId: route?.id ?? '', reason: 'Drogi prowadzi Miejski Zarząd Dróg' }));
    ok(await head.dispatch('sync.now', {}));
    const back = await inboxOf(registryDesk);
    expect(back.returned.map((r) => [r.rpwNumber, r.returnedReason])).toEqual([[letter.rpwNumber, 'Drogi prowadzi Miejski Zarząd Dróg']]);
    expect(ok(await registryDesk.dispatch('sync.status', {}))).toMatchObject({ pending: 0, issues: 0 });
  });

  it('the reply sent from a case and its delivery reach the resident\'s path, with the processing time ending at the sending', async () => {
    const server = await central();
    const [registryDesk, clerk] = [await desk(server, REGISTRY, 'KO'), await desk(server, CLERK)];
    const letter = ok(await registryDesk.dispatch('registry.register', sampleItem({ subject: 'Wniosek o podział działki 14/1' }))) as IncomingItem;
    ok(await registryDesk.dispatch('sync.now', {}));
    ok(await clerk.dispatch('sync.now', {}));
    const today = officeToday();
    const opened = ok(await clerk.dispatch('cases.open', { itemIds: [letter.id], unitCode: 'GN', jrwaSymbol: '6831', title: 'Podział działki 14/1', matterType: 'kpa_general', startedOn: today })) as { id: string };
    ok(await clerk.dispatch('sync.now', {}));
    const [template] = ok(await clerk.dispatch('templates.list', { unitCode: 'GN' })) as { id: string }[];
    const reply = ok(await clerk.dispatch('replies.draft', { caseId: opened.id, templateId: template?.id ?? '' })) as { id: string };
    ok(await clerk.dispatch('replies.submit', { id: reply.id }));
    // The head accepts at the clerk's PC (replies do not travel between desks yet).
    ok(await clerk.dispatch('auth.signOut', {}));
    ok(await clerk.dispatch('auth.signIn', { login: HEAD.login, password: HEAD.password }));
    ok(await clerk.dispatch('replies.decide', { id: reply.id, decision: 'accept' }));
    ok(await clerk.dispatch('auth.signOut', {}));
    ok(await clerk.dispatch('auth.signIn', { login: CLERK.login, password: CLERK.password }));

    const sent = ok(await clerk.dispatch('outgoing.dispatchReply', {
      replyId: reply.id, channel: 'registered_zpo', addresseeName: 'Jan Kowalski', addressLines: 'ul. Długa 1\n45-001 Opole', sentOn: today, postage: '8,60', closeCase: true, settlement: 'Decyzja wysłana',
    })) as { id: string; rkwNumber: string };
    expect(sent.rkwNumber).toBe(`RKW/GN/1/${today.slice(0, 4)}`);
    expect(ok(await clerk.dispatch('sync.now', {}))).toMatchObject({ pending: 0, issues: 0 });
    const track = async () => (await (await fetch(`${server.url}/v1/track/${letter.trackingCode}?pin=${letter.trackingPin}`)).json()) as { path: { step: string; at: string }[]; processingDays: number };
    expect((await track()).path.slice(-1)).toEqual([{ step: 'reply_sent', at: today }]);
    // Calendar days from receipt to the day the reply went out.
    expect((await track()).processingDays).toBe(Math.round((Date.parse(today) - Date.parse(letter.receivedAt.slice(0, 10))) / 86_400_000));

    ok(await clerk.dispatch('outgoing.recordDelivery', { id: sent.id, kind: 'signed', deliveredOn: today }));
    expect(ok(await clerk.dispatch('sync.now', {}))).toMatchObject({ pending: 0, issues: 0 });
    const delivered = await track();
    expect(delivered.path.slice(-2)).toEqual([{ step: 'reply_sent', at: today }, { step: 'delivered', at: today }]);
    // Still nothing personal on the public path.
    expect(JSON.stringify(delivered)).not.toMatch(/Kowalski|Długa|RKW|8,60/u);
  });
});
