import { describe, expect, it } from 'vitest';
import type { CaseWithDeadline } from '../../../shared/cases.ts';
import { officeIsoDate, officeToday } from '../../../shared/dates.ts';
import { awizoFictionDate, type OutgoingLetter } from '../../../shared/outgoing/outgoing.ts';
import type { ItemDetail } from '../../../shared/registry.ts';
import type { Reply } from '../../../shared/replies/replies.ts';
import type { LetterTemplate } from '../../../shared/replies/templates.ts';
import type { GeneratedFile } from '../../../shared/documents.ts';
import { fileBytes as bytes, ok } from '../test-support/contract-results.ts';
import { pdfFonts, pdfText } from '../test-support/pdf-probe.ts';
import { sampleItem } from '../test-support/sample-item.ts';
import { useTempDirs } from '../test-support/temp-dir.ts';
import { startWorkstation, type Workstation } from '../workstation.ts';
import { SOURCE_WORKER_URLS } from '../workers/worker-urls.ts';

const tempDir = useTempDirs();
const HEAD = 'jkozlowski2';
const CLERK = 'iadamczyk2';
const today = officeToday();
const year = today.slice(0, 4);

async function workstation(deskCode: string): Promise<Workstation> {
  const ws = await startWorkstation({ dataDir: tempDir(), version: '1', shell: 'browser', workers: SOURCE_WORKER_URLS, checkOutput: true, logError: () => undefined, demo: true });
  ok(await ws.dispatch('settings.update', { workstationName: 'Okienko 1', deskCode, centralServerUrl: '', uiLanguage: 'pl' }));
  return ws;
}

/** A letter, its case in Referat GN-I and a reply the head has accepted (or only drafted). */
async function replyInCase(ws: Workstation, accept = true): Promise<{ itemId: string; caseId: string; replyId: string }> {
  ok(await ws.dispatch('auth.actAs', { login: CLERK }));
  const letter = ok(await ws.dispatch('registry.register', sampleItem({ subject: 'Wniosek o podział działki', sender: { correspondentId: null, name: 'Zdzisław Źdźbło', address: 'ul. Ściegiennego 3/7, 45-001 Opole' } }))) as { id: string };
  const opened = ok(await ws.dispatch('cases.open', { itemIds: [letter.id], unitCode: 'GN-I', jrwaSymbol: '6831', title: 'Podział działki', matterType: 'kpa_general', startedOn: today, handlerLogin: CLERK })) as CaseWithDeadline;
  const [template] = (ok(await ws.dispatch('templates.list', { unitCode: 'GN-I' })) as LetterTemplate[]).filter((t) => t.name === 'Odpowiedź na pismo');
  const draft = ok(await ws.dispatch('replies.draft', { caseId: opened.id, templateId: template?.id ?? '' })) as Reply;
  ok(await ws.dispatch('replies.update', { id: draft.id, addressee: draft.addressee, body: 'W odpowiedzi na pismo informuję, że podział zatwierdzono.' }));
  if (accept) {
    ok(await ws.dispatch('replies.submit', { id: draft.id }));
    ok(await ws.dispatch('auth.actAs', { login: HEAD }));
    ok(await ws.dispatch('replies.decide', { id: draft.id, decision: 'accept' }));
    ok(await ws.dispatch('auth.actAs', { login: CLERK }));
  }
  return { itemId: letter.id, caseId: opened.id, replyId: draft.id };
}

const sendZpo = (replyId: string) => ({
  replyId, channel: 'registered_zpo' as const, addresseeName: 'Zdzisław Źdźbło', addressLines: 'ul. Ściegiennego 3/7\n45-001 Opole',
  sentOn: today, postage: '8,60', mass: '20', trackingNumber: '00659007734210841234', closeCase: true, settlement: 'Załatwiono odpowiedzią z dnia dzisiejszego',
});

