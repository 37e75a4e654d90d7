import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentFile, ItemDocument } from '../../../shared/document-import.ts';
import type { IncomingItem } from '../../../shared/registry.ts';
import type { TrayPart } from '../../../shared/scan-batch.ts';
import type { ScanBatchResult, ScannerDevice, ScanProgress, ScanResult } from '../../../shared/scanning.ts';
import { SaneDriver } from '../scanning/sane-driver.ts';
import { ok } from '../test-support/contract-results.ts';
import { pdfInfo } from '../test-support/pdf-probe.ts';
import { sampleItem } from '../test-support/sample-item.ts';
import { NO_SCANIMAGE_REASON, SCANIMAGE_PRESENT, saneTestEnv, SLOW_TEST_DEVICE } from '../test-support/sane-test-backend.ts';
import { useTempDirs } from '../test-support/temp-dir.ts';
import { FILES_DIR_NAME, startWorkstation, type Workstation } from '../workstation.ts';
import { SOURCE_WORKER_URLS } from '../workers/worker-urls.ts';

const tempDir = useTempDirs();

function storedFiles(dataDir: string): string[] {
  const walk = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [name])) : []);
  return walk(join(dataDir, FILES_DIR_NAME));
}

/** A registry desk whose only scanners are SANE's test devices; `extraScanArgs` shape the paper. */
async function desk(extraScanArgs: string[], backendArgs: Record<string, string[]> = {}): Promise<{ workstation: Workstation; dataDir: string; tempRoot: string; item: IncomingItem; progress: ScanProgress[] }> {
  const dataDir = tempDir();
  const tempRoot = tempDir();
  const sane = new SaneDriver({ env: saneTestEnv(tempDir()), tempRoot, extraScanArgs, backendArgs });
  const workstation = await startWorkstation({ dataDir, version: '1', shell: 'browser', workers: SOURCE_WORKER_URLS, checkOutput: true, logError: () => undefined, scannerDrivers: [sane] });
  await workstation.dispatch('settings.update', { workstationName: 'Okienko 1', deskCode: 'KO', centralServerUrl: '', uiLanguage: 'pl' });
  const item = ok(await workstation.dispatch('registry.register', sampleItem())) as IncomingItem;
  const progress: ScanProgress[] = [];
  workstation.events.subscribe((name, payload) => {
    if (name === 'scanner.progress') progress.push(payload as ScanProgress);
  });
  return { workstation, dataDir, tempRoot, item, progress };
}

