import type { ScannerDevice, ScannerDriverName, ScanRefusal, ScanRequest } from '../../../shared/scanning.ts';

/**
 * One way of reaching scanners (SANE's scanimage, Windows' WIA, NAPS2's console). The scan
 * service picks the driver by the device id's prefix; drivers never touch the register: they
 * turn paper into one importable file and leave the checking and storing to the import path.
 */
export interface ScannerDriver {
  readonly name: ScannerDriverName;
  /** Whether the driver's program exists on this computer (checked without scanning). */
  available(): Promise<boolean>;
  /** Devices as `${name}:${native id}`; a driver that cannot list answers with an empty list. */
  listDevices(): Promise<ScannerDevice[]>;
  /**
   * Scans one page (flatbed) or until the feeder is empty (ADF). `nativeId` is the device id
   * without the driver prefix. An aborted `signal` ends the child process and removes its files;
   * the promise then rejects with a ScanFailure('scanner.cancelled').
   */
  scan(nativeId: string, request: ScanRequest, hooks: ScanHooks): Promise<ScannedFile>;
}

export interface ScanHooks {
  readonly signal: AbortSignal;
  readonly onProgress: (page: number, percent: number | null) => void;
}

/** The pages of one scan as one file the import path accepts (a multi-page TIFF or a PDF). */
export interface ScannedFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/** A scan that produced no file, with the refusal the clerk reads and the driver's own words. */
export class ScanFailure extends Error {
  override readonly name = 'ScanFailure';
  readonly reason: ScanRefusal;

  constructor(reason: ScanRefusal, detail: string) {
    super(detail);
    this.reason = reason;
  }
}

export function deviceId(driver: ScannerDriverName, nativeId: string): string {
  return `${driver}:${nativeId}`;
}

/** Splits `driver:native id`; the native id may itself contain colons (SANE's `test:0`). */
export function splitDeviceId(id: string): { driver: string; nativeId: string } {
  const colon = id.indexOf(':');
  return colon < 0 ? { driver: '', nativeId: id } : { driver: id.slice(0, colon), nativeId: id.slice(colon + 1) };
}

/** Name of a scanned file: the date and time of the scan, so the clerk recognises it later. */
export function scanFileName(now: Date, extension: string): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `skan-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}.${extension}`;
}
