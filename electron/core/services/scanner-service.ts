import type { ImportBatchResult } from '../../../shared/scan-batch.ts';
import type { ScanBatchResult, ScannerDevice, ScanItemRequest, ScanRefusal, ScanRequest, ScanResult } from '../../../shared/scanning.ts';
import type { EventBus } from '../events.ts';
import { AppError } from '../rpc/app-error.ts';
import { ScanFailure, splitDeviceId, type ScannedFile, type ScannerDriver } from '../scanning/scanner-driver.ts';
import type { DocumentImportService } from './document-import-service.ts';

/** Where a scanned batch of many letters goes: the batch import (split by labels, the rest to the tray). */
export type ScannedBatchImport = (fileName: string, bytes: Uint8Array) => Promise<ImportBatchResult>;

type Refused = { status: 'refused'; reason: ScanRefusal; detail: string };

/**
 * Scanning onto a register entry: one scan at a time per workstation (one clerk, one scanner),
 * progress as `scanner.progress` events, and the pages handed to the import path as one file so
 * they are checked and stored exactly as an imported scan would be. A cancelled or failed scan
 * attaches nothing; cancelling once the pages are being stored is too late and says so. A batch
 * of many letters ("Skanuj partię") goes through the same scanner run into the batch import.
 */
export class ScannerService {
  readonly #drivers: readonly ScannerDriver[];
  readonly #imports: DocumentImportService;
  readonly #batches: ScannedBatchImport;
  readonly #events: EventBus;
  readonly #logError: (message: string, error: unknown) => void;
  #current: { controller: AbortController; importing: boolean } | null = null;

  constructor(deps: { drivers: readonly ScannerDriver[]; imports: DocumentImportService; batches: ScannedBatchImport; events: EventBus; logError: (message: string, error: unknown) => void }) {
    this.#drivers = deps.drivers;
    this.#imports = deps.imports;
    this.#batches = deps.batches;
    this.#events = deps.events;
    this.#logError = deps.logError;
  }

  /** Every device of every driver that answers; a driver that fails is logged and skipped. */
  async devices(): Promise<ScannerDevice[]> {
    const lists = await Promise.all(this.#drivers.map(async (driver) => {
      try {
        return await driver.listDevices();
      } catch (error) {
        this.#logError(`Scanner driver ${driver.name} could not list devices`, error);
        return [];
      }
    }));
    return lists.flat();
  }

  async scan(request: ScanItemRequest): Promise<ScanResult> {
    // The entry is checked first: scanning a batch only to find it has nowhere to go wastes paper.
    await this.#imports.requireItem(request.itemId);
    return this.#run(request, (scanned) => this.#imports.importBytes(request.itemId, scanned.fileName, scanned.bytes));
  }

  /** Scans a batch of many letters and hands it to the batch import as one scanned file. */
  scanBatch(request: ScanRequest): Promise<ScanBatchResult> {
    return this.#run(request, (scanned) => this.#batches(scanned.fileName, scanned.bytes));
  }

  /** One scan at a time: the driver's pages, then `store` once they are all in (too late to cancel). */
  async #run<T>(request: ScanRequest, store: (scanned: ScannedFile) => Promise<T>): Promise<T | Refused> {
    if (this.#current) return refused('scanner.busy', 'Another scan is under way on this workstation');
    const { driver: driverName, nativeId } = splitDeviceId(request.deviceId);
    const driver = this.#drivers.find((d) => d.name === driverName);
    if (!driver) return refused('scanner.noDevice', `No driver for device ${request.deviceId}`);
    const current = { controller: new AbortController(), importing: false };
    this.#current = current;
    try {
      const scanned = await driver.scan(nativeId, request, {
        signal: current.controller.signal,
        onProgress: (page, percent) => this.#events.emit('scanner.progress', { page, percent: percent === null ? null : Math.round(percent) }),
      });
      if (current.controller.signal.aborted) return refused('scanner.cancelled', 'Cancelled by the clerk');
      current.importing = true;
      return await store(scanned);
    } catch (error) {
      if (error instanceof ScanFailure) return refused(error.reason, error.message);
      throw error instanceof AppError ? error : new AppError('internal', `Scanning failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.#current = null;
    }
  }

  /** Stops the scan under way; false when there is none or its pages are already being stored. */
  cancel(): { cancelled: boolean } {
    const current = this.#current;
    if (!current || current.importing) return { cancelled: false };
    current.controller.abort();
    return { cancelled: true };
  }

  /** Ends a scan still running when the workstation closes, so no scanner process outlives it. */
  close(): void {
    this.#current?.controller.abort();
  }
}

function refused(reason: ScanFailure['reason'], detail: string): Refused {
  return { status: 'refused', reason, detail };
}
