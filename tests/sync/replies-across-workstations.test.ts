import { describe, expect, it } from 'vitest';
import type { CaseEvent, CaseWithDeadline } from '../../shared/cases.ts';
import { officeIsoDate } from '../../shared/dates.ts';
import type { Reply } from '../../shared/replies/replies.ts';
import type { LetterTemplate } from '../../shared/replies/templates.ts';
import type { SyncIssue, SyncStatus } from '../../shared/sync/status.ts';
import { createUser } from '../../server/auth/sessions.ts';
import { startCentralServer, type CentralServer } from '../../server/test-support/central-server.ts';
import { useTempDirs } from '../support/temp-dirs.ts';
import { startLossyProxy, type LossyProxy } from './lossy-proxy.ts';
import { startWorkstationProcess, type WorkstationProcess } from './workstation-process.ts';

const tempDir = useTempDirs();

const UNITS = [
  { code: 'UM', name: 'Urząd Miasta', kind: 'office' as const },
  { code: 'GN', name: 'Wydział Geodezji i Gospodarki Nieruchomościami', kind: 'department' as const, parentCode: 'UM' },
];
const CLERK = { login: 'ewisniewska', displayName: 'Ewa Wiśniewska', post: 'Inspektor', unitCode: 'GN', role: 'clerk', password: 'Inspektor-2026' } as const;
const HEAD = { login: 'jzielinski', displayName: 'Jan Zieliński', post: 'Naczelnik Wydziału', unitCode: 'GN', role: 'unit_head', password: 'Naczelnik-2026' } as const;

/** The real server as a process, with the wydział, its head and its clerk. */
async function central(): Promise<CentralServer> {
  return startCentralServer(tempDir(), {
    seed: async (db) => {
      await db.query("INSERT INTO units (code, name, parent_code) VALUES ('UM', 'Urząd Miasta', NULL), ('GN', 'Wydział Geodezji', 'UM')");
      for (const p of [CLERK, HEAD]) await createUser(db, { login: p.login, displayName: p.displayName, password: p.password, role: p.role, unitCode: p.unitCode });
    },
  });
}

/**
 * A workstation process of one person: the organisation and JRWA imported, and a template of its
 * own saved (templates live on each PC: the head's desk has none of the clerk's), then signed in.
 */
async function desk(server: CentralServer, person: typeof CLERK | typeof HEAD): Promise<{ ws: WorkstationProcess; net: LossyProxy; template: LetterTemplate }> {
  const net = await startLossyProxy(server.url);
  const ws = await startWorkstationProcess(tempDir());
  await ws.rpc('organisation.import', { units: UNITS, people: [CLERK, HEAD].map(({ login, displayName, post, unitCode, role }) => ({ login, displayName, post, unitCode, roles: [role] })) });
  await ws.rpc('jrwa.import', { ownerCode: 'UM', name: 'Wykaz', validFrom: '2011-01-01', csv: 'symbol;hasło;kategoria\n6;Gospodarka;\n68;Nieruchomości;\n683;Podziały;\n6831;Podziały nieruchomości;A\n' });
  const template = await ws.rpc<LetterTemplate>('templates.save', {
    unitCode: 'GN', name: `Odpowiedź (${person.login})`, place: 'Opole', letterhead: 'Urząd Miasta Opola', body: 'W odpowiedzi na pismo informuję, że sprawę załatwiono.', signature: 'Naczelnik',
  });
  await ws.rpc('settings.update', { workstationName: person.displayName, deskCode: '', centralServerUrl: net.url, uiLanguage: 'pl' });
  await ws.rpc('auth.signIn', { login: person.login, password: person.password });
  await ws.rpc('sync.now');
  return { ws, net, template };
}

const sync = (ws: WorkstationProcess) => ws.rpc<SyncStatus>('sync.now');
/** Syncs until nothing waits (the first attempts after the network comes back may find it still marked offline). */
async function settle(ws: WorkstationProcess): Promise<SyncStatus> {
  for (let i = 0; i < 10; i++) {
    const now = await sync(ws);
    if (now.state === 'online' && now.pending === 0) return now;
  }
  throw new Error('sync did not settle');
}
const repliesOf = (ws: WorkstationProcess, caseId: string) => ws.rpc<Reply[]>('replies.ofCase', { caseId });
const replyEvents = async (ws: WorkstationProcess, caseId: string) =>
  (await ws.rpc<{ events: CaseEvent[] }>('cases.get', { id: caseId })).events.filter((e) => e.kind.startsWith('reply_')).map((e) => [e.kind, e.actorName]);