describe('the outgoing register: dispatch, delivery, return', { timeout: 60_000 }, () => {
  it('sends an accepted reply under the desk\'s next RKW number, closes the case, and records delivery once, in both paths', async () => {
    const ws = await workstation('KO');
    const draftOnly = await replyInCase(ws, false);
    expect(await ws.dispatch('outgoing.dispatchReply', sendZpo(draftOnly.replyId))).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path: 'replyId', message: 'outgoing.errors.notFinal' }] } });

    const { itemId, caseId, replyId } = await replyInCase(ws);
    // Bad input is refused field by field in the clerk's terms.
    const refused = await ws.dispatch('outgoing.dispatchReply', { ...sendZpo(replyId), postage: '8,605', addresseeName: ' ' });
    expect(refused.ok ? [] : refused.error.issues).toEqual([
      { path: 'addresseeName', message: 'validation.required' }, { path: 'postage', message: 'outgoing.errors.postage' },
    ]);
    expect(await ws.dispatch('outgoing.dispatchReply', { ...sendZpo(replyId), settlement: '' })).toMatchObject({ ok: false, error: { issues: [{ path: 'settlement', message: 'validation.reasonRequired' }] } });

    const sent = ok(await ws.dispatch('outgoing.dispatchReply', sendZpo(replyId))) as OutgoingLetter;
    expect(sent).toMatchObject({ rkwNumber: `RKW/KO/1/${year}`, channel: 'registered_zpo', postageGrosze: 860, massGrams: 20, caseId, replyId, subject: 'Odpowiedź na pismo', deliveredOn: null });
    expect(sent.caseSign).toMatch(/^GN-I\.6831\.\d+\.\d{4}$/u);
    const afterSending = ok(await ws.dispatch('cases.get', { id: caseId })) as { case: CaseWithDeadline; events: { kind: string }[] };
    expect(afterSending.case.status).toBe('closed');
    expect(afterSending.events.map((e) => e.kind).slice(-2)).toEqual(['reply_dispatched', 'closed']);
    expect(await ws.dispatch('outgoing.dispatchReply', sendZpo(replyId))).toMatchObject({ ok: false, error: { issues: [{ message: 'outgoing.errors.alreadySent' }] } });
    expect(ok(await ws.dispatch('outgoing.list', { from: today, to: today, awaitingProof: true }))).toMatchObject([{ id: sent.id }]);

    // Delivery: not in the future, not before sending, the fiction only once its 14 days are over.
    const tomorrow = officeIsoDate(new Date(Date.now() + 86_400_000));
    expect(await ws.dispatch('outgoing.recordDelivery', { id: sent.id, kind: 'signed', deliveredOn: tomorrow })).toMatchObject({ ok: false, error: { issues: [{ path: 'deliveredOn', message: 'outgoing.errors.future' }] } });
    expect(await ws.dispatch('outgoing.recordDelivery', { id: sent.id, kind: 'signed', deliveredOn: '2020-01-02' })).toMatchObject({ ok: false, error: { issues: [{ message: 'outgoing.errors.beforeSent' }] } });
    expect(await ws.dispatch('outgoing.recordDelivery', { id: sent.id, kind: 'awizo_fiction', firstNoticeOn: today })).toMatchObject({ ok: false, error: { issues: [{ path: 'firstNoticeOn', message: 'outgoing.errors.fictionNotYet' }] } });
    const delivered = ok(await ws.dispatch('outgoing.recordDelivery', { id: sent.id, kind: 'signed', deliveredOn: today })) as OutgoingLetter;
    expect(delivered).toMatchObject({ deliveredOn: today, deliveryKind: 'signed' });
    expect(await ws.dispatch('outgoing.recordReturn', { id: sent.id, returnedOn: today, reason: 'Adresat nieznany' })).toMatchObject({ ok: false, error: { issues: [{ message: 'outgoing.errors.outcomeRecorded' }] } });
    expect(ok(await ws.dispatch('outgoing.list', { from: today, to: today, awaitingProof: true }))).toEqual([]);

    // The letter's own path shows the reply going out and arriving; the case's metryka too, after closure.
    const item = ok(await ws.dispatch('registry.get', { id: itemId })) as ItemDetail;
    expect(item.events.map((e) => e.kind).slice(-2)).toEqual(['reply_sent', 'reply_delivered']);
    expect(item.events.at(-2)?.details).toMatchObject({ rkwNumber: `RKW/KO/1/${year}`, channel: 'registered_zpo', sentOn: today });
    const closedCase = ok(await ws.dispatch('cases.get', { id: caseId })) as { events: { kind: string }[] };
    expect(closedCase.events.at(-1)?.kind).toBe('reply_delivered');
    await ws.close();
  });

  it('sends a returned letter again under a new number, leaves the case open when told, and numbers a unit\'s own RKW without a desk', async () => {
    const ws = await workstation('KO');
    const { caseId, replyId } = await replyInCase(ws);
    const other = await replyInCase(ws);
    const first = ok(await ws.dispatch('outgoing.dispatchReply', { ...sendZpo(replyId), channel: 'ordinary', postage: '', mass: '', trackingNumber: '', closeCase: false, settlement: '' })) as OutgoingLetter;
    expect(first).toMatchObject({ rkwNumber: `RKW/KO/1/${year}`, postageGrosze: null, massGrams: null, trackingNumber: null });
    expect((ok(await ws.dispatch('cases.get', { id: caseId })) as { case: CaseWithDeadline }).case.status).not.toBe('closed');
    expect(ok(await ws.dispatch('outgoing.recordReturn', { id: first.id, returnedOn: today, reason: 'Adresat wyprowadził się' }))).toMatchObject({ returnedOn: today, returnReason: 'Adresat wyprowadził się' });
    const again = ok(await ws.dispatch('outgoing.dispatchReply', { ...sendZpo(replyId), addressLines: 'ul. Nowa 1\n45-002 Opole' })) as OutgoingLetter;
    expect(again.rkwNumber).toBe(`RKW/KO/2/${year}`);
    expect((ok(await ws.dispatch('outgoing.ofCase', { caseId })) as OutgoingLetter[]).map((l) => l.rkwNumber)).toEqual([`RKW/KO/1/${year}`, `RKW/KO/2/${year}`]);

    ok(await ws.dispatch('settings.update', { workstationName: 'Referat GN-I', deskCode: '', centralServerUrl: '', uiLanguage: 'pl' }));
    expect((ok(await ws.dispatch('outgoing.dispatchReply', sendZpo(other.replyId))) as OutgoingLetter).rkwNumber).toBe(`RKW/GN-I/1/${year}`);
    expect((ok(await ws.dispatch('outgoing.list', { from: today, to: today })) as OutgoingLetter[]).map((l) => l.rkwNumber)).toEqual([`RKW/GN-I/1/${year}`, `RKW/KO/1/${year}`, `RKW/KO/2/${year}`]);
    await ws.close();
  });

  it('deems a letter delivered on the 14th day after the first awizo (art. 44 KPA), across months and leap days', () => {
    expect(awizoFictionDate('2026-12-01')).toBe('2026-12-15');
    expect(awizoFictionDate('2026-12-20')).toBe('2027-01-03');
    expect(awizoFictionDate('2028-02-20')).toBe('2028-03-05');
  });
});

