import { describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../../shared/documents.ts';
import type { IncomingItem } from '../../../shared/registry.ts';
import { fileBytes as bytes, ok } from '../test-support/contract-results.ts';
import { pdfText } from '../test-support/pdf-probe.ts';
import { sampleItem } from '../test-support/sample-item.ts';
import { useTempDirs } from '../test-support/temp-dir.ts';
import { startWorkstation, type Workstation } from '../workstation.ts';
import { SOURCE_WORKER_URLS } from '../workers/worker-urls.ts';

const tempDir = useTempDirs();

async function deskWorkstation(): Promise<Workstation> {
  const workstation = await startWorkstation({ dataDir: tempDir(), version: '1', shell: 'browser', workers: SOURCE_WORKER_URLS, checkOutput: true, logError: () => undefined });
  await workstation.dispatch('settings.update', { workstationName: 'Okienko 2', deskCode: 'KO', centralServerUrl: '', uiLanguage: 'pl' });
  return workstation;
}

describe('registry documents through the contract (SQLite worker + documents worker)', () => {
  it('renders the label and the receipt of a registered letter, named after its RPW number', async () => {
    const workstation = await deskWorkstation();
    const item = ok(await workstation.dispatch('registry.register', { ...sampleItem(), subject: 'Odwołanie od decyzji' })) as IncomingItem;
    const label = ok(await workstation.dispatch('registry.document', { kind: 'label', id: item.id, layout: 'a4sheet', position: 5 })) as GeneratedFile;
    expect(label).toMatchObject({ fileName: 'etykieta-RPW-KO-1-2026.pdf', mediaType: 'application/pdf' });
    expect(pdfText(bytes(label))).toContain('RPW/KO/1/2026');
    const receipt = ok(await workstation.dispatch('registry.document', { kind: 'receipt', id: item.id })) as GeneratedFile;
    expect(receipt.fileName).toBe('potwierdzenie-RPW-KO-1-2026.pdf');
    expect(pdfText(bytes(receipt))).toContain('Dotyczy: Odwołanie od decyzji');
    await workstation.close();
  });

  it('refuses a receipt for a cancelled entry and a document for an unknown one', async () => {
    const workstation = await deskWorkstation();
    const item = ok(await workstation.dispatch('registry.register', sampleItem())) as IncomingItem;
    await workstation.dispatch('registry.cancel', { id: item.id, reason: 'pomyłka' });
    expect(await workstation.dispatch('registry.document', { kind: 'receipt', id: item.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await workstation.dispatch('registry.document', { kind: 'label', id: '019a0000-0000-7000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await workstation.dispatch('registry.document', { kind: 'label', id: item.id, layout: 'a4sheet', position: 25 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'position', message: 'validation.labelPosition' }] },
    });
    await workstation.close();
  });

  it('exports the register for a period as CSV and PDF, and rejects a reversed period', async () => {
    const workstation = await deskWorkstation();
    for (const subject of ['Pierwsze', 'Drugie', 'Trzecie']) await workstation.dispatch('registry.register', { ...sampleItem(), subject });
    const csv = ok(await workstation.dispatch('registry.export', { from: '2026-11-01', to: '2026-11-30', format: 'csv' })) as GeneratedFile;
    expect(csv).toMatchObject({ fileName: 'rejestr-wplywow-2026-11-01-2026-11-30.csv', mediaType: 'text/csv' });
    expect(bytes(csv).toString('utf8').split('\r\n').filter(Boolean)).toHaveLength(4);
    const pdf = ok(await workstation.dispatch('registry.export', { from: '2026-11-20', to: '2026-11-20', format: 'pdf', deskCode: 'KO' })) as GeneratedFile;
    expect(pdf.fileName).toBe('rejestr-wplywow-2026-11-20-2026-11-20-KO.pdf');
    expect(pdfText(bytes(pdf), { layout: true })).toMatch(/Trzecie/u);
    expect(await workstation.dispatch('registry.export', { from: '2026-11-30', to: '2026-11-01', format: 'csv' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'to', message: 'validation.periodReversed' }] },
    });
    await workstation.close();
  });
});
