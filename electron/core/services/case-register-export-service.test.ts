import { describe, expect, it } from 'vitest';
import type { CaseWithDeadline } from '../../../shared/cases.ts';
import { officeToday } from '../../../shared/dates.ts';
import type { GeneratedFile } from '../../../shared/documents.ts';
import { polishDate } from '../pdf/document.ts';
import { fileBytes as bytes, ok } from '../test-support/contract-results.ts';
import { pdfText } from '../test-support/pdf-probe.ts';
import { useTempDirs } from '../test-support/temp-dir.ts';
import { startWorkstation, type Workstation } from '../workstation.ts';
import { SOURCE_WORKER_URLS } from '../workers/worker-urls.ts';

const tempDir = useTempDirs();

/** A workstation without a server, with the demo city's organisation and JRWA loaded. */
function cityWorkstation(): Promise<Workstation> {
  return startWorkstation({ dataDir: tempDir(), version: '1', shell: 'browser', workers: SOURCE_WORKER_URLS, checkOutput: true, logError: () => undefined, demo: true });
}

// Each test loads the demo city (about seventy units) into a fresh data folder: seconds on a busy machine.
describe('cases.registerExport through the contract (SQLite worker + documents worker)', { timeout: 30_000 }, () => {
  it('exports the spis spraw of a unit, class and year as PDF and CSV, named after them', async () => {
    const workstation = await cityWorkstation();
    const open = async (title: string) => ok(await workstation.dispatch('cases.open', { unitCode: 'GN-I', jrwaSymbol: '6831', title, matterType: 'kpa_general', startedOn: '2026-11-20' })) as CaseWithDeadline;
    const first = await open('Podział działki przy ul. Żeromskiego');
    await open('Rozgraniczenie nieruchomości');
    ok(await workstation.dispatch('cases.close', { id: first.id, settlement: 'Wydano decyzję' }));

    const pdf = ok(await workstation.dispatch('cases.registerExport', { unitCode: 'GN-I', jrwaSymbol: '6831', year: 2026, format: 'pdf' })) as GeneratedFile;
    expect(pdf).toMatchObject({ fileName: 'spis-spraw-GN-I-6831-2026.pdf', mediaType: 'application/pdf' });
    const text = pdfText(bytes(pdf), { layout: true });
    expect(text).toContain('Komórka organizacyjna: Referat Gospodarki Nieruchomościami (GN-I)');
    expect(text).toContain('Klasa JRWA: 6831 — Podziały nieruchomości');
    expect(text).toContain(`Data sporządzenia: ${polishDate(officeToday())}`);
    expect(text).toMatch(/^ *1 +1 +GN-I\.6831\.1\.2026 +Podział działki przy ul\./mu);
    expect(text).toMatch(/^ *2 +2 +GN-I\.6831\.2\.2026 +Rozgraniczenie nieruchomości/mu);
    expect(text).toContain('Wydano decyzję');

    const csv = ok(await workstation.dispatch('cases.registerExport', { unitCode: 'GN-I', jrwaSymbol: '6831', year: 2026, format: 'csv' })) as GeneratedFile;
    expect(csv).toMatchObject({ fileName: 'spis-spraw-GN-I-6831-2026.csv', mediaType: 'text/csv' });
    expect(bytes(csv).toString('utf8').split('\r\n').filter(Boolean)).toHaveLength(3);

    const empty = ok(await workstation.dispatch('cases.registerExport', { unitCode: 'GN-I', jrwaSymbol: '6831', year: 2025, format: 'pdf' })) as GeneratedFile;
    expect(pdfText(bytes(empty))).toContain('Brak spraw w tej klasie w tym roku.');
    await workstation.close();
  });

  it('exports the spis spraw of a group of classes for a part of the year: only the cases started in it, the period in the heading', async () => {
    const workstation = await cityWorkstation();
    const open = async (title: string, startedOn: string) => ok(await workstation.dispatch('cases.open', { unitCode: 'GN-I', jrwaSymbol: '6831', title, matterType: 'kpa_general', startedOn })) as CaseWithDeadline;
    await open('Podział w marcu', '2026-03-15');
    await open('Podział w kwietniu', '2026-04-01');
    await open('Podział w listopadzie', '2026-11-20');
    // Class 68 (a group) covers 6831; the second quarter holds only the April case, and the heading says so.
    const pdf = ok(await workstation.dispatch('cases.registerExport', { unitCode: 'GN-I', jrwaSymbol: '68', year: 2026, format: 'pdf', from: '2026-04-01', to: '2026-06-30' })) as GeneratedFile;
    expect(pdf.fileName).toBe('spis-spraw-GN-I-68-2026-2026-04-01_2026-06-30.pdf');
    const text = pdfText(bytes(pdf));
    expect(text).toContain('Spis spraw — rok 2026, sprawy wszczęte od 01.04.2026 do 30.06.2026');
    expect(text).toContain('Podział w kwietniu');
    expect(text).not.toContain('Podział w marcu');
    expect(text).not.toContain('Podział w listopadzie');
    const rows = ok(await workstation.dispatch('cases.register', { unitCode: 'GN-I', jrwaSymbol: '6', year: 2026, from: '2026-03-01' })) as { title: string }[];
    expect(rows.map((r) => r.title)).toEqual(['Podział w marcu', 'Podział w kwietniu', 'Podział w listopadzie']);
    const reversed = await workstation.dispatch('cases.registerExport', { unitCode: 'GN-I', jrwaSymbol: '68', year: 2026, format: 'csv', from: '2026-06-30', to: '2026-04-01' });
    expect(reversed.ok ? null : reversed.error.issues).toEqual([{ path: 'to', message: 'validation.periodReversed' }]);
    await workstation.close();
  });

  it('names the field at fault in Polish message keys: malformed input, unknown unit, unknown class', async () => {
    const workstation = await cityWorkstation();
    const refusal = async (input: Record<string, unknown>) => {
      const result = await workstation.dispatch('cases.registerExport', { unitCode: 'GN-I', jrwaSymbol: '6831', year: 2026, format: 'pdf', ...input });
      return result.ok ? null : result.error.issues;
    };
    expect(await refusal({ year: 1999 })).toEqual([{ path: 'year', message: 'validation.year' }]);
    expect(await refusal({ year: '2026' })).toEqual([{ path: 'year', message: 'validation.year' }]);
    expect(await refusal({ jrwaSymbol: '68a' })).toEqual([{ path: 'jrwaSymbol', message: 'jrwa.badSymbol' }]);
    expect(await refusal({ unitCode: 'gn-i' })).toEqual([{ path: 'unitCode', message: 'validation.unitCode' }]);
    expect(await refusal({ unitCode: 'XYZ' })).toEqual([{ path: 'unitCode', message: 'cases.unknownUnit' }]);
    expect(await refusal({ jrwaSymbol: '9999' })).toEqual([{ path: 'jrwaSymbol', message: 'cases.unknownClass' }]);
    await workstation.close();
  });
});