describe('the desk\'s postal papers', { timeout: 60_000 }, () => {
  it('prints the day\'s dispatch book with the znak sprawy in the remarks, and labels and envelopes of the chosen letters', async () => {
    const ws = await workstation('KO');
    const first = await replyInCase(ws);
    const second = await replyInCase(ws);
    const third = await replyInCase(ws);
    const zpo = ok(await ws.dispatch('outgoing.dispatchReply', sendZpo(first.replyId))) as OutgoingLetter;
    const registered = ok(await ws.dispatch('outgoing.dispatchReply', { ...sendZpo(second.replyId), channel: 'registered', addresseeName: 'Gęślą Jaźń Sp. z o.o.', postage: '12,90' })) as OutgoingLetter;
    ok(await ws.dispatch('outgoing.dispatchReply', { ...sendZpo(third.replyId), channel: 'epuap', postage: '', mass: '', trackingNumber: '' }));

    // Without a sender in the settings nothing postal is printed, and the clerk is told where to add it.
    expect(await ws.dispatch('outgoing.print', { kind: 'dispatchBook', date: today, format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'not_configured', issues: [{ message: 'outgoing.errors.noSender' }] } });
    expect(await ws.dispatch('settings.update', { workstationName: 'Okienko 1', deskCode: 'KO', centralServerUrl: '', uiLanguage: 'pl', postalSender: 'Urząd Miasta Opola' })).toMatchObject({ ok: false, error: { issues: [{ path: 'postalSender', message: 'validation.postalSender' }] } });
    ok(await ws.dispatch('settings.update', { workstationName: 'Okienko 1', deskCode: 'KO', centralServerUrl: '', uiLanguage: 'pl', postalSender: 'Urząd Miasta Opola\nRynek-Ratusz\n45-015 Opole' }));

    const book = bytes(ok(await ws.dispatch('outgoing.print', { kind: 'dispatchBook', date: today, format: 'pdf' })) as GeneratedFile);
    const words = pdfText(book).split(/\s+/u).filter(Boolean).join(' ');
    expect(words).toContain('Pocztowa książka nadawcza');
    expect(words).toContain('Urząd Miasta Opola');
    expect(words).toContain(`${zpo.caseSign ?? ''} ZPO`);
    expect(words).toContain(registered.caseSign ?? '');
    expect(words).toContain('Gęślą Jaźń Sp. z o.o.');
    // Registered post only: the ePUAP letter is not in the book; the total is the two postages.
    expect(words).toContain('Razem: 2 przesyłki, opłata 21,50 zł');
    expect(pdfFonts(book).every((f) => f.embedded)).toBe(true);
    const csv = bytes(ok(await ws.dispatch('outgoing.print', { kind: 'dispatchBook', date: today, format: 'csv' })) as GeneratedFile).toString('utf8');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(3);

    const labels = bytes(ok(await ws.dispatch('outgoing.print', { kind: 'labels', ids: [registered.id, zpo.id], position: 24 })) as GeneratedFile);
    expect(pdfText(labels).split(/\s+/u).join(' ')).toMatch(/Gęślą Jaźń Sp\. z o\.o\.[\s\S]*Zdzisław Źdźbło/u);
    const envelopes = bytes(ok(await ws.dispatch('outgoing.print', { kind: 'envelopes', ids: [zpo.id], format: 'DL' })) as GeneratedFile);
    expect(pdfText(envelopes)).toContain('Rynek-Ratusz');
    expect(pdfText(envelopes)).toContain('Zdzisław Źdźbło');
    expect(await ws.dispatch('outgoing.print', { kind: 'envelopes', ids: [], format: 'C5' })).toMatchObject({ ok: false, error: { issues: [{ message: 'outgoing.errors.nothingChosen' }] } });
    await ws.close();
  });
});
