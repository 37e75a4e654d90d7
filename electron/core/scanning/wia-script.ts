import type { ScanMode, ScanRequest, ScanSource } from '../../../shared/scanning.ts';

/**
 * PowerShell scripts that drive Windows Image Acquisition through its scripting COM objects
 * (WIA.DeviceManager; Item.Transfer with a FormatID), and readers of what they print. They are
 * built and read here, in pure functions the tests check; they have NOT been run against a real
 * WIA scanner (no Windows machine builds this project) — the property numbers and format GUIDs
 * are Microsoft's documented ones (WIA_DPS_DOCUMENT_HANDLING_SELECT 3088, capabilities 3086,
 * WIA_IPS_CUR_INTENT 6146, WIA_IPS_XRES/YRES 6147/6148, wiaFormatBMP, WIA_ERROR_PAPER_EMPTY).
 *
 * The scripts print one JSON object per line on stdout, so nothing depends on PowerShell's
 * formatting or the system's language.
 */

/** wiaFormatBMP: every WIA scanner driver must deliver BMP, so it is the safe choice. */
export const WIA_FORMAT_BMP = '{B96B3CAB-0728-11D3-9D7B-0000F81EF32E}';
const WIA_ERROR_PAPER_EMPTY = '0x80210003';

/** WIA_IPS_CUR_INTENT values: colour 1, greyscale 2, text (black and white) 4. */
const INTENT: Readonly<Record<ScanMode, number>> = { color: 1, gray: 2, lineart: 4 };
/** WIA_DPS_DOCUMENT_HANDLING_SELECT: FEEDER 1, FLATBED 2, DUPLEX 4. */
function handlingSelect(source: ScanSource, duplex: boolean): number {
  return source === 'flatbed' ? 2 : duplex ? 1 | 4 : 1;
}

/** A PowerShell single-quoted string literal: only the quote itself needs doubling. */
export function psString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export const LIST_DEVICES_SCRIPT = `
$ErrorActionPreference = 'Stop'
$manager = New-Object -ComObject WIA.DeviceManager
foreach ($info in $manager.DeviceInfos) {
  if ($info.Type -ne 1) { continue }
  $device = $null
  $caps = 0
  try { $device = $info.Connect(); $caps = [int]$device.Properties.Item('3086').Value } catch { }
  $line = [ordered]@{ id = $info.DeviceID; name = [string]$info.Properties.Item('Name').Value; handling = $caps }
  [Console]::Out.WriteLine((ConvertTo-Json -Compress $line))
}
`.trim();

/** A script that scans into `folder` as page-0001.bmp…, printing a line per page as it goes. */
export function scanScript(deviceId: string, request: ScanRequest, folder: string): string {
  const feeder = request.source === 'adf';
  return `
$ErrorActionPreference = 'Stop'
function Say($object) { [Console]::Out.WriteLine((ConvertTo-Json -Compress $object)) }
function Set-Prop($properties, $id, $value) { try { $properties.Item([string]$id).Value = $value } catch { } }
$manager = New-Object -ComObject WIA.DeviceManager
$info = $null
foreach ($candidate in $manager.DeviceInfos) { if ($candidate.DeviceID -eq ${psString(deviceId)}) { $info = $candidate } }
if ($null -eq $info) { Say([ordered]@{ event = 'error'; code = 'nodevice'; message = 'Device not found' }); exit 3 }
try { $device = $info.Connect() } catch { Say([ordered]@{ event = 'error'; code = ('0x{0:X8}' -f $_.Exception.HResult); message = $_.Exception.Message }); exit 4 }
Set-Prop $device.Properties 3088 ${handlingSelect(request.source, request.duplex)}
$item = $device.Items.Item(1)
Set-Prop $item.Properties 6146 ${INTENT[request.mode]}
Set-Prop $item.Properties 6147 ${request.resolution}
Set-Prop $item.Properties 6148 ${request.resolution}
$page = 0
while ($true) {
  $page++
  Say([ordered]@{ event = 'page'; page = $page })
  try { $image = $item.Transfer('${WIA_FORMAT_BMP}') }
  catch {
    $code = '0x{0:X8}' -f $_.Exception.HResult
    if ($code -eq '${WIA_ERROR_PAPER_EMPTY}' -and $page -gt 1) { break }
    Say([ordered]@{ event = 'error'; code = $code; message = $_.Exception.Message }); exit 5
  }
  $path = Join-Path ${psString(folder)} ('page-{0:D4}.bmp' -f $page)
  $image.SaveFile($path)
  Say([ordered]@{ event = 'saved'; page = $page })
  if (${feeder ? '$false' : '$true'}) { break }
}
Say([ordered]@{ event = 'done'; pages = $page - ${feeder ? 1 : 0} })
`.trim();
}

