import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import UTIF from 'utif2';
import { describe, expect, it } from 'vitest';
import { ScanInput } from '../../../shared/scanning.ts';
import { readTiffPages } from '../documents/tiff-directory.ts';
import { DEFAULT_IMPORT_LIMITS } from '../documents/import-limits.ts';
import { NO_SCANIMAGE_REASON, SCANIMAGE_PRESENT, saneTestEnv, SLOW_TEST_DEVICE } from '../test-support/sane-test-backend.ts';
import { useTempDirs } from '../test-support/temp-dir.ts';
import { SaneDriver } from './sane-driver.ts';
import { ScanFailure } from './scanner-driver.ts';

const tempDir = useTempDirs();
const request = (overrides: Partial<ScanInput> = {}) => ScanInput.parse({ itemId: '019a0000-0000-7000-8000-000000000000', deviceId: 'sane:test', ...overrides });

function driver(extraScanArgs: string[] = []): { sane: SaneDriver; tempRoot: string } {
  const tempRoot = tempDir();
  return { sane: new SaneDriver({ env: saneTestEnv(tempDir()), tempRoot, extraScanArgs }), tempRoot };
}

describe.skipIf(!SCANIMAGE_PRESENT)(`SANE through scanimage (real test backend)${SCANIMAGE_PRESENT ? '' : ` — skipped: ${NO_SCANIMAGE_REASON}`}`, { timeout: 30_000 }, () => {
  it('lists the test devices with what they offer', async () => {
    const devices = await driver().sane.listDevices();
    const test0 = devices.find((d) => d.id === 'sane:test:0');
    expect(test0).toMatchObject({ driver: 'sane', modes: ['gray', 'color', 'lineart'], sources: ['flatbed', 'adf'], duplex: false });
    expect(test0?.resolutions).toEqual([75, 100, 150, 200, 300, 400, 600, 1200]);
    expect(devices.map((d) => d.id)).toContain('sane:pnm:0');
  });

  it('scans the feeder until it is empty into one multi-page TIFF with the resolution, reporting each page', async () => {
    const { sane, tempRoot } = driver();
    const progress: [number, number | null][] = [];
    const scanned = await sane.scan('test:0', request({ resolution: 150, mode: 'gray', source: 'adf' }), { signal: new AbortController().signal, onProgress: (page, percent) => progress.push([page, percent]) });
    // The test backend's feeder holds ten sheets.
    const pages = readTiffPages(scanned.bytes, DEFAULT_IMPORT_LIMITS);
    expect(pages).toHaveLength(10);
    expect(pages[0]).toMatchObject({ width: 472, height: 590, bitsPerSample: 8, samplesPerPixel: 1, photometric: 1, compression: 8, dpiX: 150 });
    expect(new Set(progress.map(([page]) => page))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    expect(progress).toContainEqual([10, 100]);
    expect(scanned.fileName).toMatch(/^skan-\d{4}-\d\d-\d\d-\d{6}\.tiff$/u);
    expect(readdirSync(tempRoot)).toEqual([]);
  });

  it('scans one flatbed page, in lineart as 1-bit', async () => {
    const scanned = await driver(['--test-picture', 'Grid']).sane.scan('test:0', request({ resolution: 100, mode: 'lineart' }), { signal: new AbortController().signal, onProgress: () => undefined });
    const pages = readTiffPages(scanned.bytes, DEFAULT_IMPORT_LIMITS);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ bitsPerSample: 1, photometric: 0 });
  });

  it('"scans" a known page through the pnm backend and keeps every pixel of it', async () => {
    const width = 64;
    const height = 40;
    const pixels = Buffer.from(Array.from({ length: width * height }, (_, i) => (i * 37) % 256));
    const page = join(tempDir(), 'pismo.pgm');
    writeFileSync(page, Buffer.concat([Buffer.from(`P5\n${width} ${height}\n255\n`, 'latin1'), pixels]));
    const scanned = await driver(['--filename', page]).sane.scan('pnm:0', request({ resolution: 150, mode: 'gray' }), { signal: new AbortController().signal, onProgress: () => undefined });
    const tiff = Buffer.from(scanned.bytes);
    const [ifd] = UTIF.decode(tiff);
    if (!ifd) throw new Error('no page');
    UTIF.decodeImage(tiff, ifd);
    expect([ifd.width, ifd.height]).toEqual([width, height]);
    expect(Buffer.from(ifd.data).equals(pixels)).toBe(true);
  });

  it('cancelled mid-batch: the process ends, its files are removed, and it says cancelled', async () => {
    const { sane, tempRoot } = driver(SLOW_TEST_DEVICE);
    const controller = new AbortController();
    const started = Date.now();
    const scanning = sane.scan('test:0', request({ resolution: 150, source: 'adf' }), {
      signal: controller.signal,
      onProgress: (page, percent) => { if (page === 2 && percent !== null && percent > 0) controller.abort(); },
    });
    await expect(scanning).rejects.toMatchObject({ name: 'ScanFailure', reason: 'scanner.cancelled' });
    expect(Date.now() - started).toBeLessThan(8000);
    expect(readdirSync(tempRoot)).toEqual([]);
  });

  it('refuses a mode or source the device lacks, and an unknown device, without scanning', async () => {
    const { sane } = driver();
    const hooks = { signal: new AbortController().signal, onProgress: () => undefined };
    await expect(sane.scan('test:0', request({ source: 'adf', duplex: true }), hooks)).rejects.toMatchObject({ reason: 'scanner.unsupported' });
    const missing = sane.scan('nosuch:0', request(), hooks);
    await expect(missing).rejects.toBeInstanceOf(ScanFailure);
    await expect(missing).rejects.toMatchObject({ reason: 'scanner.noDevice' });
  });
});

describe('SANE without scanimage', () => {
  it('lists no devices when the program is missing', async () => {
    const sane = new SaneDriver({ program: '/nonexistent/scanimage' });
    expect(await sane.listDevices()).toEqual([]);
    expect(await sane.available()).toBe(false);
    expect(existsSync('/nonexistent')).toBe(false);
  });
});
