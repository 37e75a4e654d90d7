import { describe, expect, it } from 'vitest';
import type { CaseWithDeadline } from '../../../shared/cases.ts';
import { officeToday } from '../../../shared/dates.ts';
import type { GeneratedFile } from '../../../shared/documents.ts';
import { polishLongDate } from '../../../shared/replies/letter-date.ts';
import type { Reply } from '../../../shared/replies/replies.ts';
import type { LetterTemplate } from '../../../shared/replies/templates.ts';
import { fileBytes as bytes, ok } from '../test-support/contract-results.ts';
import { pdfBarcodes, pdfFonts, pdfText } from '../test-support/pdf-probe.ts';
import { sampleItem } from '../test-support/sample-item.ts';
import { useTempDirs } from '../test-support/temp-dir.ts';
import { startWorkstation, type Workstation } from '../workstation.ts';
import { SOURCE_WORKER_URLS } from '../workers/worker-urls.ts';

const tempDir = useTempDirs();
// The demo city's Referat GN-I: its head and a clerk (local mode: "Pracuję jako").
const HEAD = 'jkozlowski2';
const CLERK = 'iadamczyk2';
// The naczelnik of Wydział GN, above the referat.
const DEPARTMENT_HEAD = 'mdabrowska';

async function caseWithLetter(): Promise<{ ws: Workstation; caseId: string; sign: string; trackingCode: string; templateId: string }> {
  const ws = await startWorkstation({ dataDir: tempDir(), version: '1', shell: 'browser', workers: SOURCE_WORKER_URLS, checkOutput: true, logError: () => undefined, demo: true });
  ok(await ws.dispatch('settings.update', { workstationName: 'Okienko 1', deskCode: 'KO', centralServerUrl: '', uiLanguage: 'pl' }));
  const letter = ok(await ws.dispatch('registry.register', sampleItem({
    subject: 'Wniosek o podział działki 12/3', senderReference: 'ZŹ/4/2026', letterDate: '2026-11-02',
    sender: { correspondentId: null, name: 'Zdzisław Źdźbło', address: 'ul. Ściegiennego 3/7, 45-001 Opole' },
  }))) as { id: string; trackingCode: string };
  ok(await ws.dispatch('auth.actAs', { login: CLERK }));
  const opened = ok(await ws.dispatch('cases.open', { itemIds: [letter.id], unitCode: 'GN-I', jrwaSymbol: '6831', title: 'Podział działki 12/3', matterType: 'kpa_general', startedOn: officeToday(), handlerLogin: CLERK })) as CaseWithDeadline;
  const [answer] = (ok(await ws.dispatch('templates.list', { unitCode: 'GN-I' })) as LetterTemplate[]).filter((t) => t.name === 'Odpowiedź na pismo');
  return { ws, caseId: opened.id, sign: opened.sign ?? '', trackingCode: letter.trackingCode, templateId: answer?.id ?? '' };
}

