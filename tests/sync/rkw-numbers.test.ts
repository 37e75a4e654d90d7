import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseWithDeadline } from '../../shared/cases.ts';
import { officeToday } from '../../shared/dates.ts';
import type { OutgoingLetter } from '../../shared/outgoing/outgoing.ts';
import type { Reply } from '../../shared/replies/replies.ts';
import type { LetterTemplate } from '../../shared/replies/templates.ts';
import type { SyncStatus } from '../../shared/sync/status.ts';
import { DATABASE_FILE_NAME } from '../../electron/core/workstation.ts';
import type { RunningServer } from '../../server/main.ts';
import { useTempDirs } from '../support/temp-dirs.ts';
import { inProcessServer, useRunning } from './in-process.ts';
import { startLossyProxy, type LossyProxy } from './lossy-proxy.ts';
import { startWorkstationProcess, type WorkstationProcess } from './workstation-process.ts';

const tempDir = useTempDirs();
const keep = useRunning();

// Two referaty of the demo city's Wydział Geodezji, each with its head and clerk, both sending
// their letters through the one registry desk KO from their own PCs.
const PEOPLE = {
  clerk1: { login: 'iadamczyk2', password: 'Referat-GN-I-2026', unit: 'GN-I', role: 'clerk' },
  head1: { login: 'jkozlowski2', password: 'Kierownik-GN-I-26', unit: 'GN-I', role: 'unit_head' },
  clerk2: { login: 'ajankowska2', password: 'Referat-GN-II-2026', unit: 'GN-II', role: 'clerk' },
  head2: { login: 'mkowalski2', password: 'Kierownik-GN-II-26', unit: 'GN-II', role: 'unit_head' },
} as const;
type Person = (typeof PEOPLE)[keyof typeof PEOPLE];

const today = officeToday();
const year = today.slice(0, 4);

async function central(): Promise<RunningServer> {
  const server = await inProcessServer({
    units: [{ code: 'UM', name: 'Urząd Miasta' }, { code: 'GN', name: 'Wydział Geodezji', parentCode: 'UM' }, { code: 'GN-I', name: 'Referat I', parentCode: 'GN' }, { code: 'GN-II', name: 'Referat II', parentCode: 'GN' }],
    desks: [{ code: 'KO', name: 'Kancelaria ogólna', unitCode: 'UM' }],
    users: Object.values(PEOPLE).map((p) => ({ login: p.login, password: p.password, displayName: p.login, role: p.role, unitCode: p.unit })),
  });
  keep(server);
  return server;
}

interface Pc {
  readonly ws: WorkstationProcess;
  readonly net: LossyProxy;
  readonly dir: string;
}

async function pc(server: RunningServer, name: string): Promise<Pc> {
  const net = await startLossyProxy(server.url);
  const dir = tempDir();
  const ws = await startWorkstationProcess(dir, { demo: true });
  keep({ close: () => net.close() });
  keep({ close: () => ws.stop() });
  await ws.rpc('settings.update', { workstationName: name, deskCode: 'KO', centralServerUrl: net.url, uiLanguage: 'pl' });
  return { ws, net, dir };
}

async function signInAs(p: Pc, person: Person): Promise<void> {
  await p.ws.tryRpc('auth.signOut');
  await p.ws.rpc('auth.signIn', { login: person.login, password: person.password });
}

/** The clerk opens a case (the server signs it), drafts and submits a reply; the head accepts it. */
async function acceptedReply(p: Pc, clerk: Person, head: Person, title: string): Promise<string> {
  await signInAs(p, clerk);
  const opened = await p.ws.rpc<CaseWithDeadline>('cases.open', { unitCode: clerk.unit, jrwaSymbol: '6831', title, matterType: 'kpa_general', startedOn: today, handlerLogin: clerk.login });
  await p.ws.rpc('sync.now');
  const [template] = (await p.ws.rpc<LetterTemplate[]>('templates.list', { unitCode: clerk.unit })).filter((t) => t.name === 'Odpowiedź na pismo');
  const draft = await p.ws.rpc<Reply>('replies.draft', { caseId: opened.id, templateId: template?.id ?? '' });
  await p.ws.rpc('replies.update', { id: draft.id, addressee: 'Jan Kowalski\nul. Długa 1\n45-001 Opole', body: `W odpowiedzi na pismo w sprawie „${title}” informuję, że wniosek rozpatrzono.` });
  await p.ws.rpc('replies.submit', { id: draft.id });
  await signInAs(p, head);
  await p.ws.rpc('replies.decide', { id: draft.id, decision: 'accept' });
  await signInAs(p, clerk);
  return draft.id;
}

