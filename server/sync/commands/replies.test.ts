import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PushRequest, type SessionUser } from '../../../shared/sync/protocol.ts';
import { SyncedReply } from '../../../shared/replies/sync.ts';
import { importOrganisation, OrganisationFile } from '../../organisation.ts';
import { makeUser } from '../../test-support/fixtures.ts';
import { useServerDb } from '../../test-support/test-db.ts';
import { mayReadBlob } from '../blob-access.ts';
import { compactChanges, pull } from '../pull.ts';
import { push } from '../push.ts';

const serverDb = useServerDb();
const secrets = { trackingPinKey: 'test-key' };
const TEMPLATE = { id: randomUUID(), version: 3, unitCode: 'GN', name: 'Odpowiedź', place: 'Opole', letterhead: 'Urząd Miasta', body: 'Treść', signature: 'Naczelnik', savedAt: '2026-11-01T08:00:00.000Z', savedBy: 'admin' };
const at = (minute: number) => `2026-11-20T10:${String(minute).padStart(2, '0')}:00.000Z`;

/** UM ⊃ GN ⊃ GN-I, and MZD beside them; a case of GN-I opened by its clerk. */
async function setup() {
  const db = serverDb();
  await db.exec(`INSERT INTO units (code, name, parent_code) VALUES ('UM', 'Urząd', NULL), ('GN', 'Wydział', 'UM'), ('GN-I', 'Referat', 'GN'), ('MZD', 'Drogi', 'UM')`);
  const users = {
    clerk: await makeUser(db, 'ewa', 'clerk', 'GN-I'),
    head: await makeUser(db, 'jan', 'unit_head', 'GN-I'),
    director: await makeUser(db, 'olga', 'unit_head', 'GN'),
    otherClerk: await makeUser(db, 'piotr', 'clerk', 'MZD'),
    otherHead: await makeUser(db, 'marek', 'unit_head', 'MZD'),
    lawyer: await makeUser(db, 'radca', 'clerk', 'UM'),
  };
  const clients = new Map<string, { id: string; seq: number }>();
  /** Pushes one command as `user` from their own desk; the result of that command. */
  const send = async (user: SessionUser, name: string, args: unknown) => {
    const client = clients.get(user.login) ?? { id: randomUUID(), seq: 0 };
    client.seq += 1;
    clients.set(user.login, client);
    const response = await push(db, user, PushRequest.parse({ clientId: client.id, mutations: [{ seq: client.seq, name, args }] }), secrets, () => undefined);
    const result = response.results[0];
    if (!result) throw new Error('no result');
    return result;
  };
  const caseId = randomUUID();
  const opened = await send(users.clerk, 'cases.open', { case: { id: caseId, unitCode: 'GN-I', jrwaSymbol: '6831', title: 'Podział', matterType: 'kpa_general', startedOn: '2026-11-20' } });
  expect(opened).toMatchObject({ status: 'applied', value: { sign: 'GN-I.6831.1.2026' } });
  const draft = async (id: string, by: SessionUser = users.clerk) =>
    send(by, 'replies.draft', { reply: { id, caseId, template: TEMPLATE, addressee: 'Jan Nowak', body: 'Treść', at: at(0) }, eventId: randomUUID() });
  const replyOf = async (user: SessionUser, id: string) => {
    const page = await pull(db, user, { cursor: 0, limit: 1000, clientId: randomUUID() });
    const last = page.changes.filter((c) => c.entity === 'reply' && c.id === id).at(-1);
    return last ? SyncedReply.parse(last.data) : null;
  };
  return { db, users, send, caseId, draft, replyOf };
}

