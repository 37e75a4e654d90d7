import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TemplateInput } from '../../../../shared/replies/templates.ts';
import { caseInput, CLERK, withDemoCity } from '../../test-support/case-fixtures.ts';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { uuidv7 } from '../../ids.ts';
import { openDatabase } from '../open.ts';
import { assignCaseSign, openCase } from './cases.ts';
import { saveLetterTemplate } from './letter-templates.ts';
import { acceptReply, checkAcceptance, draftReply, returnReply, submitReply, updateReply } from './replies.ts';

const tempDir = useTempDirs();
const AT = '2026-11-20T10:00:00.000Z';
const HEAD = { login: 'jkozlowski2', name: 'Jan Kozłowski', post: 'Kierownik Referatu' };

describe('replies in SQLite', () => {
  it('gives no czystopis while the case has only a provisional sign, and checks the sign printed is still the case\'s', () => {
    const db = openDatabase(join(tempDir(), 'k.sqlite'));
    withDemoCity(db);
    const template = saveLetterTemplate(db, { id: uuidv7(), input: TemplateInput.parse({ unitCode: 'UM', name: 'Odpowiedź', place: 'Opole', body: 'Treść' }), at: AT, by: 'admin' });
    // Opened offline against a central server: the server gives the number later.
    const opened = openCase(db, { id: uuidv7(), input: caseInput(), at: AT, actor: CLERK, numbering: 'server' });
    const reply = draftReply(db, { id: uuidv7(), caseId: opened.id, templateId: template.id, addressee: 'Jan Nowak', at: AT, actor: CLERK });
    submitReply(db, { id: reply.id, at: AT, actor: CLERK });
    expect(() => checkAcceptance(db, { id: reply.id, login: HEAD.login })).toThrow('replies.provisionalSign');
    expect(() => acceptReply(db, { id: reply.id, finalSha256: 'a'.repeat(64), finalSign: 'GN-I.6831.1.2026', at: AT, actor: HEAD })).toThrow('replies.provisionalSign');

    db.transaction(() => assignCaseSign(db, { caseId: opened.id, number: 7, sign: 'GN-I.6831.7.2026', at: AT }))();
    expect(() => checkAcceptance(db, { id: reply.id, login: CLERK.login })).toThrow('replies.ownDraft');
    expect(() => acceptReply(db, { id: reply.id, finalSha256: 'a'.repeat(64), finalSign: 'GN-I.6831.1.2026', at: AT, actor: HEAD })).toThrow('replies.wrongState');
    expect(acceptReply(db, { id: reply.id, finalSha256: 'a'.repeat(64), finalSign: 'GN-I.6831.7.2026', at: AT, actor: HEAD })).toMatchObject({ state: 'accepted', finalSign: 'GN-I.6831.7.2026' });
    expect(() => submitReply(db, { id: reply.id, at: AT, actor: CLERK })).toThrow('replies.final');
    db.close();
  });

  it('decides on the text the head saw: returned, corrected and sent again since, the old screen’s decision is refused', () => {
    const db = openDatabase(join(tempDir(), 'k.sqlite'));
    withDemoCity(db);
    const template = saveLetterTemplate(db, { id: uuidv7(), input: TemplateInput.parse({ unitCode: 'UM', name: 'Odpowiedź', place: 'Opole', body: 'Treść' }), at: AT, by: 'admin' });
    const opened = openCase(db, { id: uuidv7(), input: caseInput(), at: AT, actor: CLERK, numbering: 'local' });
    const reply = draftReply(db, { id: uuidv7(), caseId: opened.id, templateId: template.id, addressee: 'Jan Nowak', at: AT, actor: CLERK });
    // The head opens the submitted draft on one screen…
    const seen = submitReply(db, { id: reply.id, at: '2026-11-20T10:05:00.000Z', actor: CLERK }).updatedAt;
    // …returns it from another, the clerk corrects it and sends it again.
    returnReply(db, { id: reply.id, remarks: 'Proszę poprawić termin', seenAt: seen, at: '2026-11-20T10:10:00.000Z', actor: HEAD });
    updateReply(db, { id: reply.id, addressee: 'Jan Nowak', body: 'Treść poprawiona', at: '2026-11-20T10:20:00.000Z' });
    const resubmitted = submitReply(db, { id: reply.id, at: '2026-11-20T10:25:00.000Z', actor: CLERK });
    const accept = (seenAt: string) => acceptReply(db, { id: reply.id, finalSha256: 'a'.repeat(64), finalSign: opened.sign ?? '', seenAt, at: '2026-11-20T10:30:00.000Z', actor: HEAD });
    expect(() => checkAcceptance(db, { id: reply.id, login: HEAD.login, seenAt: seen })).toThrow('replies.changedMeanwhile');
    expect(() => accept(seen)).toThrow('replies.changedMeanwhile');
    expect(() => returnReply(db, { id: reply.id, remarks: 'Jeszcze raz', seenAt: seen, at: AT, actor: HEAD })).toThrow('replies.changedMeanwhile');
    expect(accept(resubmitted.updatedAt)).toMatchObject({ state: 'accepted', body: 'Treść poprawiona' });
    db.close();
  });
});