const sending = (replyId: string) => ({
  replyId, channel: 'ordinary', addresseeName: 'Jan Kowalski', addressLines: 'ul. Długa 1\n45-001 Opole', sentOn: today,
  postage: '', mass: '', trackingNumber: '', closeCase: false, settlement: '',
});
const send = async (p: Pc, replyId: string) => (await p.ws.rpc<OutgoingLetter>('outgoing.dispatchReply', sending(replyId))).rkwNumber;

async function settle(p: Pc): Promise<SyncStatus> {
  for (let i = 0; i < 10; i++) {
    const now = await p.ws.rpc<SyncStatus>('sync.now');
    if (now.state === 'online' && now.pending === 0) return now;
  }
  throw new Error('still not settled');
}

describe('RKW numbers at one desk from two PCs, with real processes', { timeout: 300_000 }, () => {
  it('never gives two letters the same number: each PC sends from its own leased block, and every letter reaches the server', async () => {
    const server = await central();
    const first = await pc(server, 'Referat I');
    const second = await pc(server, 'Referat II');
    const firstReplies = [await acceptedReply(first, PEOPLE.clerk1, PEOPLE.head1, 'Podział działki 1'), await acceptedReply(first, PEOPLE.clerk1, PEOPLE.head1, 'Podział działki 2')];
    const secondReplies = [await acceptedReply(second, PEOPLE.clerk2, PEOPLE.head2, 'Rozgraniczenie 1'), await acceptedReply(second, PEOPLE.clerk2, PEOPLE.head2, 'Rozgraniczenie 2')];

    // The second PC is cut off before its clerk ever sent a letter: it holds no RKW numbers, so
    // the letter is refused, not numbered locally.
    second.net.setDown(true);
    expect(await second.ws.tryRpc('outgoing.dispatchReply', sending(secondReplies[0] ?? ''))).toMatchObject({ ok: false, error: { code: 'unavailable', issues: [{ message: 'outgoing.errors.noNumbers' }] } });
    second.net.setDown(false);

    // Both send, in turns; each first letter leases a block on the spot.
    const numbers = [
      await send(first, firstReplies[0] ?? ''), await send(second, secondReplies[0] ?? ''),
      await send(first, firstReplies[1] ?? ''), await send(second, secondReplies[1] ?? ''),
    ];
    expect(new Set(numbers).size).toBe(4);
    for (const number of numbers) expect(number).toMatch(new RegExp(`^RKW/KO/\\d+/${year}$`, 'u'));
    // Each PC's letters follow each other within its own block.
    const sequence = (n: string) => Number(n.split('/')[2]);
    expect(sequence(numbers[2] ?? '')).toBe(sequence(numbers[0] ?? '') + 1);
    expect(sequence(numbers[3] ?? '')).toBe(sequence(numbers[1] ?? '') + 1);

    expect(await settle(first)).toMatchObject({ pending: 0, issues: 0 });
    expect(await settle(second)).toMatchObject({ pending: 0, issues: 0 });
    const onServer = await server.db.query<{ rkw_number: string }>('SELECT rkw_number FROM outgoing_letters ORDER BY sequence');
    expect(onServer.map((r) => r.rkw_number)).toEqual([...numbers].sort((a, b) => sequence(a) - sequence(b)));
    // Each clerk drew one block, at the desk where they send; the registry's RPW counter was never touched.
    expect(await server.db.query('SELECT count(*)::int AS n FROM rkw_leases')).toEqual([{ n: 2 }]);
    expect(await server.db.query('SELECT count(*)::int AS n FROM rpw_leases')).toEqual([{ n: 0 }]);

    // The first clerk keeps sending until few numbers are left (set straight in the PC's file
    // here, as 30-odd more letters would): the next sync leases another block, and only then.
    const file = new Database(join(first.dir, 'data', DATABASE_FILE_NAME));
    file.prepare("UPDATE rkw_blocks SET next_no = last_no - 4 WHERE origin = 'leased'").run();
    file.close();
    await first.ws.rpc('sync.now');
    await first.ws.rpc('sync.now');
    const leases = await server.db.query<{ first_no: number; last_no: number }>("SELECT l.first_no, l.last_no FROM rkw_leases l JOIN users u ON u.id = l.user_id WHERE u.login = $1 ORDER BY first_no", [PEOPLE.clerk1.login]);
    expect(leases).toHaveLength(2);
    expect(leases[1]?.first_no).toBeGreaterThan(leases[0]?.last_no ?? Infinity);
  });
});