describe('replies drafted at one desk and accepted at another, through the central server', { timeout: 180_000 }, () => {
  const started: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of started.splice(0).reverse()) await stop();
  };

  it('the clerk drafts and submits, the head returns it with remarks, the clerk corrects it, the head accepts; two edits of one draft clash openly', async () => {
    const server = await central();
    started.push(() => server.dispose());
    try {
      const clerk = await desk(server, CLERK);
      started.push(() => clerk.net.close(), () => clerk.ws.stop());
      const head = await desk(server, HEAD);
      started.push(() => head.net.close(), () => head.ws.stop());

      const opened = await clerk.ws.rpc<CaseWithDeadline>('cases.open', { unitCode: 'GN', jrwaSymbol: '6831', title: 'Podział działki 12/3', matterType: 'kpa_general', startedOn: '2026-11-20', handlerLogin: CLERK.login });
      const draft = await clerk.ws.rpc<Reply>('replies.draft', { caseId: opened.id, templateId: clerk.template.id });
      await clerk.ws.rpc('replies.update', { id: draft.id, addressee: 'Jan Kowalski\nul. Długa 1\n45-001 Opole', body: 'W odpowiedzi na pismo informuję, że podział zatwierdzono.' });
      await clerk.ws.rpc('replies.submit', { id: draft.id });
      expect(await sync(clerk.ws)).toMatchObject({ pending: 0, issues: 0 });

      // On the head's PC: the case, and the reply waiting for him, drafted from a template his PC did not have.
      await sync(head.ws);
      const waiting = await head.ws.rpc<Reply[]>('replies.awaiting');
      expect(waiting).toMatchObject([{ id: draft.id, caseSign: 'GN.6831.1.2026', state: 'submitted', templateName: `Odpowiedź (${CLERK.login})`, body: 'W odpowiedzi na pismo informuję, że podział zatwierdzono.', draftedBy: CLERK.login }]);
      const returned = await head.ws.rpc<Reply>('replies.decide', { id: draft.id, decision: 'return', remarks: 'Proszę podać numer decyzji', seenAt: waiting[0]?.updatedAt });
      expect(returned.state).toBe('returned');
      expect(await sync(head.ws)).toMatchObject({ pending: 0, issues: 0 });

      // The clerk sees the remarks, corrects the text and sends it again.
      await sync(clerk.ws);
      expect(await repliesOf(clerk.ws, opened.id)).toMatchObject([{ id: draft.id, state: 'returned', remarks: 'Proszę podać numer decyzji', decidedBy: HEAD.displayName }]);
      await clerk.ws.rpc('replies.update', { id: draft.id, addressee: 'Jan Kowalski\nul. Długa 1\n45-001 Opole', body: 'W odpowiedzi na pismo informuję, że podział zatwierdzono decyzją nr 12/2026.' });
      await clerk.ws.rpc('replies.submit', { id: draft.id });
      expect(await sync(clerk.ws)).toMatchObject({ pending: 0, issues: 0 });

      // The head decides on the corrected text only: the screen he opened before is out of date.
      await sync(head.ws);
      const again = await head.ws.rpc<Reply[]>('replies.awaiting');
      expect(again).toMatchObject([{ id: draft.id, body: 'W odpowiedzi na pismo informuję, że podział zatwierdzono decyzją nr 12/2026.' }]);
      const stale = await head.ws.tryRpc('replies.decide', { id: draft.id, decision: 'accept', seenAt: returned.updatedAt });
      expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ message: 'replies.changedMeanwhile' }] } });
      clerk.net.blockFiles(true);
      const accepted = await head.ws.rpc<Reply>('replies.decide', { id: draft.id, decision: 'accept', seenAt: again[0]?.updatedAt });
      expect(accepted).toMatchObject({ state: 'accepted', finalSign: 'GN.6831.1.2026' });
      expect(await sync(head.ws)).toMatchObject({ pending: 0, issues: 0 });

      // The clerk's desk: accepted, with the sign; the czystopis itself comes by the file transfer,
      // here held up by the network (from before the acceptance: the server pokes the clerk's desk at once).
      await sync(clerk.ws);
      expect(await repliesOf(clerk.ws, opened.id)).toMatchObject([{ id: draft.id, state: 'accepted', finalSign: 'GN.6831.1.2026', decidedBy: HEAD.displayName, finalMissing: true }]);
      expect(await clerk.ws.tryRpc('replies.file', { id: draft.id })).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ message: 'replies.finalNotArrived' }] } });
      expect(await head.ws.rpc<Reply[]>('replies.ofCase', { caseId: opened.id })).toMatchObject([{ state: 'accepted', finalMissing: false }]);
      // Nothing is sent without its czystopis: the clerk's desk refuses to dispatch it until the file arrives.
      const dispatch = { replyId: draft.id, channel: 'registered_zpo', addresseeName: 'Jan Kowalski', addressLines: 'ul. Długa 1\n45-001 Opole', sentOn: officeIsoDate(new Date()), closeCase: false };
      expect(await clerk.ws.tryRpc('outgoing.dispatchReply', dispatch)).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ message: 'replies.finalNotArrived' }] } });
      // Each step once in each desk's metryka, by who took it.
      const steps = [
        ['reply_drafted', CLERK.displayName], ['reply_submitted', CLERK.displayName], ['reply_returned', HEAD.displayName],
        ['reply_submitted', CLERK.displayName], ['reply_accepted', HEAD.displayName],
      ];
      expect(await replyEvents(clerk.ws, opened.id)).toEqual(steps);
      expect(await replyEvents(head.ws, opened.id)).toEqual(steps);
      // Once files pass again, the very czystopis the head's desk made arrives and the letter can go.
      clerk.net.blockFiles(false);
      for (let i = 0; i < 40 && (await repliesOf(clerk.ws, opened.id))[0]?.finalMissing !== false; i++) {
        await sync(clerk.ws);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(await repliesOf(clerk.ws, opened.id)).toMatchObject([{ id: draft.id, finalMissing: false }]);
      const onHeadDesk = await head.ws.rpc<{ base64: string }>('replies.file', { id: draft.id });
      expect((await clerk.ws.rpc<{ base64: string }>('replies.file', { id: draft.id })).base64).toBe(onHeadDesk.base64);
      expect(await clerk.ws.rpc('outgoing.dispatchReply', dispatch)).toMatchObject({ replyId: draft.id, channel: 'registered_zpo' });

      // Two desks edit the same draft: the clerk's PC is off the network while the head corrects it.
      const second = await clerk.ws.rpc<Reply>('replies.draft', { caseId: opened.id, templateId: clerk.template.id });
      await sync(clerk.ws);
      await sync(head.ws);
      clerk.net.setDown(true);
      const headEdit = await head.ws.rpc<Reply>('replies.update', { id: second.id, addressee: 'Jan Kowalski', body: 'Tekst poprawiony przez naczelnika.', seenAt: second.updatedAt });
      expect(await sync(head.ws)).toMatchObject({ pending: 0, issues: 0 });
      await clerk.ws.rpc('replies.update', { id: second.id, addressee: 'Jan Kowalski', body: 'Tekst poprawiony przez referentkę.', seenAt: second.updatedAt });
      clerk.net.setDown(false);
      expect(await settle(clerk.ws)).toMatchObject({ pending: 0, issues: 1 });
      const issues = await clerk.ws.rpc<SyncIssue[]>('sync.issues', {});
      expect(issues).toMatchObject([{
        command: 'replies.update', status: 'conflict', messageKey: 'replies.changedMeanwhile',
        local: { body: 'Tekst poprawiony przez referentkę.' }, server: { id: second.id, body: 'Tekst poprawiony przez naczelnika.', updatedAt: headEdit.updatedAt },
      }]);
      // Nothing silently lost: the clerk's text is in the issue, the desk shows the server's, and
      // the editor still open on the old text is refused at once ("Projekt zmienił się…").
      expect((await repliesOf(clerk.ws, opened.id)).find((r) => r.id === second.id)).toMatchObject({ state: 'draft', body: 'Tekst poprawiony przez naczelnika.' });
      expect(await clerk.ws.tryRpc('replies.update', { id: second.id, addressee: 'Jan Kowalski', body: 'Jeszcze raz.', seenAt: second.updatedAt }))
        .toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ message: 'replies.changedMeanwhile' }] } });
      expect((await head.ws.rpc<Reply[]>('replies.ofCase', { caseId: opened.id })).find((r) => r.id === second.id)).toMatchObject({ body: 'Tekst poprawiony przez naczelnika.' });
    } finally {
      await stopAll();
    }
  });
});