/** powershell.exe arguments running `script`: -EncodedCommand takes base64 of UTF-16LE, no quoting. */
export function powershellArgs(script: string): string[] {
  return ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', Buffer.from(script, 'utf16le').toString('base64')];
}

export interface WiaListedDevice {
  readonly id: string;
  readonly name: string;
  readonly feeder: boolean;
  readonly flatbed: boolean;
  readonly duplex: boolean;
}

/** WIA_DPS_DOCUMENT_HANDLING_CAPABILITIES bits: FEED 1, FLAT 2, DUP 4. */
export function parseWiaDevices(stdout: string): WiaListedDevice[] {
  const devices: WiaListedDevice[] = [];
  for (const value of jsonLines(stdout)) {
    if (typeof value.id !== 'string' || typeof value.name !== 'string') continue;
    const handling = typeof value.handling === 'number' ? value.handling : 0;
    // A device that does not say what it handles is taken as a flatbed, the common case.
    devices.push({ id: value.id, name: value.name, feeder: (handling & 1) !== 0, flatbed: (handling & 2) !== 0 || handling === 0, duplex: (handling & 4) !== 0 });
  }
  return devices;
}

export type WiaScanEvent =
  | { readonly event: 'page'; readonly page: number }
  | { readonly event: 'saved'; readonly page: number }
  | { readonly event: 'done'; readonly pages: number }
  | { readonly event: 'error'; readonly code: string; readonly message: string };

export function parseWiaScanLine(line: string): WiaScanEvent | null {
  const [value] = jsonLines(line);
  if (!value) return null;
  switch (value.event) {
    case 'page':
    case 'saved':
      return typeof value.page === 'number' ? { event: value.event, page: value.page } : null;
    case 'done':
      return typeof value.pages === 'number' ? { event: 'done', pages: value.pages } : null;
    case 'error':
      return { event: 'error', code: typeof value.code === 'string' ? value.code : '', message: typeof value.message === 'string' ? value.message : '' };
    default:
      return null;
  }
}

/** WIA error codes (HRESULTs) the clerk gets a reason for; the rest are "the scanner failed". */
export function wiaFailureReason(code: string): 'scanner.noPaper' | 'scanner.busy' | 'scanner.noDevice' | 'scanner.failed' {
  switch (code.toUpperCase()) {
    case '0X80210003': // WIA_ERROR_PAPER_EMPTY
      return 'scanner.noPaper';
    case '0X80210006': // WIA_ERROR_BUSY
      return 'scanner.busy';
    case 'NODEVICE':
    case '0X80210005': // WIA_ERROR_OFFLINE
    case '0X80210015': // WIA_S_NO_DEVICE_AVAILABLE
      return 'scanner.noDevice';
    default:
      return 'scanner.failed';
  }
}

function jsonLines(text: string): Record<string, unknown>[] {
  const values: Record<string, unknown>[] = [];
  for (const line of text.split(/\r?\n/u)) {
    if (!line.trim().startsWith('{')) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) values.push(value as Record<string, unknown>);
    } catch {
      // PowerShell may print a warning line; it is not ours.
    }
  }
  return values;
}
