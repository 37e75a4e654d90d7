import type { ScanMode, ScanRequest, ScanSource } from '../../../shared/scanning.ts';

/**
 * Pure readers and writers for `scanimage` (sane-backends' command-line frontend): its device
 * list, its description of a device's options (`-A`), the arguments of a scan, and the progress
 * and errors it writes on stderr. Kept apart from the process handling so every rule is tested
 * against real output.
 */

/** Field separator of the `-f` device list: a control character no device name contains. */
export const DEVICE_LIST_SEPARATOR = '\u001f';
/** `scanimage -f` format: device name, vendor, model, type, one device per line. */
export const DEVICE_LIST_FORMAT = ['%d', '%v', '%m', '%t'].join(DEVICE_LIST_SEPARATOR) + '%n';

export interface SaneDeviceEntry {
  readonly name: string;
  readonly label: string;
}

export function parseDeviceList(stdout: string): SaneDeviceEntry[] {
  const devices: SaneDeviceEntry[] = [];
  for (const line of stdout.split(/\r?\n/u)) {
    const [name, vendor, model, type] = line.split(DEVICE_LIST_SEPARATOR);
    if (name === undefined || name.trim() === '' || model === undefined) continue;
    const label = [vendor, model].filter((part) => part !== undefined && part !== '' && part !== 'Noname').join(' ');
    devices.push({ name: name.trim(), label: type !== undefined && type !== '' ? `${label} (${type})` : label });
  }
  return devices;
}

/** What a device offers, with the device's own names for the modes and sources the clerk picks. */
export interface SaneCapabilities {
  readonly resolutions: readonly number[];
  readonly modes: ReadonlyMap<ScanMode, SaneModeSetting>;
  readonly sources: ReadonlyMap<ScanSource | 'adfDuplex', string>;
}

export interface SaneModeSetting {
  readonly mode: string;
  /** Set where lineart is a 1-bit grey scan rather than a mode of its own (SANE's test backend). */
  readonly depth: number | null;
}

/** Resolutions offered when a device accepts any value in a range: the usual office steps. */
const USUAL_DPI = [75, 100, 150, 200, 300, 400, 600, 1200];

/** Reads `scanimage -A -d DEVICE` (the options listing); unknown options are ignored. */
export function parseCapabilities(listing: string): SaneCapabilities {
  const option = (name: string): string | null => {
    const match = new RegExp(`^\\s*--${name}\\s+(\\S.*?)\\s+\\[[^\\]]*\\]\\s*$`, 'mu').exec(listing);
    return match?.[1] ?? null;
  };
  const choices = (text: string | null): string[] => (text === null ? [] : text.replace(/(?:dpi|bit)$/u, '').split('|').map((c) => c.trim()).filter((c) => c !== ''));

  const resolutions: number[] = [];
  const resolution = option('resolution');
  const range = resolution === null ? null : /^(\d+)\.\.(\d+)dpi/u.exec(resolution);
  if (range) {
    const [min, max] = [Number(range[1]), Number(range[2])];
    resolutions.push(...USUAL_DPI.filter((dpi) => dpi >= min && dpi <= max));
  } else {
    for (const choice of choices(resolution)) if (/^\d+$/u.test(choice)) resolutions.push(Number(choice));
  }

  const modes = new Map<ScanMode, SaneModeSetting>();
  for (const name of choices(option('mode'))) {
    const mode = modeOf(name);
    if (mode !== null && !modes.has(mode)) modes.set(mode, { mode: name, depth: null });
  }
  const gray = modes.get('gray');
  if (!modes.has('lineart') && gray && choices(option('depth')).includes('1')) modes.set('lineart', { mode: gray.mode, depth: 1 });

  const sources = new Map<ScanSource | 'adfDuplex', string>();
  for (const name of choices(option('source'))) {
    const lower = name.toLowerCase();
    if (/duplex/u.test(lower)) sources.set('adfDuplex', name);
    else if (/adf|feeder/u.test(lower)) {
      if (!sources.has('adf')) sources.set('adf', name);
    } else if (/flatbed|glass|platen|normal/u.test(lower)) sources.set('flatbed', name);
  }
  // A device without a source option scans from its only source, which we call the flatbed.
  if (sources.size === 0) sources.set('flatbed', '');
  return { resolutions, modes, sources };
}

