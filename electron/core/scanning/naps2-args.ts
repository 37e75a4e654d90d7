import type { ScanMode, ScanRequest } from '../../../shared/scanning.ts';

/**
 * Command lines of NAPS2's console (`NAPS2.Console.exe`, NAPS2 7+), from its documented options:
 * --listdevices with --driver; --noprofile --driver --device --source glass|feeder|duplex --dpi
 * --bitdepth color|gray|bw -o FILE --tiffcomp -f -v. Built and read here in pure functions that
 * the tests check; NOT yet run against a real NAPS2 installation and scanner.
 */

const BIT_DEPTH: Readonly<Record<ScanMode, string>> = { color: 'color', gray: 'gray', lineart: 'bw' };

export function naps2ListArgs(driver: 'wia' | 'twain'): string[] {
  return ['--listdevices', '--driver', driver];
}

/** One scan into `outputFile` (a .tiff: NAPS2 writes every page into it, LZW-compressed). */
export function naps2ScanArgs(driver: 'wia' | 'twain', device: string, request: ScanRequest, outputFile: string): string[] {
  const source = request.source === 'flatbed' ? 'glass' : request.duplex ? 'duplex' : 'feeder';
  return [
    '--noprofile', '--driver', driver, '--device', device,
    '--source', source, '--dpi', String(request.resolution), '--bitdepth', BIT_DEPTH[request.mode],
    '-o', outputFile, '--tiffcomp', 'lzw', '-f', '-v',
  ];
}

/** `--listdevices` prints one device name per line. */
export function parseNaps2Devices(stdout: string): string[] {
  return [...new Set(stdout.split(/\r?\n/u).map((line) => line.trim()).filter((line) => line !== ''))];
}

/**
 * NAPS2's verbose output names each page as it is scanned ("Scanned page 3." in English); its
 * wording is translated with the system's language, so only the number after "page" is trusted,
 * and anything else is simply not progress.
 */
export function naps2PageFromLine(line: string): number | null {
  const match = /\bpage\s+(\d+)/iu.exec(line);
  return match ? Number(match[1]) : null;
}
