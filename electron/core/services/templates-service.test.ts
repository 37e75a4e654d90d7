import { describe, expect, it } from 'vitest';
import type { CaseWithDeadline } from '../../../shared/cases.ts';
import { officeToday } from '../../../shared/dates.ts';
import type { GeneratedFile } from '../../../shared/documents.ts';
import { polishLongDate } from '../../../shared/replies/letter-date.ts';
import type { LetterTemplate } from '../../../shared/replies/templates.ts';
import { fileBytes as bytes, ok } from '../test-support/contract-results.ts';
import { pdfFonts, pdfText } from '../test-support/pdf-probe.ts';
import { sampleItem } from '../test-support/sample-item.ts';
import { useTempDirs } from '../test-support/temp-dir.ts';
import { startWorkstation, type Workstation } from '../workstation.ts';
import { SOURCE_WORKER_URLS } from '../workers/worker-urls.ts';

const tempDir = useTempDirs();

function cityWorkstation(): Promise<Workstation> {
  return startWorkstation({ dataDir: tempDir(), version: '1', shell: 'browser', workers: SOURCE_WORKER_URLS, checkOutput: true, logError: () => undefined, demo: true });
}

const template = (overrides: Record<string, unknown> = {}) => ({
  unitCode: 'GN', name: 'Informacja o podziale', place: 'Opole',
  letterhead: 'Prezydent Miasta Opola\n{{komorka}}',
  body: 'Szanowny Panie,\n\nw sprawie **{{tytul_sprawy}}** (wpływ {{numer_rpw}}) informuję, że termin upływa {{termin_zalatwienia}}.',
  signature: 'z up. Prezydenta Miasta Opola\n{{podpisujacy}}\n{{stanowisko_podpisujacego}}',
  ...overrides,
});

describe('letter templates through the contract', { timeout: 30_000 }, () => {
  it('refuses a template with unknown or broken placeholders, saying where; keeps every real edit as a version', async () => {
    const ws = await cityWorkstation();
    expect(await ws.dispatch('templates.save', template({ body: 'Dotyczy {{numer_sprawy}} z dnia {{data', signature: '{{podpisujacy}' }))).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [
        { path: 'body:1:9', message: 'templates.errors.unknownPlaceholder' },
        { path: 'body:1:33', message: 'templates.errors.unclosedPlaceholder' },
        { path: 'signature:1:1', message: 'templates.errors.unclosedPlaceholder' },
      ] },
    });
    expect(await ws.dispatch('templates.save', template({ unitCode: 'NIE-MA' }))).toMatchObject({ ok: false, error: { issues: [{ path: 'unitCode', message: 'cases.unknownUnit' }] } });
    expect(await ws.dispatch('templates.save', template({ place: '  ' }))).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'place' }] } });

    const first = ok(await ws.dispatch('templates.save', template())) as LetterTemplate;
    expect(first).toMatchObject({ version: 1, unitCode: 'GN', name: 'Informacja o podziale' });
    // Saving the same text again is not an edit; a changed text is the next version.
    expect(ok(await ws.dispatch('templates.save', { ...template(), id: first.id }))).toMatchObject({ version: 1 });
    ok(await ws.dispatch('templates.save', { ...template({ body: 'Nowa treść dla {{adresat}}.' }), id: first.id }));
    const versions = ok(await ws.dispatch('templates.versions', { id: first.id })) as LetterTemplate[];
    expect(versions.map((v) => [v.version, v.body])).toEqual([[2, 'Nowa treść dla {{adresat}}.'], [1, template().body]]);

    // A referat writes with its wydział's templates and the urząd's (the demo ships two), its own unit's first.
    const forSection = ok(await ws.dispatch('templates.list', { unitCode: 'GN-I' })) as LetterTemplate[];
    expect(forSection.map((t) => [t.unitCode, t.name, t.version])).toEqual([
      ['GN', 'Informacja o podziale', 2],
      ['UM', 'Odpowiedź na pismo', 1],
      ['UM', 'Zawiadomienie o niezałatwieniu sprawy w terminie (art. 36 KPA)', 1],
    ]);
    // A municipal unit is its own employer with its own letterhead: the urząd's templates are not its.
    expect(ok(await ws.dispatch('templates.list', { unitCode: 'MZD-DU' }))).toEqual([]);
    await ws.close();
  });

  it('previews a template filled from a case as a draft PDF, listing the placeholders the case cannot fill', async () => {
    const ws = await cityWorkstation();
    ok(await ws.dispatch('settings.update', { workstationName: 'Okienko 1', deskCode: 'KO', centralServerUrl: '', uiLanguage: 'pl' }));
    const letter = ok(await ws.dispatch('registry.register', sampleItem({ subject: 'Wniosek o podział działki 12/3', sender: { correspondentId: null, name: 'Zdzisław Źdźbło', address: 'ul. Ściegiennego 3/7, 45-001 Opole' }, senderReference: null }))) as { id: string; rpwNumber: string };
    const opened = ok(await ws.dispatch('cases.open', { itemIds: [letter.id], unitCode: 'GN-I', jrwaSymbol: '6831', title: 'Podział działki 12/3', matterType: 'kpa_general', startedOn: officeToday() })) as CaseWithDeadline;

    const preview = ok(await ws.dispatch('templates.preview', { template: template({ body: `${template().body}\n\nZnak pisma: {{znak_pisma}}` }), caseId: opened.id })) as { file: GeneratedFile; missing: string[] };
    // The sample letter carries no sender's reference, so that gap is named.
    expect(preview.missing).toEqual(['znak_pisma']);
    const words = pdfText(bytes(preview.file)).split(/\s+/u).filter(Boolean).join(' ');
    expect(words).toContain(`Opole, ${polishLongDate(officeToday())}`);
    expect(words).toContain(`Znak sprawy: ${opened.sign ?? ''}`);
    expect(words).toContain('Zdzisław Źdźbło ul. Ściegiennego 3/7 45-001 Opole');
    expect(words).toContain(`w sprawie Podział działki 12/3 (wpływ ${letter.rpwNumber}) informuję, że termin upływa ${polishLongDate(opened.deadline?.currentDueDate ?? '')}.`);
    expect(words).toContain('Znak pisma: [znak_pisma]');
    expect(words).toContain('Referat Gospodarki Nieruchomościami');
    expect(pdfText(bytes(preview.file), { raw: true })).toContain('PROJEKT');
    expect(pdfFonts(bytes(preview.file)).every((f) => f.embedded)).toBe(true);

    // Without a case every case placeholder is a gap; the demo templates hold together.
    const bare = ok(await ws.dispatch('templates.preview', { template: template(), caseId: null })) as { missing: string[] };
    expect(bare.missing).toEqual(['komorka', 'tytul_sprawy', 'numer_rpw', 'termin_zalatwienia', 'podpisujacy', 'stanowisko_podpisujacego']);
    for (const demo of ok(await ws.dispatch('templates.list', { unitCode: null })) as LetterTemplate[]) {
      expect(await ws.dispatch('templates.preview', { template: demo, caseId: opened.id })).toMatchObject({ ok: true });
    }
    await ws.close();
  });
});
