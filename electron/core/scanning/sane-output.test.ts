import { describe, expect, it } from 'vitest';
import { ScanInput } from '../../../shared/scanning.ts';
import { DEVICE_LIST_SEPARATOR, parseCapabilities, parseDeviceList, SaneStderrReader, saneFailureReason, scanArguments, UnsupportedScanOption } from './sane-output.ts';

const S = DEVICE_LIST_SEPARATOR;
const request = (overrides: Partial<ScanInput> = {}) => ScanInput.parse({ itemId: '019a0000-0000-7000-8000-000000000000', deviceId: 'sane:x', ...overrides });

/** Shaped like `scanimage -A` of an office ADF scanner (fujitsu backend style): lineart mode, duplex source. */
const OFFICE_SCANNER = `
All options specific to device \`fujitsu:fi-7160:1234':
  Standard:
    --source Flatbed|ADF Front|ADF Back|ADF Duplex [ADF Front]
        Selects the scan source (such as a document-feeder).
    --mode Lineart|Halftone|Gray|Color [Lineart]
        Selects the scan mode (e.g., lineart, monochrome, or color).
    --resolution 50|100|150|200|240|300|400|600dpi [300]
        Sets the horizontal resolution of the scanned image.
`;

/** The first lines of what Debian's scanimage 1.1.1 prints for SANE's test device. */
const TEST_DEVICE = `
All options specific to device \`test':
  Scan Mode:
    --mode Gray|Color [Gray]
        Selects the scan mode (e.g., lineart, monochrome, or color).
    --depth 1|8|16 [8]
        Number of bits per sample, typical values are 1 for "line-art" and 8
    --resolution 1..1200dpi (in steps of 1) [0.000762939]
        Sets the resolution of the scanned image.
    --source Flatbed|Automatic Document Feeder [Flatbed]
        If Automatic Document Feeder is selected, the feeder will be 'empty'
`;

describe('scanimage output', () => {
  it('reads the -f device list, dropping the "Noname" vendor', () => {
    const out = `test:0${S}Noname${S}frontend-tester${S}virtual device\nfujitsu:fi-7160:1234${S}FUJITSU${S}fi-7160${S}scanner\n\n`;
    expect(parseDeviceList(out)).toEqual([
      { name: 'test:0', label: 'frontend-tester (virtual device)' },
      { name: 'fujitsu:fi-7160:1234', label: 'FUJITSU fi-7160 (scanner)' },
    ]);
  });

  it('reads modes, sources, duplex and resolutions of an office scanner', () => {
    const caps = parseCapabilities(OFFICE_SCANNER);
    expect(caps.resolutions).toEqual([50, 100, 150, 200, 240, 300, 400, 600]);
    expect(Object.fromEntries(caps.modes)).toEqual({ lineart: { mode: 'Lineart', depth: null }, gray: { mode: 'Gray', depth: null }, color: { mode: 'Color', depth: null } });
    expect(Object.fromEntries(caps.sources)).toEqual({ flatbed: 'Flatbed', adf: 'ADF Front', adfDuplex: 'ADF Duplex' });
    expect(scanArguments('fujitsu:fi-7160:1234', caps, request({ source: 'adf', duplex: true, mode: 'lineart', resolution: 200 }), '/t/p-%04d.pnm')).toEqual([
      '-d', 'fujitsu:fi-7160:1234', '--format=pnm', '--batch=/t/p-%04d.pnm', '--progress', '--mode', 'Lineart', '--depth', '8', '--resolution', '200', '--source', 'ADF Duplex',
    ]);
  });

  it('offers the usual steps of a resolution range and makes lineart a 1-bit grey scan where there is no lineart mode', () => {
    const caps = parseCapabilities(TEST_DEVICE);
    expect(caps.resolutions).toEqual([75, 100, 150, 200, 300, 400, 600, 1200]);
    expect(caps.modes.get('lineart')).toEqual({ mode: 'Gray', depth: 1 });
    const args = scanArguments('test', caps, request({ mode: 'lineart', resolution: 150 }), 'p%d.pnm');
    expect(args).toEqual(expect.arrayContaining(['--mode', 'Gray', '--depth', '1', '--source', 'Flatbed', '--batch-count=1']));
    expect(() => scanArguments('test', caps, request({ source: 'adf', duplex: true }), 'p%d.pnm')).toThrow(UnsupportedScanOption);
  });

  it('scans a device without mode or source options as it comes (the pnm backend)', () => {
    const caps = parseCapabilities('    --resolution auto||75|150|300dpi [75]\n');
    expect(caps.resolutions).toEqual([75, 150, 300]);
    expect(scanArguments('pnm:0', caps, request({ resolution: 150 }), 'p%d.pnm')).toEqual(['-d', 'pnm:0', '--format=pnm', '--batch=p%d.pnm', '--progress', '--resolution', '150', '--batch-count=1']);
  });

  it('reads progress from stderr however it is split into chunks, and keeps the errors', () => {
    const seen: [number, number | null][] = [];
    const reader = new SaneStderrReader((event) => seen.push([event.page, event.percent]));
    const stderr = 'Scanning 2 pages, incrementing by 1\nScanning page 1\nProgress: 11.8%\rProgress: 100.0%\rScanned page 1. (scanner status = 5)\nScanning page 2\nProgress: 45.1%\rProgress: 100.0%\rScanned page 2. (scanner status = 5)\nScanning page 3\nscanimage: sane_start: Document feeder out of documents\nBatch terminated, 2 pages scanned\n';
    for (let i = 0; i < stderr.length; i += 7) reader.push(stderr.slice(i, i + 7));
    reader.end();
    expect(seen).toEqual([[1, 11.8], [1, 100], [2, 45.1], [2, 100]]);
    expect(reader.pagesDone).toBe(2);
    expect(reader.errors).toEqual(['scanimage: sane_start: Document feeder out of documents']);
  });

  it('names the reason of a failed scan from scanimage\'s words', () => {
    expect(saneFailureReason(['scanimage: sane_start: Document feeder out of documents'])).toBe('scanner.noPaper');
    expect(saneFailureReason(['scanimage: open of device epson2:net:10.0.0.9 failed: Device busy'])).toBe('scanner.busy');
    expect(saneFailureReason(['scanimage: open of device nope:0 failed: Invalid argument'])).toBe('scanner.noDevice');
    expect(saneFailureReason(['scanimage: sane_read: Error during device I/O'])).toBe('scanner.failed');
  });
});
