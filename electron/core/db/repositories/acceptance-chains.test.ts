import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { officeToday } from '../../../../shared/dates.ts';
import { addDays } from '../../../../shared/deadlines/dates.ts';
import { AcceptanceChainInput } from '../../../../shared/replies/acceptance.ts';
import { TemplateInput } from '../../../../shared/replies/templates.ts';
import { uuidv7 } from '../../ids.ts';
import { caseInput, withDemoCity } from '../../test-support/case-fixtures.ts';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { openDatabase } from '../open.ts';
import { acceptanceChain, saveAcceptanceChain } from './acceptance-chains.ts';
import { getCase, openCase, type Actor } from './cases.ts';
import { saveLetterTemplate } from './letter-templates.ts';
import { acceptReply, acceptReplyStep, checkAcceptance, draftReply, repliesAwaitingDecision, returnReply, submitReply } from './replies.ts';

const tempDir = useTempDirs();
const AT = '2026-11-20T10:00:00.000Z';
const LATER = '2026-11-23T09:00:00.000Z';
const SHA = 'b'.repeat(64);
// The demo city: Referat GN-I (its clerk, its head), its Wydział GN (the naczelnik), the city secretary.
const CLERK: Actor = { login: 'iadamczyk2', name: 'Iwona Adamczyk', post: 'Główny specjalista' };
const SECTION_HEAD: Actor = { login: 'jkozlowski2', name: 'Jan Kozłowski', post: 'Kierownik Referatu' };
const DEPARTMENT_HEAD: Actor = { login: 'mdabrowska', name: 'Małgorzata Dąbrowska', post: 'Naczelnik Wydziału' };
const SECRETARY = 'anowak';

function cityWithCase(): { db: Database; caseId: string; sign: string; templateId: string } {
  const db = openDatabase(join(tempDir(), 'k.sqlite'));
  withDemoCity(db);
  const template = saveLetterTemplate(db, { id: uuidv7(), input: TemplateInput.parse({ unitCode: 'UM', name: 'Odpowiedź', place: 'Opole', body: 'Treść' }), at: AT, by: 'admin' });
  const opened = openCase(db, { id: uuidv7(), input: caseInput(), at: AT, actor: CLERK, numbering: 'local' });
  return { db, caseId: opened.id, sign: opened.sign ?? '', templateId: template.id };
}

const save = (db: Database, unitCode: string, steps: unknown[]) =>
  saveAcceptanceChain(db, { input: AcceptanceChainInput.parse({ unitCode, steps }), at: AT, by: 'Tomasz Zieliński' });
const waitingFor = (db: Database, login: string) => repliesAwaitingDecision(db, login).map((r) => r.id);