describe('replies between desks on the server', { timeout: 60_000 }, () => {
  it('takes a reply through draft, submit, return, resubmit and a two-step akceptacja, each desk of the unit pulling its whole state', async () => {
    const { users, send, draft, replyOf } = await setup();
    const id = randomUUID();
    expect(await draft(id)).toMatchObject({ status: 'applied' });
    expect(await send(users.clerk, 'replies.update', { id, addressee: 'Jan Nowak\nul. Długa 1', body: 'Treść poprawiona', baseAt: at(0), at: at(1) })).toMatchObject({ status: 'applied' });
    const chain = [{ approver: 'unit_head' }, { approver: 'parent_head' }];
    expect(await send(users.clerk, 'replies.submit', { id, chain, baseAt: at(1), at: at(2), eventId: randomUUID() })).toMatchObject({ status: 'applied' });

    // The head of the referat sees it waiting at his step, with the template the clerk drafted from.
    const submitted = await replyOf(users.head, id);
    expect(submitted).toMatchObject({ state: 'submitted', step: 1, chain, body: 'Treść poprawiona', updatedAt: at(2), draftedBy: 'ewa', template: TEMPLATE });
    // Accepting the draft of a text he never saw, or the director deciding the referat head's step: refused.
    expect(await send(users.head, 'replies.acceptStep', { id, step: 1, seenAt: at(1), at: at(3), eventId: randomUUID() })).toMatchObject({ status: 'conflict', error: { code: 'changed_meanwhile' } });
    expect(await send(users.director, 'replies.acceptStep', { id, step: 1, seenAt: at(2), at: at(3), eventId: randomUUID() })).toMatchObject({ status: 'applied' });
    // Now at the parent head's step: the referat head may not pass it, the director did the first.
    expect(await send(users.head, 'replies.return', { id, step: 2, remarks: 'Popraw', seenAt: at(3), at: at(4), eventId: randomUUID() })).toMatchObject({ status: 'rejected', error: { code: 'not_your_step' } });
    expect(await send(users.director, 'replies.return', { id, step: 2, remarks: 'Proszę dopisać podstawę prawną', seenAt: at(3), at: at(4), eventId: randomUUID() })).toMatchObject({ status: 'applied' });
    expect(await replyOf(users.clerk, id)).toMatchObject({ state: 'returned', remarks: 'Proszę dopisać podstawę prawną', step: null, decidedByName: 'olga' });

    expect(await send(users.clerk, 'replies.update', { id, addressee: 'Jan Nowak', body: 'Treść z podstawą', baseAt: at(4), at: at(5) })).toMatchObject({ status: 'applied' });
    expect(await send(users.clerk, 'replies.submit', { id, chain, baseAt: at(5), at: at(6), eventId: randomUUID() })).toMatchObject({ status: 'applied' });
    expect(await send(users.head, 'replies.acceptStep', { id, step: 1, seenAt: at(6), at: at(7), eventId: randomUUID() })).toMatchObject({ status: 'applied' });
    // The last step needs the case's own sign on the czystopis.
    const accept = (sign: string) => send(users.director, 'replies.accept', { id, step: 2, seenAt: at(7), finalSign: sign, finalSha256: 'b'.repeat(64), at: at(8), eventId: randomUUID() });
    expect(await accept('GN-I.6831.9.2026')).toMatchObject({ status: 'rejected', error: { code: 'wrong_sign' } });
    expect(await accept('GN-I.6831.1.2026')).toMatchObject({ status: 'applied' });

    const accepted = await replyOf(users.clerk, id);
    expect(accepted).toMatchObject({ state: 'accepted', finalSign: 'GN-I.6831.1.2026', finalSha256: 'b'.repeat(64), body: 'Treść z podstawą', step: null });
    expect(accepted?.events.map((e) => [e.kind, e.login])).toEqual([
      ['reply_drafted', 'ewa'], ['reply_submitted', 'ewa'], ['reply_step_accepted', 'olga'], ['reply_returned', 'olga'],
      ['reply_submitted', 'ewa'], ['reply_step_accepted', 'jan'], ['reply_accepted', 'olga'],
    ]);
    // Accepted is final: no edit, no second submission, from anyone.
    expect(await send(users.clerk, 'replies.update', { id, addressee: 'X', body: 'Inna', baseAt: at(8), at: at(9) })).toMatchObject({ status: 'conflict', error: { code: 'final' } });
    expect(await send(users.clerk, 'replies.submit', { id, chain, baseAt: at(8), at: at(9), eventId: randomUUID() })).toMatchObject({ status: 'conflict', error: { code: 'final' } });
  });

  it('refuses another unit: its clerk cannot draft or edit, its head cannot decide, and it does not pull the reply', async () => {
    const { users, send, draft, replyOf } = await setup();
    const id = randomUUID();
    expect(await draft(randomUUID(), users.otherClerk)).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
    await draft(id);
    expect(await send(users.otherClerk, 'replies.update', { id, addressee: 'X', body: 'Cudza', baseAt: at(0), at: at(1) })).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
    await send(users.clerk, 'replies.submit', { id, chain: [{ approver: 'unit_head' }], baseAt: at(0), at: at(2), eventId: randomUUID() });
    expect(await send(users.otherHead, 'replies.acceptStep', { id, step: 1, seenAt: at(2), at: at(3), eventId: randomUUID() })).toMatchObject({ status: 'rejected', error: { code: 'not_your_step' } });
    expect(await send(users.otherHead, 'replies.return', { id, step: 1, remarks: 'Nie', seenAt: at(2), at: at(3), eventId: randomUUID() })).toMatchObject({ status: 'rejected', error: { code: 'not_your_step' } });
    // Nobody accepts their own draft, not even a head drafting in his own referat.
    const own = randomUUID();
    await draft(own, users.head);
    await send(users.head, 'replies.submit', { id: own, chain: [{ approver: 'unit_head' }], baseAt: at(0), at: at(2), eventId: randomUUID() });
    expect(await send(users.head, 'replies.accept', { id: own, step: 1, seenAt: at(2), finalSign: 'GN-I.6831.1.2026', finalSha256: 'c'.repeat(64), at: at(3), eventId: randomUUID() }))
      .toMatchObject({ status: 'rejected', error: { code: 'own_draft' } });
    expect(await replyOf(users.otherClerk, id)).toBeNull();
    // Scoped to the case's unit: its desks (and those of the units above it) pull it.
    expect(await replyOf(users.head, id)).toMatchObject({ state: 'submitted' });
  });

  it('lets a named person decide their step, and accepts no reply still a draft', async () => {
    const { users, send, draft } = await setup();
    const id = randomUUID();
    await draft(id);
    expect(await send(users.lawyer, 'replies.accept', { id, step: 1, seenAt: at(0), finalSign: 'GN-I.6831.1.2026', finalSha256: 'd'.repeat(64), at: at(1), eventId: randomUUID() }))
      .toMatchObject({ status: 'conflict', error: { code: 'wrong_state' } });
    await send(users.clerk, 'replies.submit', { id, chain: [{ approver: 'person', login: 'radca' }], baseAt: at(0), at: at(2), eventId: randomUUID() });
    expect(await send(users.head, 'replies.acceptStep', { id, step: 1, seenAt: at(2), at: at(3), eventId: randomUUID() })).toMatchObject({ status: 'rejected', error: { code: 'not_your_step' } });
    expect(await send(users.lawyer, 'replies.accept', { id, step: 1, seenAt: at(2), finalSign: 'GN-I.6831.1.2026', finalSha256: 'd'.repeat(64), at: at(3), eventId: randomUUID() }))
      .toMatchObject({ status: 'applied' });
  });

  it("sends the case and the reply to a person named in the chain whose unit does not pull the case, and lets them fetch its czystopis", async () => {
    const { db, users, send, caseId, draft, replyOf } = await setup();
    const id = randomUUID();
    await draft(id);
    const casesOf = async (user: SessionUser) => (await pull(db, user, { cursor: 0, limit: 1000, clientId: randomUUID() })).changes.filter((c) => c.entity === 'case').map((c) => c.id);
    expect(await casesOf(users.otherClerk)).toEqual([]);
    expect(await replyOf(users.otherClerk, id)).toBeNull();

    // The chain names piotr of MZD, beside GN: his desk now gets the case first, then the reply.
    await send(users.clerk, 'replies.submit', { id, chain: [{ approver: 'person', login: 'piotr' }], baseAt: at(0), at: at(2), eventId: randomUUID() });
    expect(await casesOf(users.otherClerk)).toEqual([caseId]);
    expect(await replyOf(users.otherClerk, id)).toMatchObject({ state: 'submitted', step: 1 });
    const finalSha256 = 'e'.repeat(64);
    expect(await send(users.otherClerk, 'replies.accept', { id, step: 1, seenAt: at(2), finalSign: 'GN-I.6831.1.2026', finalSha256, at: at(3), eventId: randomUUID() }))
      .toMatchObject({ status: 'applied' });
    // Compacted, the log still holds the case and the reply for him; a note added later keeps him too.
    expect(await send(users.clerk, 'cases.note', { caseId, noteId: randomUUID(), text: 'Odpowiedź wysłana' })).toMatchObject({ status: 'applied' });
    await compactChanges(db, 1_000_000);
    expect(await casesOf(users.otherClerk)).toEqual([caseId]);
    expect(await replyOf(users.otherClerk, id)).toMatchObject({ state: 'accepted', finalSha256 });
    expect(await mayReadBlob(db, users.otherClerk, finalSha256)).toBe(true);
    await db.exec("INSERT INTO units (code, name, parent_code) VALUES ('SK', 'Skarbnik', 'UM')");
    expect(await mayReadBlob(db, await makeUser(db, 'obcy', 'clerk', 'SK'), finalSha256)).toBe(false);
  });

  it('turns an edit made from an older version into a conflict carrying the server\'s text, and keeps the first edit', async () => {
    const { users, send, draft, replyOf } = await setup();
    const id = randomUUID();
    await draft(id);
    // Two desks of the referat edit the same draft, both starting from the drafted text.
    expect(await send(users.head, 'replies.update', { id, addressee: 'Jan Nowak', body: 'Wersja kierownika', baseAt: at(0), at: at(1) })).toMatchObject({ status: 'applied' });
    const clash = await send(users.clerk, 'replies.update', { id, addressee: 'Jan Nowak', body: 'Wersja referentki', baseAt: at(0), at: at(2) });
    expect(clash).toMatchObject({ status: 'conflict', error: { code: 'changed_meanwhile', message: 'replies.changedMeanwhile' }, value: { id, body: 'Wersja kierownika', updatedAt: at(1) } });
    expect(await replyOf(users.clerk, id)).toMatchObject({ body: 'Wersja kierownika' });
    // Submitting from the old version is refused the same way: the head would read a text the clerk never saw.
    expect(await send(users.clerk, 'replies.submit', { id, chain: [{ approver: 'unit_head' }], baseAt: at(0), at: at(3), eventId: randomUUID() })).toMatchObject({ status: 'conflict' });
  });
});

