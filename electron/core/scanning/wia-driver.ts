import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScannerDevice, ScanRequest, ScanSource } from '../../../shared/scanning.ts';
import { parseBmp } from './bmp.ts';
import { ProgramMissing, runProgram } from './child-process.ts';
import { compressPage, multipageTiff, type CompressedPage } from './multipage-tiff.ts';
import { deviceId, ScanFailure, scanFileName, type ScanHooks, type ScannedFile, type ScannerDriver } from './scanner-driver.ts';
import { LIST_DEVICES_SCRIPT, parseWiaDevices, parseWiaScanLine, powershellArgs, scanScript, wiaFailureReason } from './wia-script.ts';

/**
 * Windows scanners through WIA, driven by PowerShell's COM support (no native module to build).
 * UNTESTED ON REAL HARDWARE: the scripts and the reading of their output are unit-tested, the
 * BMP pages are read by tested code, but no WIA scanner has been driven by this class yet.
 */
export class WiaDriver implements ScannerDriver {
  readonly name = 'wia' as const;
  readonly #program: string;
  readonly #tempRoot: string;

  constructor(options: { program?: string; tempRoot?: string } = {}) {
    this.#program = options.program ?? 'powershell.exe';
    this.#tempRoot = options.tempRoot ?? tmpdir();
  }

  available(): Promise<boolean> {
    return Promise.resolve(process.platform === 'win32');
  }

  async listDevices(): Promise<ScannerDevice[]> {
    try {
      const result = await runProgram(this.#program, powershellArgs(LIST_DEVICES_SCRIPT), { timeoutMs: 60_000 });
      return parseWiaDevices(result.stdout).map((device) => ({
        id: deviceId('wia', device.id),
        driver: 'wia',
        name: device.name,
        // WIA lists allowed resolutions per item only after connecting; the usual ones are offered.
        resolutions: [100, 150, 200, 300, 600],
        modes: ['color', 'gray', 'lineart'],
        sources: [...(device.flatbed ? ['flatbed' as const] : []), ...(device.feeder ? ['adf' as const] : [])] satisfies ScanSource[],
        duplex: device.duplex,
      }));
    } catch (error) {
      if (error instanceof ProgramMissing) return [];
      throw error;
    }
  }

  async scan(nativeId: string, request: ScanRequest, hooks: ScanHooks): Promise<ScannedFile> {
    const folder = await mkdtemp(join(this.#tempRoot, 'kancelaria-wia-'));
    try {
      let pending = '';
      let failure: { code: string; message: string } | null = null;
      const result = await runProgram(this.#program, powershellArgs(scanScript(nativeId, request, folder)), {
        signal: hooks.signal,
        onStdout: (chunk) => {
          const lines = (pending + chunk).split(/\r?\n/u);
          pending = lines.pop() ?? '';
          for (const line of lines) {
            const event = parseWiaScanLine(line);
            if (event?.event === 'page') hooks.onProgress(event.page, null);
            else if (event?.event === 'saved') hooks.onProgress(event.page, 100);
            else if (event?.event === 'error') failure = { code: event.code, message: event.message };
          }
        },
      });
      if (hooks.signal.aborted) throw new ScanFailure('scanner.cancelled', 'Cancelled by the clerk');
      const reported = failure as { code: string; message: string } | null;
      if (reported !== null) throw new ScanFailure(wiaFailureReason(reported.code), `WIA ${reported.code}: ${reported.message}`);
      const pageFiles = (await readdir(folder)).filter((name) => /^page-\d+\.bmp$/u.test(name)).sort();
      if (result.code !== 0 || pageFiles.length === 0) throw new ScanFailure('scanner.failed', `PowerShell exited with ${String(result.code)}: ${result.stderr.slice(-500)}`);
      const pages: CompressedPage[] = [];
      for (const name of pageFiles) pages.push(await compressPage(parseBmp(await readFile(join(folder, name))), request.resolution));
      return { fileName: scanFileName(new Date(), 'tiff'), bytes: multipageTiff(pages) };
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }
}
