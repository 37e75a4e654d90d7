import { parseRpwNumber } from '../../../../shared/registry.ts';
import type { TrayReason } from '../../../../shared/scan-batch.ts';

/**
 * How a scanned batch falls apart into letters — pure, from the codes read on each page:
 *
 * - A separator sheet (PATCH-T, whose barcode reads "PATCHT", or the separator string configured
 *   at the workstation) ends the letter before it and is dropped: it is a sheet of the scanner
 *   operator's, not of the letter. Several in a row make no empty letters.
 * - A page carrying an RPW label starts a letter for that register entry, and is KEPT as its
 *   first page: the label is stuck on the letter's own first page.
 * - A page with a code that looks like our label but does not read as exactly one RPW number
 *   (damaged, or two different numbers) starts a part that cannot be placed.
 * - Any other code (a sender's invoice QR, a parcel barcode) is part of the letter and splits
 *   nothing.
 * - Pages before the first label (or right after a separator, before the next label) belong to
 *   no letter known here.
 *
 * Whether the RPW number is a live entry is for the register to say (routePart), in the same
 * transaction that records the batch.
 */

export interface PageCodes {
  /** 0-based page index in the batch. */
  readonly index: number;
  readonly codes: readonly { readonly text: string }[];
}

export type PartLabel =
  | { readonly kind: 'rpw'; readonly rpwNumber: string }
  | { readonly kind: 'none' }
  | { readonly kind: 'unreadable'; readonly text: string };

export interface BatchPart {
  /** 0-based page indexes of the batch, in order. */
  readonly pages: readonly number[];
  readonly label: PartLabel;
}

export interface BatchSplit {
  readonly parts: readonly BatchPart[];
  /** 0-based indexes of the separator sheets dropped. */
  readonly separators: readonly number[];
}

/** PATCH-T's barcode (Code 39 on the standard sheet) reads this. */
export const PATCH_T = 'PATCHT';

export interface SplitOptions {
  /** Extra separator strings configured at the workstation (paperless' "CONSUMER_BARCODE_STRING"); PATCH-T always separates. */
  readonly separatorStrings?: readonly string[];
}

type PageRole = { readonly kind: 'separator' } | { readonly kind: 'label'; readonly label: PartLabel } | { readonly kind: 'content' };

export function pageRole(page: PageCodes, options: SplitOptions = {}): PageRole {
  const separators = new Set([PATCH_T, ...(options.separatorStrings ?? []).map((s) => s.trim()).filter((s) => s.length > 0)]);
  const numbers = new Set<string>();
  let damaged: string | null = null;
  let separator = false;
  for (const { text } of page.codes) {
    const trimmed = text.trim();
    const rpw = parseRpwNumber(trimmed);
    if (rpw) numbers.add(rpw.rpwNumber);
    else if (/^RPW\//iu.test(trimmed)) damaged ??= trimmed;
    else if (separators.has(trimmed)) separator = true;
  }
  // A label wins over a separator code on the same sheet: it is a letter's page, and pages are never dropped.
  if (numbers.size === 1 && damaged === null) return { kind: 'label', label: { kind: 'rpw', rpwNumber: [...numbers][0] ?? '' } };
  if (numbers.size > 1) return { kind: 'label', label: { kind: 'unreadable', text: [...numbers].join(' | ') } };
  if (damaged !== null) return { kind: 'label', label: { kind: 'unreadable', text: damaged } };
  if (separator) return { kind: 'separator' };
  return { kind: 'content' };
}

export function splitBatch(pages: readonly PageCodes[], options: SplitOptions = {}): BatchSplit {
  const parts: BatchPart[] = [];
  const separators: number[] = [];
  let current: { pages: number[]; label: PartLabel } | null = null;
  const close = (): void => {
    if (current && current.pages.length > 0) parts.push(current);
    current = null;
  };
  for (const page of [...pages].sort((a, b) => a.index - b.index)) {
    const role = pageRole(page, options);
    switch (role.kind) {
      case 'separator':
        close();
        separators.push(page.index);
        break;
      case 'label':
        close();
        current = { pages: [page.index], label: role.label };
        break;
      case 'content':
        current ??= { pages: [], label: { kind: 'none' } };
        current.pages.push(page.index);
        break;
    }
  }
  close();
  return { parts, separators };
}

/** What the register says about an RPW number: no entry, or the entry and whether it was cancelled. */
export type EntryLookup = { readonly id: string; readonly status: 'registered' | 'cancelled' } | null;

export type PartDestination =
  | { readonly kind: 'entry'; readonly itemId: string }
  | { readonly kind: 'tray'; readonly reason: TrayReason };

export function routePart(label: PartLabel, entry: EntryLookup): PartDestination {
  switch (label.kind) {
    case 'none':
      return { kind: 'tray', reason: 'tray.reason.noLabel' };
    case 'unreadable':
      return { kind: 'tray', reason: 'tray.reason.unreadableLabel' };
    case 'rpw':
      if (entry === null) return { kind: 'tray', reason: 'tray.reason.unknownEntry' };
      if (entry.status === 'cancelled') return { kind: 'tray', reason: 'tray.reason.cancelledEntry' };
      return { kind: 'entry', itemId: entry.id };
  }
}

/** The label text a tray part keeps, for the clerk: the number read, or the damaged code. */
export function labelText(label: PartLabel): string | null {
  switch (label.kind) {
    case 'none': return null;
    case 'rpw': return label.rpwNumber;
    case 'unreadable': return label.text;
  }
}
