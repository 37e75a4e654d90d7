import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScannerDevice, ScanRequest } from '../../../shared/scanning.ts';
import { ProgramMissing, runProgram } from './child-process.ts';
import { compressPage, multipageTiff, type CompressedPage } from './multipage-tiff.ts';
import { parsePnm } from './pnm.ts';
import { DEVICE_LIST_FORMAT, parseCapabilities, parseDeviceList, SaneStderrReader, saneFailureReason, scanArguments, UnsupportedScanOption, type SaneCapabilities } from './sane-output.ts';
import { deviceId, ScanFailure, scanFileName, type ScanHooks, type ScannedFile, type ScannerDriver } from './scanner-driver.ts';

export interface SaneDriverOptions {
  /** `scanimage` on PATH unless given. */
  readonly program?: string;
  /** Environment of scanimage (tests point SANE_CONFIG_DIR at a dll.conf naming the test backend). */
  readonly env?: NodeJS.ProcessEnv;
  /** Backend options added to every scan (tests slow the test device down to cancel it mid-page). */
  readonly extraScanArgs?: readonly string[];
  /**
   * Options for the devices of one backend only, by backend name (the device id before its first
   * colon): SANE's `pnm` backend "scans" the file named by `--filename`, an option no other
   * backend knows.
   */
  readonly backendArgs?: Readonly<Record<string, readonly string[]>>;
  /** Where pages wait while the batch is scanned; the system's temp folder unless given. */
  readonly tempRoot?: string;
  readonly now?: () => Date;
}

/**
 * Scanners through SANE's `scanimage` (Linux; also macOS with sane-backends). Pages are written as
 * PNM into a private temp folder, then compressed into one multi-page TIFF; the folder is removed
 * whatever happens, so a cancelled or failed batch leaves nothing behind.
 */
export class SaneDriver implements ScannerDriver {
  readonly name = 'sane' as const;
  readonly #program: string;
  readonly #env: NodeJS.ProcessEnv;
  readonly #extraScanArgs: readonly string[];
  readonly #backendArgs: Readonly<Record<string, readonly string[]>>;
  readonly #tempRoot: string;
  readonly #now: () => Date;

  constructor(options: SaneDriverOptions = {}) {
    this.#program = options.program ?? 'scanimage';
    this.#env = options.env ?? process.env;
    this.#extraScanArgs = options.extraScanArgs ?? [];
    this.#backendArgs = options.backendArgs ?? {};
    this.#tempRoot = options.tempRoot ?? tmpdir();
    this.#now = options.now ?? (() => new Date());
  }

  async available(): Promise<boolean> {
    try {
      const result = await runProgram(this.#program, ['--version'], { env: this.#env, timeoutMs: 10_000 });
      return result.code === 0;
    } catch {
      return false;
    }
  }

  async listDevices(): Promise<ScannerDevice[]> {
    let stdout: string;
    try {
      // Network backends may take a while to answer; a minute is the most a clerk should wait.
      ({ stdout } = await runProgram(this.#program, ['-f', DEVICE_LIST_FORMAT], { env: this.#env, timeoutMs: 60_000 }));
    } catch (error) {
      if (error instanceof ProgramMissing) return [];
      throw error;
    }
    const devices: ScannerDevice[] = [];
    for (const entry of parseDeviceList(stdout)) {
      const capabilities = await this.#capabilities(entry.name).catch(() => null);
      devices.push({
        id: deviceId('sane', entry.name),
        driver: 'sane',
        name: entry.label === '' ? entry.name : `${entry.label} — ${entry.name}`,
        resolutions: capabilities ? [...capabilities.resolutions] : [],
        modes: capabilities ? [...capabilities.modes.keys()] : [],
        sources: capabilities ? [...capabilities.sources.keys()].filter((s) => s !== 'adfDuplex') : [],
        duplex: capabilities?.sources.has('adfDuplex') ?? false,
      });
    }
    return devices;
  }

  async scan(nativeId: string, request: ScanRequest, hooks: ScanHooks): Promise<ScannedFile> {
    const capabilities = await this.#capabilities(nativeId);
    const folder = await mkdtemp(join(this.#tempRoot, 'kancelaria-scan-'));
    try {
      let args: string[];
      try {
        const backend = nativeId.split(':')[0] ?? '';
        args = [...scanArguments(nativeId, capabilities, request, join(folder, 'page-%04d.pnm')), ...(this.#backendArgs[backend] ?? []), ...this.#extraScanArgs];
      } catch (error) {
        if (error instanceof UnsupportedScanOption) throw new ScanFailure('scanner.unsupported', error.message);
        throw error;
      }
      const reader = new SaneStderrReader((event) => hooks.onProgress(event.page, event.percent));
      const result = await runProgram(this.#program, args, { env: this.#env, signal: hooks.signal, onStderr: (chunk) => reader.push(chunk) });
      reader.end();
      if (hooks.signal.aborted) throw new ScanFailure('scanner.cancelled', 'Cancelled by the clerk');
      const pageFiles = (await readdir(folder)).filter((name) => /^page-\d+\.pnm$/u.test(name)).sort();
      if (result.code !== 0 || pageFiles.length === 0) {
        // A batch that broke off (a jam, a lost connection) is not attached in part: the clerk rescans it.
        throw new ScanFailure(saneFailureReason(reader.errors), `scanimage exited with ${result.code ?? result.signal ?? '?'}: ${reader.errors.join(' | ') || result.stderr.slice(-500)}`);
      }
      const pages: CompressedPage[] = [];
      for (const name of pageFiles) {
        pages.push(await compressPage(parsePnm(await readFile(join(folder, name))), request.resolution));
      }
      return { fileName: scanFileName(this.#now(), 'tiff'), bytes: multipageTiff(pages) };
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }

  async #capabilities(device: string): Promise<SaneCapabilities> {
    const result = await runProgram(this.#program, ['-A', '-d', device], { env: this.#env, timeoutMs: 60_000 });
    if (result.code !== 0) {
      const reason = /busy/iu.test(result.stderr) ? 'scanner.busy' : 'scanner.noDevice';
      throw new ScanFailure(reason, `scanimage -A -d ${device}: ${result.stderr.trim().slice(-500)}`);
    }
    return parseCapabilities(result.stdout);
  }
}