describe('zastępstwa on the server', { timeout: 60_000 }, () => {
  it("lets whoever stands in for the head today decide the head's step, and nobody on a day outside the zastępstwo", async () => {
    const { db, users, send, draft } = await setup();
    const deputy = await makeUser(db, 'zastepca', 'clerk', 'GN-I');
    const formerDeputy = await makeUser(db, 'dawny', 'clerk', 'GN-I');
    await importOrganisation(db, OrganisationFile.parse({ units: [], substitutions: [
      // Far past and far future: the test holds on any day it runs.
      { absentLogin: 'jan', substituteLogin: 'zastepca', from: '2000-01-01', to: '2999-12-31' },
      { absentLogin: 'jan', substituteLogin: 'dawny', from: '2001-01-01', to: '2001-01-31' },
    ] }));
    const id = randomUUID();
    expect(await draft(id)).toMatchObject({ status: 'applied' });
    expect(await send(users.clerk, 'replies.submit', { id, chain: [{ approver: 'unit_head' }], baseAt: at(0), at: at(1), eventId: randomUUID() })).toMatchObject({ status: 'applied' });

    const accept = { id, step: 1, seenAt: at(1), finalSign: 'GN-I.6831.1.2026', finalSha256: 'a'.repeat(64), at: at(2), eventId: randomUUID() };
    expect(await send(formerDeputy, 'replies.accept', accept)).toMatchObject({ status: 'rejected', error: { code: 'not_your_step' } });
    expect(await send(users.otherHead, 'replies.accept', accept)).toMatchObject({ status: 'rejected', error: { code: 'not_your_step' } });
    expect(await send(deputy, 'replies.accept', accept)).toMatchObject({ status: 'applied' });

    // A file without the list leaves the zastępstwa; a file with an empty one ends them all.
    await importOrganisation(db, OrganisationFile.parse({ units: [] }));
    expect(await db.query('SELECT absent_login FROM substitutions')).toHaveLength(2);
    await importOrganisation(db, OrganisationFile.parse({ units: [], substitutions: [] }));
    expect(await db.query('SELECT absent_login FROM substitutions')).toHaveLength(0);
  });
});
