import { describe, expect, it } from 'vitest';
import { ScanInput } from '../../../shared/scanning.ts';
import { naps2ConsolePath } from './driver-registry.ts';
import { naps2ListArgs, naps2PageFromLine, naps2ScanArgs, parseNaps2Devices } from './naps2-args.ts';
import { LIST_DEVICES_SCRIPT, parseWiaDevices, parseWiaScanLine, powershellArgs, psString, scanScript, WIA_FORMAT_BMP, wiaFailureReason } from './wia-script.ts';

// WIA and NAPS2 cannot run here (no Windows, no scanner): these tests check the command lines and
// scripts we build and our reading of their output. They were never run on real hardware.
const request = (overrides: Partial<ScanInput> = {}) => ScanInput.parse({ itemId: '019a0000-0000-7000-8000-000000000000', deviceId: 'wia:x', ...overrides });

describe('WIA through PowerShell', () => {
  it('quotes device ids and paths as PowerShell literals, so nothing in them runs', () => {
    expect(psString("C:\\Temp\\o'brien $(calc)")).toBe("'C:\\Temp\\o''brien $(calc)'");
    const script = scanScript("{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0001'; calc; '", request(), 'C:\\Temp\\skan');
    expect(script).toContain("-eq '{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0001''; calc; '''");
  });

  it('sets source, intent and resolution by their documented property ids and transfers BMP', () => {
    const feeder = scanScript('dev', request({ source: 'adf', duplex: true, mode: 'gray', resolution: 200 }), 'C:\\t');
    expect(feeder).toContain('Set-Prop $device.Properties 3088 5');
    expect(feeder).toContain('Set-Prop $item.Properties 6146 2');
    expect(feeder).toContain('Set-Prop $item.Properties 6147 200');
    expect(feeder).toContain('Set-Prop $item.Properties 6148 200');
    expect(feeder).toContain(`$item.Transfer('${WIA_FORMAT_BMP}')`);
    expect(feeder).toContain('if ($false) { break }');
    const flatbed = scanScript('dev', request({ mode: 'lineart' }), 'C:\\t');
    expect(flatbed).toContain('Set-Prop $device.Properties 3088 2');
    expect(flatbed).toContain('Set-Prop $item.Properties 6146 4');
    expect(flatbed).toContain('if ($true) { break }');
  });

  it('passes scripts as -EncodedCommand (UTF-16LE base64), never as a command string', () => {
    const args = powershellArgs(LIST_DEVICES_SCRIPT);
    expect(args.slice(0, 5)).toEqual(['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand']);
    expect(Buffer.from(args[5] ?? '', 'base64').toString('utf16le')).toBe(LIST_DEVICES_SCRIPT);
  });

  it('reads the device list and scan events, ignoring anything that is not ours', () => {
    const out = 'WARNING: something\r\n{"id":"{6BDD}\\\\0001","name":"HP ScanJet","handling":5}\r\n{"id":"{6BDD}\\\\0002","name":"Canon LiDE","handling":0}\r\n';
    expect(parseWiaDevices(out)).toEqual([
      { id: '{6BDD}\\0001', name: 'HP ScanJet', feeder: true, flatbed: false, duplex: true },
      { id: '{6BDD}\\0002', name: 'Canon LiDE', feeder: false, flatbed: true, duplex: false },
    ]);
    expect(parseWiaScanLine('{"event":"page","page":2}')).toEqual({ event: 'page', page: 2 });
    expect(parseWiaScanLine('{"event":"error","code":"0x80210006","message":"busy"}')).toEqual({ event: 'error', code: '0x80210006', message: 'busy' });
    expect(parseWiaScanLine('Progress 50%')).toBeNull();
    expect(wiaFailureReason('0x80210003')).toBe('scanner.noPaper');
    expect(wiaFailureReason('0x80210006')).toBe('scanner.busy');
    expect(wiaFailureReason('nodevice')).toBe('scanner.noDevice');
    expect(wiaFailureReason('0x80004005')).toBe('scanner.failed');
  });
});

describe('NAPS2 console', () => {
  it('builds its documented options, one argument each', () => {
    expect(naps2ListArgs('wia')).toEqual(['--listdevices', '--driver', 'wia']);
    expect(naps2ScanArgs('twain', 'Fujitsu fi-7160', request({ source: 'adf', duplex: true, mode: 'lineart', resolution: 300 }), 'C:\\t\\scan.tiff')).toEqual([
      '--noprofile', '--driver', 'twain', '--device', 'Fujitsu fi-7160', '--source', 'duplex', '--dpi', '300', '--bitdepth', 'bw', '-o', 'C:\\t\\scan.tiff', '--tiffcomp', 'lzw', '-f', '-v',
    ]);
    expect(naps2ScanArgs('wia', 'X', request(), 'o.tiff')).toEqual(expect.arrayContaining(['--source', 'glass', '--bitdepth', 'gray']));
  });

  it('reads device names and page numbers', () => {
    expect(parseNaps2Devices('HP ScanJet\r\n\r\nCanon LiDE 300\r\nHP ScanJet\r\n')).toEqual(['HP ScanJet', 'Canon LiDE 300']);
    expect(naps2PageFromLine('Scanned page 3.')).toBe(3);
    expect(naps2PageFromLine('Importing...')).toBeNull();
  });

  it('finds NAPS2.Console.exe in Program Files', () => {
    const env = { ProgramFiles: 'C:\\Program Files' };
    expect(naps2ConsolePath(env, (path) => path.endsWith('NAPS2.Console.exe') && path.includes('Program Files'))).toMatch(/NAPS2[\\/]NAPS2\.Console\.exe$/u);
    expect(naps2ConsolePath(env, () => false)).toBeNull();
  });
});
