import { z } from 'zod';
import { ImportRefusal, ItemDocument } from './document-import.ts';
import { BatchSummary } from './scan-batch.ts';

/**
 * Scanning paper straight onto a register entry (issue 6). A scanner is reached through one of
 * the workstation's drivers (SANE on Linux, WIA or NAPS2 on Windows); the pages of one scan
 * become one document of the entry through the same checks as an imported file.
 */

export const ScannerDriverName = z.enum(['sane', 'wia', 'naps2']);
export type ScannerDriverName = z.infer<typeof ScannerDriverName>;

/** Colour modes as the clerk chooses them; each driver maps them onto what the device calls them. */
export const ScanMode = z.enum(['color', 'gray', 'lineart']);
export type ScanMode = z.infer<typeof ScanMode>;

/** Flatbed: one sheet from the glass. ADF: the feeder, until it is empty. */
export const ScanSource = z.enum(['flatbed', 'adf']);
export type ScanSource = z.infer<typeof ScanSource>;

export const ScannerDevice = z.object({
  /** `driver:native id`, so a device id alone says which driver scans with it. */
  id: z.string().min(1),
  driver: ScannerDriverName,
  name: z.string(),
  /** What the device accepts; empty where the driver cannot ask (the clerk's choice is passed on). */
  resolutions: z.array(z.number().int().positive()),
  modes: z.array(ScanMode),
  sources: z.array(ScanSource),
  duplex: z.boolean(),
});
export type ScannerDevice = z.infer<typeof ScannerDevice>;

export const MIN_SCAN_DPI = 50;
export const MAX_SCAN_DPI = 1200;

/** How to scan, as a driver needs it: device, resolution, colour, source and duplex. */
export const ScanSettings = z.object({
  deviceId: z.string().min(1).max(500),
  resolution: z.number().int().min(MIN_SCAN_DPI).max(MAX_SCAN_DPI).default(300),
  mode: ScanMode.default('gray'),
  duplex: z.boolean().default(false),
  source: ScanSource.default('flatbed'),
});
export type ScanRequest = z.output<typeof ScanSettings>;

/** Scanning onto one register entry: the pages become one document of it. */
export const ScanInput = ScanSettings.extend({ itemId: z.uuid() });
export type ScanInput = z.input<typeof ScanInput>;
export type ScanItemRequest = z.output<typeof ScanInput>;

/**
 * A batch of many letters scanned at the desk ("Skanuj partię"): no entry is named, the pages are
 * split at their RPW labels and separator sheets like an imported batch, the rest goes to the tray.
 */
export const ScanBatchInput = ScanSettings;
export type ScanBatchInput = z.input<typeof ScanBatchInput>;

/**
 * Why a scan gave no document, as the i18n key the clerk reads. Nothing is attached in any of
 * these cases.
 */
export const ScanRefusal = z.enum([
  'scanner.noDevice',
  'scanner.busy',
  'scanner.cancelled',
  'scanner.noPaper',
  'scanner.unsupported',
  'scanner.failed',
]);
export type ScanRefusal = z.infer<typeof ScanRefusal>;

export const ScanResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('imported'), document: ItemDocument, duplicate: z.boolean() }),
  // `detail` is a technical English note (the driver's own words) for the log and city IT.
  z.object({ status: z.literal('refused'), reason: z.union([ScanRefusal, ImportRefusal]), detail: z.string() }),
]);
export type ScanResult = z.infer<typeof ScanResult>;

export const ScanBatchResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('imported'), summary: BatchSummary }),
  z.object({ status: z.literal('refused'), reason: z.union([ScanRefusal, ImportRefusal]), detail: z.string() }),
]);
export type ScanBatchResult = z.infer<typeof ScanBatchResult>;

/** Progress of the scan under way: the page being scanned (from 1) and how much of it, when known. */
export const ScanProgress = z.object({
  page: z.number().int().positive(),
  percent: z.number().min(0).max(100).nullable(),
});
export type ScanProgress = z.infer<typeof ScanProgress>;
