import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScannerDevice, ScanRequest } from '../../../shared/scanning.ts';
import { ProgramMissing, runProgram } from './child-process.ts';
import { naps2ListArgs, naps2PageFromLine, naps2ScanArgs, parseNaps2Devices } from './naps2-args.ts';
import { deviceId, ScanFailure, scanFileName, type ScanHooks, type ScannedFile, type ScannerDriver } from './scanner-driver.ts';

/**
 * Scanners through NAPS2's console, when NAPS2 is installed (it reaches WIA and TWAIN devices
 * and handles many drivers' quirks). UNTESTED ON REAL HARDWARE: its command lines and output
 * reading are unit-tested only. Device ids are `naps2:wia:NAME` or `naps2:twain:NAME`.
 */
export class Naps2Driver implements ScannerDriver {
  readonly name = 'naps2' as const;
  readonly #program: string;
  readonly #tempRoot: string;

  constructor(options: { program: string; tempRoot?: string }) {
    this.#program = options.program;
    this.#tempRoot = options.tempRoot ?? tmpdir();
  }

  available(): Promise<boolean> {
    return Promise.resolve(true);
  }

  async listDevices(): Promise<ScannerDevice[]> {
    const devices: ScannerDevice[] = [];
    for (const driver of ['wia', 'twain'] as const) {
      try {
        const result = await runProgram(this.#program, naps2ListArgs(driver), { timeoutMs: 60_000 });
        for (const name of parseNaps2Devices(result.stdout)) {
          devices.push({ id: deviceId('naps2', `${driver}:${name}`), driver: 'naps2', name: `${name} (NAPS2, ${driver.toUpperCase()})`, resolutions: [100, 150, 200, 300, 600], modes: ['color', 'gray', 'lineart'], sources: ['flatbed', 'adf'], duplex: true });
        }
      } catch (error) {
        if (error instanceof ProgramMissing) return [];
      }
    }
    return devices;
  }

  async scan(nativeId: string, request: ScanRequest, hooks: ScanHooks): Promise<ScannedFile> {
    const [driver, ...rest] = nativeId.split(':');
    if (driver !== 'wia' && driver !== 'twain') throw new ScanFailure('scanner.noDevice', `Not a NAPS2 device id: ${nativeId}`);
    const folder = await mkdtemp(join(this.#tempRoot, 'kancelaria-naps2-'));
    try {
      const output = join(folder, 'scan.tiff');
      let pending = '';
      const result = await runProgram(this.#program, naps2ScanArgs(driver, rest.join(':'), request, output), {
        signal: hooks.signal,
        onStdout: (chunk) => {
          const lines = (pending + chunk).split(/\r?\n/u);
          pending = lines.pop() ?? '';
          for (const line of lines) {
            const page = naps2PageFromLine(line);
            if (page !== null) hooks.onProgress(page, null);
          }
        },
      });
      if (hooks.signal.aborted) throw new ScanFailure('scanner.cancelled', 'Cancelled by the clerk');
      const bytes = await readFile(output).catch(() => null);
      if (bytes === null || bytes.length === 0) {
        const said = `${result.stdout}\n${result.stderr}`.trim().slice(-500);
        throw new ScanFailure(/no (?:pages|documents)|empty/iu.test(said) ? 'scanner.noPaper' : 'scanner.failed', `NAPS2 exited with ${String(result.code)}: ${said}`);
      }
      return { fileName: scanFileName(new Date(), 'tiff'), bytes };
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }
}