describe('akceptacja along a unit\'s chain', () => {
  it('passes a reply from the head of the referat to the naczelnik, back to the clerk with remarks, and over again to the czystopis', () => {
    const { db, caseId, sign, templateId } = cityWithCase();
    expect(save(db, 'GN-I', [{ approver: 'unit_head' }, { approver: 'parent_head' }])).toMatchObject({ configured: true, steps: [{ approver: 'unit_head' }, { approver: 'parent_head' }], savedBy: 'Tomasz Zieliński' });

    const reply = draftReply(db, { id: uuidv7(), caseId, templateId, addressee: 'Jan Nowak', at: AT, actor: CLERK });
    expect(reply.acceptance).toBeNull();
    const submitted = submitReply(db, { id: reply.id, at: AT, actor: CLERK });
    expect(submitted.acceptance).toEqual({ step: 1, of: 2, approver: { approver: 'unit_head' }, approvers: [{ login: SECTION_HEAD.login, name: SECTION_HEAD.name, post: SECTION_HEAD.post }] });
    expect(waitingFor(db, SECTION_HEAD.login)).toEqual([reply.id]);
    expect(waitingFor(db, DEPARTMENT_HEAD.login)).toEqual([]);

    // Step 1 is the referat head's: not the naczelnik's yet, and never the drafter's.
    expect(() => acceptReplyStep(db, { id: reply.id, step: 1, at: AT, actor: DEPARTMENT_HEAD })).toThrow('replies.notYourStep');
    expect(() => returnReply(db, { id: reply.id, remarks: 'Za wcześnie', at: AT, actor: DEPARTMENT_HEAD })).toThrow('replies.notYourStep');
    expect(() => checkAcceptance(db, { id: reply.id, login: CLERK.login })).toThrow('replies.ownDraft');
    // Not the last step: accepting it does not make a czystopis.
    expect(checkAcceptance(db, { id: reply.id, login: SECTION_HEAD.login })).toEqual({ step: 1, final: false });
    expect(() => acceptReply(db, { id: reply.id, finalSha256: SHA, finalSign: sign, at: AT, actor: SECTION_HEAD })).toThrow('replies.wrongState');
    const passed = acceptReplyStep(db, { id: reply.id, step: 1, at: AT, actor: SECTION_HEAD });
    expect(passed).toMatchObject({ state: 'submitted', decidedBy: SECTION_HEAD.name, acceptance: { step: 2, of: 2, approver: { approver: 'parent_head' }, approvers: [{ login: DEPARTMENT_HEAD.login, post: 'Naczelnik Wydziału' }] } });
    expect(waitingFor(db, SECTION_HEAD.login)).toEqual([]);
    expect(waitingFor(db, DEPARTMENT_HEAD.login)).toEqual([reply.id]);
    // The same step is not passed twice (a second click, a stale screen).
    expect(() => acceptReplyStep(db, { id: reply.id, step: 1, at: AT, actor: SECTION_HEAD })).toThrow('replies.notYourStep');

    // The naczelnik returns it at step 2: back to the clerk, and off everyone's list.
    const returned = returnReply(db, { id: reply.id, remarks: 'Proszę powołać podstawę prawną.', at: AT, actor: DEPARTMENT_HEAD });
    expect(returned).toMatchObject({ state: 'returned', remarks: 'Proszę powołać podstawę prawną.', acceptance: null });
    expect(waitingFor(db, DEPARTMENT_HEAD.login)).toEqual([]);
    expect(() => acceptReplyStep(db, { id: reply.id, step: 2, at: AT, actor: DEPARTMENT_HEAD })).toThrow('replies.wrongState');

    // Sent again, it starts at step 1; a chain changed meanwhile applies from this submission on.
    const resubmitted = submitReply(db, { id: reply.id, at: LATER, actor: CLERK });
    expect(resubmitted).toMatchObject({ state: 'submitted', remarks: null, acceptance: { step: 1, of: 2 } });
    save(db, 'GN-I', [{ approver: 'unit_head' }, { approver: 'parent_head' }, { approver: 'person', login: SECRETARY }]);
    expect(acceptReplyStep(db, { id: reply.id, step: 1, at: LATER, actor: SECTION_HEAD }).acceptance).toMatchObject({ step: 2, of: 2 });
    expect(checkAcceptance(db, { id: reply.id, login: DEPARTMENT_HEAD.login })).toEqual({ step: 2, final: true });
    expect(() => acceptReplyStep(db, { id: reply.id, step: 2, at: LATER, actor: DEPARTMENT_HEAD })).toThrow('replies.wrongState');
    const accepted = acceptReply(db, { id: reply.id, finalSha256: SHA, finalSign: sign, step: 2, at: LATER, actor: DEPARTMENT_HEAD });
    expect(accepted).toMatchObject({ state: 'accepted', finalSign: sign, decidedBy: DEPARTMENT_HEAD.name, acceptance: null });
    expect(waitingFor(db, DEPARTMENT_HEAD.login)).toEqual([]);

    // The metryka: who passed which step, and when.
    const events = (getCase(db, caseId)?.events ?? []).filter((e) => e.kind.startsWith('reply_'));
    expect(events.map((e) => [e.kind, e.actorLogin, e.at, e.details['step'] ?? null])).toEqual([
      ['reply_drafted', CLERK.login, AT, null],
      ['reply_submitted', CLERK.login, AT, null],
      ['reply_step_accepted', SECTION_HEAD.login, AT, 1],
      ['reply_returned', DEPARTMENT_HEAD.login, AT, 2],
      ['reply_submitted', CLERK.login, LATER, null],
      ['reply_step_accepted', SECTION_HEAD.login, LATER, 1],
      ['reply_accepted', DEPARTMENT_HEAD.login, LATER, 2],
    ]);
    expect(events.find((e) => e.kind === 'reply_step_accepted')?.details).toEqual({ replyId: reply.id, step: 1, of: 2 });
    db.close();
  });

  it('keeps today\'s single step for a unit with no chain, and never lets anyone accept their own draft', () => {
    const { db, caseId, templateId } = cityWithCase();
    expect(acceptanceChain(db, 'GN-I')).toEqual({ unitCode: 'GN-I', steps: [{ approver: 'unit_head' }], configured: false, savedAt: null, savedBy: null });
    const byClerk = draftReply(db, { id: uuidv7(), caseId, templateId, addressee: 'Jan Nowak', at: AT, actor: CLERK });
    expect(submitReply(db, { id: byClerk.id, at: AT, actor: CLERK }).acceptance).toMatchObject({ step: 1, of: 1, approvers: [{ login: SECTION_HEAD.login }] });
    expect(checkAcceptance(db, { id: byClerk.id, login: SECTION_HEAD.login })).toEqual({ step: 1, final: true });

    // The referat head drafts one himself: his step goes to the head above him.
    const byHead = draftReply(db, { id: uuidv7(), caseId, templateId, addressee: 'Jan Nowak', at: AT, actor: SECTION_HEAD });
    expect(submitReply(db, { id: byHead.id, at: AT, actor: SECTION_HEAD }).acceptance).toMatchObject({ step: 1, of: 1, approvers: [{ login: DEPARTMENT_HEAD.login }] });
    expect(() => checkAcceptance(db, { id: byHead.id, login: SECTION_HEAD.login })).toThrow('replies.ownDraft');
    expect(waitingFor(db, SECTION_HEAD.login)).toEqual([byClerk.id]);
    expect(waitingFor(db, DEPARTMENT_HEAD.login)).toEqual([byHead.id]);

    // A named person decides their step; the city secretary drafting in the case would go to nobody above and is not sent.
    save(db, 'GN-I', [{ approver: 'person', login: SECRETARY }]);
    const bySecretary = draftReply(db, { id: uuidv7(), caseId, templateId, addressee: 'Jan Nowak', at: AT, actor: { login: SECRETARY, name: 'Anna Nowak', post: 'Sekretarz Miasta' } });
    expect(() => submitReply(db, { id: bySecretary.id, at: AT, actor: { login: SECRETARY, name: 'Anna Nowak', post: 'Sekretarz Miasta' } })).toThrow('replies.noApprover');
    const second = draftReply(db, { id: uuidv7(), caseId, templateId, addressee: 'Jan Nowak', at: AT, actor: CLERK });
    expect(submitReply(db, { id: second.id, at: AT, actor: CLERK }).acceptance).toMatchObject({ approver: { approver: 'person', login: SECRETARY }, approvers: [{ login: SECRETARY, post: 'Sekretarz Miasta' }] });
    db.close();
  });

  it('lets whoever stands in for an absent head today decide their step, and nobody whose zastępstwo is over', () => {
    const { db, caseId, sign, templateId } = cityWithCase();
    const substitute: Actor = { login: 'ajankowska2', name: 'Aleksandra Jankowska', post: 'Główny specjalista' };
    const today = officeToday();
    const stands = db.prepare('INSERT INTO substitutions (absent_login, substitute_login, from_date, to_date) VALUES (?, ?, ?, ?)');
    stands.run(SECTION_HEAD.login, substitute.login, addDays(today, -1), addDays(today, 1));
    // An earlier zastępstwo, over yesterday: that person decides nothing now.
    stands.run(SECTION_HEAD.login, DEPARTMENT_HEAD.login, addDays(today, -10), addDays(today, -1));
    const reply = draftReply(db, { id: uuidv7(), caseId, templateId, addressee: 'Jan Nowak', at: AT, actor: CLERK });
    expect(submitReply(db, { id: reply.id, at: AT, actor: CLERK }).acceptance?.approvers).toEqual([
      { login: SECTION_HEAD.login, name: SECTION_HEAD.name, post: SECTION_HEAD.post },
      { login: substitute.login, name: substitute.name, post: substitute.post, substituteFor: SECTION_HEAD.name },
    ]);
    expect(waitingFor(db, substitute.login)).toEqual([reply.id]);
    expect(waitingFor(db, DEPARTMENT_HEAD.login)).toEqual([]);
    expect(acceptReply(db, { id: reply.id, finalSha256: SHA, finalSign: sign, at: LATER, actor: substitute })).toMatchObject({ state: 'accepted' });
    db.close();
  });

  it('saves a chain only when the organisation can fill every step, and an empty one restores the default', () => {
    const { db } = cityWithCase();
    expect(() => save(db, 'XX', [{ approver: 'unit_head' }])).toThrow('acceptance.errors.unknownUnit');
    expect(() => save(db, 'UM', [{ approver: 'parent_head' }])).toThrow('acceptance.errors.noParent');
    expect(() => save(db, 'GN-I', [{ approver: 'unit_head' }, { approver: 'unit_head' }])).toThrow('acceptance.errors.duplicate');
    expect(() => save(db, 'GN-I', [{ approver: 'person', login: 'nikt' }])).toThrow('acceptance.errors.unknownPerson');
    // The urząd itself has no head in the demo city (the secretary is a supervisor): a wydział's parent step has nobody.
    expect(() => save(db, 'GN', [{ approver: 'unit_head' }, { approver: 'parent_head' }])).toThrow('acceptance.errors.nobody');
    expect(acceptanceChain(db, 'GN').configured).toBe(false);

    expect(save(db, 'GN', [{ approver: 'unit_head' }, { approver: 'person', login: ' ANowak ' }]).steps).toEqual([{ approver: 'unit_head' }, { approver: 'person', login: SECRETARY }]);
    expect(save(db, 'GN', [])).toEqual({ unitCode: 'GN', steps: [{ approver: 'unit_head' }], configured: false, savedAt: null, savedBy: null });
    db.close();
  });
});
