import { describe, expect, it } from 'vitest';
import { labelText, pageRole, routePart, splitBatch, type PageCodes } from './split-batch.ts';

/** Pages from a compact description: '' no code, 'S' PATCH-T, 'RPW/…' a label, anything else that text. */
function batch(...pages: (string | string[])[]): PageCodes[] {
  return pages.map((page, index) => ({
    index,
    codes: (Array.isArray(page) ? page : page === '' ? [] : [page]).map((text) => ({ text: text === 'S' ? 'PATCHT' : text })),
  }));
}

const A = 'RPW/KO/1/2026';
const B = 'RPW/KO/2/2026';

describe('splitBatch', () => {
  it('makes one part of a batch without any code, destined nowhere', () => {
    expect(splitBatch(batch('', '', ''))).toEqual({ parts: [{ pages: [0, 1, 2], label: { kind: 'none' } }], separators: [] });
  });

  it('drops a separator sheet and starts the next part after it (paperless patch-code-t-middle)', () => {
    expect(splitBatch(batch('', 'S', ''))).toEqual({
      parts: [{ pages: [0], label: { kind: 'none' } }, { pages: [2], label: { kind: 'none' } }],
      separators: [1],
    });
  });

  it('makes no empty parts from separators in a row, at the start or at the end', () => {
    expect(splitBatch(batch('S', 'S', '', 'S', 'S', '', 'S'))).toEqual({
      parts: [{ pages: [2], label: { kind: 'none' } }, { pages: [5], label: { kind: 'none' } }],
      separators: [0, 1, 3, 4, 6],
    });
    expect(splitBatch(batch('S'))).toEqual({ parts: [], separators: [0] });
    expect(splitBatch([])).toEqual({ parts: [], separators: [] });
  });

  it('keeps a label page as the first page of its letter, and pages before any label apart', () => {
    expect(splitBatch(batch('', A, '', '', B, ''))).toEqual({
      parts: [
        { pages: [0], label: { kind: 'none' } },
        { pages: [1, 2, 3], label: { kind: 'rpw', rpwNumber: A } },
        { pages: [4, 5], label: { kind: 'rpw', rpwNumber: B } },
      ],
      separators: [],
    });
  });

  it('ends a letter at a separator: what follows without a label has no destination', () => {
    expect(splitBatch(batch(A, '', 'S', '', B))).toEqual({
      parts: [
        { pages: [0, 1], label: { kind: 'rpw', rpwNumber: A } },
        { pages: [3], label: { kind: 'none' } },
        { pages: [4], label: { kind: 'rpw', rpwNumber: B } },
      ],
      separators: [2],
    });
  });

  it('makes one letter of a separator followed by a label (no empty part between)', () => {
    expect(splitBatch(batch(A, 'S', B, '')).parts.map((p) => p.pages)).toEqual([[0], [2, 3]]);
  });

  it('makes a second letter for the same number when its label appears again', () => {
    expect(splitBatch(batch(A, '', A)).parts).toEqual([
      { pages: [0, 1], label: { kind: 'rpw', rpwNumber: A } },
      { pages: [2], label: { kind: 'rpw', rpwNumber: A } },
    ]);
  });

  it('does not split at a sender’s own barcode or QR inside a letter', () => {
    expect(splitBatch(batch(A, 'https://faktura.example/123', 'ASN123', 'CUSTOM BARCODE')).parts).toEqual([
      { pages: [0, 1, 2, 3], label: { kind: 'rpw', rpwNumber: A } },
    ]);
  });

  it('separates at the configured string too, and PATCH-T still separates', () => {
    expect(splitBatch(batch('', 'CUSTOM BARCODE', ''), { separatorStrings: ['CUSTOM BARCODE'] }).separators).toEqual([1]);
    expect(splitBatch(batch('', 'S', ''), { separatorStrings: ['CUSTOM BARCODE'] }).separators).toEqual([1]);
    expect(splitBatch(batch('', 'CUSTOM BARCODE', ''), { separatorStrings: ['  '] }).separators).toEqual([]);
  });

  it('reads Code 128 and QR of one label (same number twice) as one label', () => {
    expect(pageRole({ index: 0, codes: [{ text: A }, { text: A }] })).toEqual({ kind: 'label', label: { kind: 'rpw', rpwNumber: A } });
  });

  it('normalises a number read with spaces or in lower case', () => {
    expect(pageRole({ index: 0, codes: [{ text: ' rpw/ko/1/2026 ' }] })).toEqual({ kind: 'label', label: { kind: 'rpw', rpwNumber: A } });
  });

  it('marks two different numbers on one page, or a damaged RPW code, as unreadable', () => {
    expect(pageRole({ index: 0, codes: [{ text: A }, { text: B }] })).toEqual({ kind: 'label', label: { kind: 'unreadable', text: `${A} | ${B}` } });
    expect(pageRole({ index: 0, codes: [{ text: 'RPW/KO/x1/2026' }] })).toEqual({ kind: 'label', label: { kind: 'unreadable', text: 'RPW/KO/x1/2026' } });
    expect(pageRole({ index: 0, codes: [{ text: A }, { text: 'RPW/KO/1/26' }] }).kind).toBe('label');
    expect(splitBatch(batch(A, 'RPW/??', '')).parts.map((p) => p.label.kind)).toEqual(['rpw', 'unreadable']);
  });

  it('keeps a page with a label and a separator code as a letter page', () => {
    expect(splitBatch(batch('', [A, 'PATCHT'], '')).parts).toEqual([
      { pages: [0], label: { kind: 'none' } },
      { pages: [1, 2], label: { kind: 'rpw', rpwNumber: A } },
    ]);
  });

  it('orders pages by index and loses none: every page is in a part or a separator', () => {
    const pages = batch('', A, 'S', '', B, 'x', 'S', 'S', A, '');
    const split = splitBatch([...pages].reverse());
    const covered = [...split.parts.flatMap((p) => p.pages), ...split.separators].sort((a, b) => a - b);
    expect(covered).toEqual(pages.map((p) => p.index));
  });
});

describe('routePart', () => {
  const live = { id: '019a0000-0000-7000-8000-000000000001', status: 'registered' as const };
  it('sends a label of a live entry to it, everything else to the tray with its reason', () => {
    expect(routePart({ kind: 'rpw', rpwNumber: A }, live)).toEqual({ kind: 'entry', itemId: live.id });
    expect(routePart({ kind: 'rpw', rpwNumber: A }, null)).toEqual({ kind: 'tray', reason: 'tray.reason.unknownEntry' });
    expect(routePart({ kind: 'rpw', rpwNumber: A }, { ...live, status: 'cancelled' })).toEqual({ kind: 'tray', reason: 'tray.reason.cancelledEntry' });
    expect(routePart({ kind: 'none' }, live)).toEqual({ kind: 'tray', reason: 'tray.reason.noLabel' });
    expect(routePart({ kind: 'unreadable', text: 'RPW/?' }, live)).toEqual({ kind: 'tray', reason: 'tray.reason.unreadableLabel' });
  });

  it('keeps the label text for the clerk', () => {
    expect([labelText({ kind: 'none' }), labelText({ kind: 'rpw', rpwNumber: A }), labelText({ kind: 'unreadable', text: 'RPW/?' })]).toEqual([null, A, 'RPW/?']);
  });
});
