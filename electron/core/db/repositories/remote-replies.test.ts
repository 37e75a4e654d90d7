import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { TemplateInput } from '../../../../shared/replies/templates.ts';
import type { SyncedReply } from '../../../../shared/replies/sync.ts';
import { caseInput, CLERK, withDemoCity } from '../../test-support/case-fixtures.ts';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { uuidv7 } from '../../ids.ts';
import { openDatabase } from '../open.ts';
import { getCase, openCase } from './cases.ts';
import { saveLetterTemplate } from './letter-templates.ts';
import { applyPushResults, clientOf, outboxBatch } from './outbox.ts';
import { applyRemoteReply } from './remote-replies.ts';
import { draftReply, getReply, repliesAwaitingDecision, updateReply } from './replies.ts';
import { listSyncIssues } from './sync.ts';

const tempDir = useTempDirs();
const AT = '2026-11-20T10:00:00.000Z';
const HEAD = { login: 'jkozlowski2', name: 'Jan Kozłowski', post: 'Kierownik Referatu' };
const TEMPLATE = { id: uuidv7(), version: 2, unitCode: 'UM', name: 'Odpowiedź', place: 'Opole', letterhead: 'Urząd Miasta Opola', body: 'Treść z szablonu', signature: 'Naczelnik', savedAt: AT, savedBy: 'admin' };

/** A desk of the demo city with one case of GN-I, under the id the other desk gave it. */
function desk(caseId: string): Database {
  const db = openDatabase(join(tempDir(), 'k.sqlite'));
  withDemoCity(db);
  openCase(db, { id: caseId, input: caseInput(), at: AT, actor: CLERK, numbering: 'local' });
  return db;
}

/** The reply as the server logs it after each step (server/sync/commands/replies.ts). */
function snapshot(caseId: string, id: string, overrides: Partial<SyncedReply> = {}): SyncedReply {
  return {
    id, caseId, unitCode: 'GN-I', template: TEMPLATE, addressee: 'Jan Nowak', body: 'Treść z szablonu', state: 'draft', remarks: null,
    draftedBy: CLERK.login, draftedByName: CLERK.name, draftedAt: '2026-11-20T10:00:01.5+00:00', updatedAt: AT, chain: null, step: null,
    decidedBy: null, decidedByName: null, decidedAt: null, finalSign: null, finalSha256: null,
    events: [{ id: '0193a000-0000-7000-8000-000000000001', kind: 'reply_drafted', at: '2026-11-20T10:00:01.5+00:00', login: CLERK.login, name: CLERK.name, details: { replyId: id, template: 'Odpowiedź' }, document: null }],
    ...overrides,
  };
}

const replyEvents = (db: Database, caseId: string) => (getCase(db, caseId)?.events ?? []).filter((e) => e.kind.startsWith('reply_')).map((e) => [e.kind, e.actorName]);