describe.skipIf(!SCANIMAGE_PRESENT)(`scanner.* through the workstation (real scanimage)${SCANIMAGE_PRESENT ? '' : ` — skipped: ${NO_SCANIMAGE_REASON}`}`, { timeout: 30_000 }, () => {
  it('lists the devices, and a gray 150 dpi batch of 2 pages becomes one 2-page document of the entry', async () => {
    // The feeder is stopped after two sheets, as a clerk's two-page letter would empty it.
    const { workstation, tempRoot, item, progress } = await desk(['--batch-count=2']);
    const devices = ok(await workstation.dispatch('scanner.devices', {})) as ScannerDevice[];
    expect(devices.map((d) => d.id)).toEqual(expect.arrayContaining(['sane:test:0', 'sane:test:1', 'sane:pnm:0']));

    const result = ok(await workstation.dispatch('scanner.scan', { itemId: item.id, deviceId: 'sane:test:0', resolution: 150, mode: 'gray', source: 'adf' })) as ScanResult;
    expect(result).toMatchObject({ status: 'imported', duplicate: false, document: { itemId: item.id, originalFormat: 'tiff', pageCount: 2, importedByName: 'Okienko 1' } });
    if (result.status !== 'imported') return;
    expect(ok(await workstation.dispatch('documents.ofItem', { itemId: item.id }))).toEqual([result.document]);
    const pdf = ok(await workstation.dispatch('documents.file', { itemId: item.id, documentId: result.document.id, which: 'pdf' })) as DocumentFile;
    const info = pdfInfo(Buffer.from(pdf.base64, 'base64'));
    expect(info.pages).toBe(2);
    // 472 × 590 px at 150 dpi: the test device's 80 × 100 mm.
    expect(info.widthMm).toBeCloseTo(80, 0);
    expect(info.heightMm).toBeCloseTo(100, 0);
    expect(progress.map((p) => p.page)).toContain(2);
    expect(progress).toContainEqual({ page: 2, percent: 100 });
    expect(readdirSync(tempRoot)).toEqual([]);
    await workstation.close();
  });

  it('cancel mid-batch attaches nothing, stores nothing and leaves no scan files', async () => {
    const { workstation, dataDir, tempRoot, item, progress } = await desk(SLOW_TEST_DEVICE);
    let cancelled: unknown = null;
    const stop = workstation.events.subscribe((name, payload) => {
      if (name === 'scanner.progress' && (payload as ScanProgress).page === 2 && cancelled === null) {
        cancelled = 'asked';
        void workstation.dispatch('scanner.cancel', {}).then((answer) => { cancelled = ok(answer); });
      }
    });
    const result = ok(await workstation.dispatch('scanner.scan', { itemId: item.id, deviceId: 'sane:test:0', resolution: 150, mode: 'gray', source: 'adf' })) as ScanResult;
    stop();
    expect(result).toMatchObject({ status: 'refused', reason: 'scanner.cancelled' });
    expect(cancelled).toEqual({ cancelled: true });
    expect(progress.some((p) => p.page === 2)).toBe(true);
    expect(ok(await workstation.dispatch('documents.ofItem', { itemId: item.id }))).toEqual([]);
    expect(storedFiles(dataDir)).toEqual([]);
    expect(readdirSync(tempRoot)).toEqual([]);
    // Nothing left running: the next scan starts at once and is not refused as busy.
    expect(ok(await workstation.dispatch('scanner.cancel', {}))).toEqual({ cancelled: false });
    await workstation.close();
  });

  it('one scan at a time; an unknown entry, device or option is refused in Polish terms, scanning nothing', async () => {
    const { workstation, item } = await desk(SLOW_TEST_DEVICE);
    const first = workstation.dispatch('scanner.scan', { itemId: item.id, deviceId: 'sane:test:0', resolution: 75, mode: 'gray', source: 'flatbed' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ok(await workstation.dispatch('scanner.scan', { itemId: item.id, deviceId: 'sane:test:1', resolution: 75 }))).toMatchObject({ status: 'refused', reason: 'scanner.busy' });
    expect(ok(await first)).toMatchObject({ status: 'imported', document: { pageCount: 1 } });
    expect(ok(await workstation.dispatch('scanner.scan', { itemId: item.id, deviceId: 'twain:x', resolution: 75 }))).toMatchObject({ status: 'refused', reason: 'scanner.noDevice' });
    expect(ok(await workstation.dispatch('scanner.scan', { itemId: item.id, deviceId: 'sane:test:0', resolution: 75, source: 'adf', duplex: true }))).toMatchObject({ status: 'refused', reason: 'scanner.unsupported' });
    expect(await workstation.dispatch('scanner.scan', { itemId: '019a0000-0000-7000-8000-000000000000', deviceId: 'sane:test:0' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await workstation.dispatch('scanner.scan', { itemId: item.id, deviceId: 'sane:test:0', resolution: 5000 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((ok(await workstation.dispatch('documents.ofItem', { itemId: item.id })) as ItemDocument[])).toHaveLength(1);
    await workstation.close();
  });

  it('scanBatch: a feeder batch without labels goes to the tray as one part from the scanner; pnm-only options leave the test device alone', async () => {
    const { workstation, dataDir, tempRoot, item } = await desk(['--batch-count=3'], { pnm: ['--filename', join(tempDir(), 'none.pgm')] });
    const result = ok(await workstation.dispatch('scanner.scanBatch', { deviceId: 'sane:test:0', resolution: 75, mode: 'gray', source: 'adf' })) as ScanBatchResult;
    expect(result).toMatchObject({ status: 'imported', summary: { pageCount: 3, attached: [], trayParts: 1, trayPages: 3, separatorsDropped: 0 } });
    const tray = ok(await workstation.dispatch('tray.list', {})) as TrayPart[];
    expect(tray.map((p) => [p.source, p.pages, p.reason])).toEqual([['scanner', [1, 2, 3], 'tray.reason.noLabel']]);
    expect(ok(await workstation.dispatch('documents.ofItem', { itemId: item.id }))).toEqual([]);
    // The pnm device reads only the file it is given: a missing one is a failed scan, and nothing is stored.
    const before = storedFiles(dataDir).length;
    expect(ok(await workstation.dispatch('scanner.scanBatch', { deviceId: 'sane:pnm:0', resolution: 75 }))).toMatchObject({ status: 'refused' });
    expect(storedFiles(dataDir)).toHaveLength(before);
    expect(readdirSync(tempRoot)).toEqual([]);
    await workstation.close();
  });
});