function modeOf(name: string): ScanMode | null {
  const lower = name.toLowerCase();
  if (/colou?r|rgb/u.test(lower)) return 'color';
  if (/gr[ae]y/u.test(lower)) return 'gray';
  if (/lineart|line art|binary|black|halftone|monochrome/u.test(lower)) return 'lineart';
  return null;
}

export class UnsupportedScanOption extends Error {
  override readonly name = 'UnsupportedScanOption';
}

/**
 * The arguments of one scan: PNM pages into `batchPattern` (a path with `%d`), progress on
 * stderr. The flatbed gives one page; the feeder scans until it is empty.
 */
export function scanArguments(device: string, capabilities: SaneCapabilities, request: ScanRequest, batchPattern: string): string[] {
  const args = ['-d', device, '--format=pnm', `--batch=${batchPattern}`, '--progress'];
  const mode = capabilities.modes.get(request.mode);
  if (capabilities.modes.size > 0) {
    if (!mode) throw new UnsupportedScanOption(`${device} has no ${request.mode} mode`);
    args.push('--mode', mode.mode);
    // 8 bits for grey and colour: 16-bit samples would double the size for nothing a letter needs.
    args.push('--depth', String(mode.depth ?? 8));
  }
  args.push('--resolution', String(request.resolution));
  const source = request.source === 'adf' && request.duplex ? capabilities.sources.get('adfDuplex') : capabilities.sources.get(request.source);
  if (source === undefined) throw new UnsupportedScanOption(`${device} has no ${request.duplex ? 'duplex ' : ''}${request.source} source`);
  if (source !== '') args.push('--source', source);
  if (request.source === 'flatbed') args.push('--batch-count=1');
  return args;
}

/** What `scanimage` reported on stderr, read as it arrives (chunks may split lines anywhere). */
export interface SaneProgressEvent {
  readonly page: number;
  readonly percent: number | null;
}

export class SaneStderrReader {
  #pending = '';
  #page = 0;
  #pagesDone = 0;
  readonly #errors: string[] = [];
  readonly #onProgress: (event: SaneProgressEvent) => void;

  constructor(onProgress: (event: SaneProgressEvent) => void) {
    this.#onProgress = onProgress;
  }

  /** Pages scanimage finished ("Scanned page N."). */
  get pagesDone(): number {
    return this.#pagesDone;
  }

  get errors(): readonly string[] {
    return this.#errors;
  }

  push(chunk: string): void {
    this.#pending += chunk;
    // --progress rewrites one line with \r; everything else ends with \n.
    const pieces = this.#pending.split(/[\r\n]/u);
    this.#pending = pieces.pop() ?? '';
    for (const piece of pieces) this.#line(piece.trim());
  }

  end(): void {
    this.#line(this.#pending.trim());
    this.#pending = '';
  }

  #line(line: string): void {
    if (line === '') return;
    const starting = /^Scanning page (\d+)/u.exec(line);
    if (starting) {
      // Not reported yet: with a feeder, scanimage announces one page more than the paper holds
      // and only then learns the feeder is empty. The page's first progress line reports it.
      this.#page = Number(starting[1]);
      return;
    }
    const progress = /^Progress: (\d+(?:\.\d+)?)%/u.exec(line);
    if (progress) {
      if (this.#page === 0) this.#page = 1;
      this.#onProgress({ page: this.#page, percent: Math.min(100, Number(progress[1])) });
      return;
    }
    const done = /^Scanned page (\d+)/u.exec(line);
    if (done) {
      this.#pagesDone = Math.max(this.#pagesDone, Number(done[1]));
      return;
    }
    if (/^scanimage: /u.test(line)) this.#errors.push(line);
  }
}

/** Which refusal a failed or empty scan earns, from scanimage's own messages. */
export function saneFailureReason(errors: readonly string[]): 'scanner.noPaper' | 'scanner.busy' | 'scanner.noDevice' | 'scanner.failed' {
  const text = errors.join('\n').toLowerCase();
  if (/out of documents|no documents|no docs/u.test(text)) return 'scanner.noPaper';
  if (/device busy/u.test(text)) return 'scanner.busy';
  if (/invalid argument|no such device|not found|open of device .* failed/u.test(text)) return 'scanner.noDevice';
  return 'scanner.failed';
}