describe('replies in a case: draft, akceptacja, czystopis', { timeout: 60_000 }, () => {
  it('goes from the clerk\'s draft through the head\'s remarks to a final PDF that nothing changes', async () => {
    const { ws, caseId, sign, trackingCode, templateId } = await caseWithLetter();
    const draft = ok(await ws.dispatch('replies.draft', { caseId, templateId })) as Reply;
    expect(draft).toMatchObject({ state: 'draft', caseSign: sign, addressee: 'Zdzisław Źdźbło\nul. Ściegiennego 3/7\n45-001 Opole', templateName: 'Odpowiedź na pismo' });

    // A broken placeholder in the edited text is refused with where it is.
    expect(await ws.dispatch('replies.update', { id: draft.id, addressee: draft.addressee, body: 'Dotyczy {{znak}}.' })).toMatchObject({
      ok: false, error: { code: 'invalid_input', issues: [{ path: 'body:1:9', message: 'templates.errors.unknownPlaceholder' }] },
    });
    const body = 'Szanowny Panie,\n\nw odpowiedzi na pismo z dnia {{data_pisma}} (znak: {{znak_pisma}}) w sprawie **{{tytul_sprawy}}** informuję, że podział zatwierdzono.\n\nZ poważaniem';
    ok(await ws.dispatch('replies.update', { id: draft.id, addressee: draft.addressee, body }));
    const preview = ok(await ws.dispatch('replies.file', { id: draft.id })) as GeneratedFile & { missing: string[] };
    expect(preview.missing).toEqual([]);
    expect(pdfText(bytes(preview), { raw: true })).toContain('PROJEKT');

    ok(await ws.dispatch('replies.submit', { id: draft.id }));
    // The clerk cannot accept; nor edit what waits for the head.
    expect(await ws.dispatch('replies.decide', { id: draft.id, decision: 'accept' })).toMatchObject({ ok: false, error: { issues: [{ message: 'replies.ownDraft' }] } });
    expect(await ws.dispatch('replies.update', { id: draft.id, addressee: 'x', body: 'y' })).toMatchObject({ ok: false, error: { issues: [{ message: 'replies.wrongState' }] } });

    ok(await ws.dispatch('auth.actAs', { login: HEAD }));
    expect((ok(await ws.dispatch('replies.awaiting', {})) as Reply[]).map((r) => r.id)).toEqual([draft.id]);
    expect(ok(await ws.dispatch('replies.decide', { id: draft.id, decision: 'return', remarks: 'Proszę dodać pouczenie.' }))).toMatchObject({ state: 'returned', remarks: 'Proszę dodać pouczenie.' });
    expect(ok(await ws.dispatch('replies.awaiting', {}))).toEqual([]);

    ok(await ws.dispatch('auth.actAs', { login: CLERK }));
    ok(await ws.dispatch('replies.update', { id: draft.id, addressee: draft.addressee, body: `${body}\n\nPouczenie: od decyzji przysługuje odwołanie.` }));
    ok(await ws.dispatch('replies.submit', { id: draft.id }));
    ok(await ws.dispatch('auth.actAs', { login: HEAD }));
    const accepted = ok(await ws.dispatch('replies.decide', { id: draft.id, decision: 'accept' })) as Reply;
    expect(accepted).toMatchObject({ state: 'accepted', finalSign: sign, remarks: null });

    const final = ok(await ws.dispatch('replies.file', { id: draft.id })) as GeneratedFile;
    const pdf = bytes(final);
    const words = pdfText(pdf).split(/\s+/u).filter(Boolean).join(' ');
    expect(words).toContain(`Znak sprawy: ${sign}`);
    expect(words).toContain(`Opole, ${polishLongDate(officeToday())}`);
    expect(words).toContain(`w odpowiedzi na pismo z dnia ${polishLongDate('2026-11-02')} (znak: ZŹ/4/2026) w sprawie Podział działki 12/3 informuję, że podział zatwierdzono.`);
    expect(words).toContain('Pouczenie: od decyzji przysługuje odwołanie.');
    expect(words).toContain('z up. Prezydenta Miasta Opola Jan Kozłowski');
    expect(pdfText(pdf, { raw: true })).not.toContain('PROJEKT');
    expect(pdfFonts(pdf).every((f) => f.embedded)).toBe(true);
    expect((await pdfBarcodes(pdf)).map((b) => b.text)).toContain(trackingCode);
    // The czystopis is the stored file, the same bytes every time, and nothing edits it.
    expect((ok(await ws.dispatch('replies.file', { id: draft.id })) as GeneratedFile).base64).toBe(final.base64);
    expect(await ws.dispatch('replies.update', { id: draft.id, addressee: 'x', body: 'y' })).toMatchObject({ ok: false, error: { issues: [{ message: 'replies.final' }] } });
    const history = ok(await ws.dispatch('cases.get', { id: caseId })) as { events: { kind: string; document: string | null }[] };
    expect(history.events.filter((e) => e.kind.startsWith('reply_')).map((e) => e.kind)).toEqual(['reply_drafted', 'reply_submitted', 'reply_returned', 'reply_submitted', 'reply_accepted']);
    expect(history.events.at(-1)?.document).toMatch(/^[0-9a-f]{64}$/u);
    await ws.close();
  });

  it('passes a two-step chain set by the administrator: the referat head moves it on, the naczelnik makes the czystopis', async () => {
    const { ws, caseId, sign, templateId } = await caseWithLetter();
    // A chain that nobody could decide is refused in Polish; the one the unit needs is kept.
    expect(await ws.dispatch('acceptance.saveChain', { unitCode: 'GN-I', steps: [{ approver: 'person', login: 'nikt' }] })).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ message: 'acceptance.errors.unknownPerson' }] } });
    ok(await ws.dispatch('acceptance.saveChain', { unitCode: 'GN-I', steps: [{ approver: 'unit_head' }, { approver: 'parent_head' }] }));
    expect(ok(await ws.dispatch('acceptance.chain', { unitCode: 'GN-I' }))).toMatchObject({ configured: true, steps: [{ approver: 'unit_head' }, { approver: 'parent_head' }] });

    const draft = ok(await ws.dispatch('replies.draft', { caseId, templateId })) as Reply;
    ok(await ws.dispatch('replies.update', { id: draft.id, addressee: draft.addressee, body: 'W sprawie {{tytul_sprawy}} informuję, że podział zatwierdzono.' }));
    expect(ok(await ws.dispatch('replies.submit', { id: draft.id }))).toMatchObject({ acceptance: { step: 1, of: 2, approvers: [{ login: HEAD }] } });

    ok(await ws.dispatch('auth.actAs', { login: DEPARTMENT_HEAD }));
    expect(await ws.dispatch('replies.decide', { id: draft.id, decision: 'accept' })).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ message: 'replies.notYourStep' }] } });
    ok(await ws.dispatch('auth.actAs', { login: HEAD }));
    const moved = ok(await ws.dispatch('replies.decide', { id: draft.id, decision: 'accept' })) as Reply;
    expect(moved).toMatchObject({ state: 'submitted', finalSign: null, acceptance: { step: 2, of: 2, approvers: [{ login: DEPARTMENT_HEAD, post: 'Naczelnik Wydziału' }] } });
    // Still a draft: what it prints says PROJEKT.
    expect(pdfText(bytes(ok(await ws.dispatch('replies.file', { id: draft.id })) as GeneratedFile), { raw: true })).toContain('PROJEKT');

    ok(await ws.dispatch('auth.actAs', { login: DEPARTMENT_HEAD }));
    expect((ok(await ws.dispatch('replies.awaiting', {})) as Reply[]).map((r) => r.id)).toEqual([draft.id]);
    expect(ok(await ws.dispatch('replies.decide', { id: draft.id, decision: 'accept' }))).toMatchObject({ state: 'accepted', finalSign: sign, acceptance: null });
    expect(pdfText(bytes(ok(await ws.dispatch('replies.file', { id: draft.id })) as GeneratedFile), { raw: true })).not.toContain('PROJEKT');
    const history = ok(await ws.dispatch('cases.get', { id: caseId })) as { events: { kind: string; actorLogin: string }[] };
    expect(history.events.filter((e) => e.kind.startsWith('reply_')).map((e) => `${e.kind}:${e.actorLogin}`))
      .toEqual([`reply_drafted:${CLERK}`, `reply_submitted:${CLERK}`, `reply_step_accepted:${HEAD}`, `reply_accepted:${DEPARTMENT_HEAD}`]);
    await ws.close();
  });

  it('is not sent for akceptacja with placeholders the case cannot fill', async () => {
    const { ws, caseId, templateId } = await caseWithLetter();
    const draft = ok(await ws.dispatch('replies.draft', { caseId, templateId })) as Reply;
    ok(await ws.dispatch('replies.update', { id: draft.id, addressee: draft.addressee, body: 'Termin: {{termin_zalatwienia}}. Sprawę prowadzi {{prowadzacy}}, {{stanowisko_prowadzacego}}. Notatka dla {{znak_pisma}}.' }));
    // The sample letter's reference is set here, so this one submits; a case without letters would not.
    ok(await ws.dispatch('replies.submit', { id: draft.id }));

    const bare = ok(await ws.dispatch('cases.open', { unitCode: 'GN-I', jrwaSymbol: '6831', title: 'Sprawa z urzędu', matterType: 'kpa_general', startedOn: officeToday() })) as CaseWithDeadline;
    const noLetter = ok(await ws.dispatch('replies.draft', { caseId: bare.id, templateId })) as Reply;
    expect(noLetter.addressee).toBe('');
    ok(await ws.dispatch('replies.update', { id: noLetter.id, addressee: 'Pani Anna Nowak', body: 'W sprawie pisma {{numer_rpw}}.' }));
    expect(await ws.dispatch('replies.submit', { id: noLetter.id })).toMatchObject({ ok: false, error: { issues: [{ message: 'replies.missingValues' }] } });
    await ws.close();
  });
});