describe('replies pulled from another desk', () => {
  it('inserts the reply with its template version, once; the head finds it waiting; once accepted it is never written again', () => {
    const caseId = uuidv7();
    const id = uuidv7();
    const db = desk(caseId);
    expect(applyRemoteReply(db, snapshot(caseId, id), AT)).toBe(caseId);
    expect(applyRemoteReply(db, snapshot(caseId, id), AT)).toBeNull();
    expect(getReply(db, id)).toMatchObject({ state: 'draft', templateId: TEMPLATE.id, templateVersion: 2, templateName: 'Odpowiedź', draftedBy: CLERK.login, draftedAt: '2026-11-20T10:00:01.500Z' });
    expect(db.prepare('SELECT letterhead, body FROM letter_templates WHERE id = ? AND version = 2').get(TEMPLATE.id)).toEqual({ letterhead: 'Urząd Miasta Opola', body: 'Treść z szablonu' });

    const submitted = snapshot(caseId, id, {
      state: 'submitted', chain: [{ approver: 'unit_head' }], step: 1, updatedAt: '2026-11-20T10:05:00.000Z',
      events: [...snapshot(caseId, id).events, { id: '0193a000-0000-7000-8000-000000000002', kind: 'reply_submitted', at: '2026-11-20T10:05:00.2+00:00', login: CLERK.login, name: CLERK.name, details: { replyId: id, steps: 1 }, document: null }],
    });
    expect(applyRemoteReply(db, submitted, AT)).toBe(caseId);
    expect(repliesAwaitingDecision(db, HEAD.login).map((r) => [r.id, r.acceptance?.step])).toEqual([[id, 1]]);

    const accepted = snapshot(caseId, id, {
      state: 'accepted', updatedAt: '2026-11-20T10:10:00.000Z', decidedBy: HEAD.login, decidedByName: HEAD.name, decidedAt: '2026-11-20T10:10:00.3+00:00',
      finalSign: 'GN-I.6831.1.2026', finalSha256: 'e'.repeat(64), chain: [{ approver: 'unit_head' }],
      events: [...submitted.events, { id: '0193a000-0000-7000-8000-000000000003', kind: 'reply_accepted', at: '2026-11-20T10:10:00.3+00:00', login: HEAD.login, name: HEAD.name, details: { replyId: id, sign: 'GN-I.6831.1.2026', step: 1, of: 1 }, document: 'e'.repeat(64) }],
    });
    expect(applyRemoteReply(db, accepted, AT)).toBe(caseId);
    expect(getReply(db, id)).toMatchObject({ state: 'accepted', finalSign: 'GN-I.6831.1.2026', finalSha256: 'e'.repeat(64), decidedBy: HEAD.name });
    // An older version arriving late (a re-pull from 0) changes nothing of the final reply, and does not fail.
    expect(applyRemoteReply(db, submitted, AT)).toBeNull();
    expect(getReply(db, id)).toMatchObject({ state: 'accepted' });
    expect(replyEvents(db, caseId)).toEqual([['reply_drafted', CLERK.name], ['reply_submitted', CLERK.name], ['reply_accepted', HEAD.name]]);
    expect(repliesAwaitingDecision(db, HEAD.login)).toEqual([]);
    db.close();
  });

  it('never overwrites a different template text under the same version: the reply waits, and IT sees the clash', () => {
    const caseId = uuidv7();
    const id = uuidv7();
    const db = desk(caseId);
    db.prepare(`INSERT INTO letter_templates (id, version, unit_code, name, place, letterhead, body, signature, saved_at, saved_by)
                VALUES (?, 2, 'UM', 'Odpowiedź', 'Opole', '', 'Inna treść', '', ?, 'admin')`).run(TEMPLATE.id, AT);
    expect(applyRemoteReply(db, snapshot(caseId, id), AT)).toBeNull();
    expect(getReply(db, id)).toBeNull();
    expect(listSyncIssues(db, 10)).toMatchObject([{ command: 'pull.reply', status: 'conflict', errorCode: 'template_clash', messageKey: 'sync.rejections.templateClash', server: { id, template: { body: 'Treść z szablonu' } } }]);
    db.close();
  });

  it('sends each step with the version it started from, leaves a reply with unsent steps alone, and shows the server\'s text after a conflict', () => {
    const caseId = uuidv7();
    const db = desk(caseId);
    const template = saveLetterTemplate(db, { id: uuidv7(), input: TemplateInput.parse({ unitCode: 'UM', name: 'Odpowiedź', place: 'Opole', body: 'Treść' }), at: AT, by: 'admin' });
    const reply = draftReply(db, { id: uuidv7(), caseId, templateId: template.id, addressee: 'Jan Nowak', at: AT, actor: CLERK, outbox: true });
    updateReply(db, { id: reply.id, addressee: 'Jan Nowak', body: 'Wersja referentki', at: '2026-11-20T10:02:00.000Z', actor: CLERK, outbox: true });
    const clientId = clientOf(db, CLERK.login, AT);
    const queued = outboxBatch(db, clientId, 10);
    expect(queued.map((c) => c.name)).toEqual(['replies.draft', 'replies.update']);
    expect(queued[0]?.args).toMatchObject({ reply: { id: reply.id, caseId, template: { id: template.id, version: 1, body: 'Treść', place: 'Opole' }, body: 'Treść', at: AT } });
    expect(queued[1]?.args).toEqual({ id: reply.id, addressee: 'Jan Nowak', body: 'Wersja referentki', baseAt: AT, at: '2026-11-20T10:02:00.000Z' });

    // Another desk's edit pulled meanwhile does not override the edit still waiting here.
    const theirs = snapshot(caseId, reply.id, { template: { ...TEMPLATE, id: template.id, version: 1, letterhead: '', body: 'Treść', signature: '', savedAt: template.savedAt }, body: 'Wersja kierownika', updatedAt: '2026-11-20T10:01:00.000Z', events: [] });
    expect(applyRemoteReply(db, theirs, AT)).toBeNull();
    expect(getReply(db, reply.id)?.body).toBe('Wersja referentki');

    // The server applied the draft and refused the edit: from now on this desk shows the server's text, the clerk's is in the issue.
    applyPushResults(db, clientId, [
      { seq: 1, status: 'applied', error: null, value: null },
      { seq: 2, status: 'conflict', error: { code: 'changed_meanwhile', message: 'replies.changedMeanwhile' }, value: theirs },
    ], AT);
    expect(getReply(db, reply.id)).toMatchObject({ body: 'Wersja kierownika', updatedAt: '2026-11-20T10:01:00.000Z' });
    expect(listSyncIssues(db, 10)).toMatchObject([{ command: 'replies.update', status: 'conflict', messageKey: 'replies.changedMeanwhile', local: { body: 'Wersja referentki' }, server: { body: 'Wersja kierownika' } }]);
    db.close();
  });
});
