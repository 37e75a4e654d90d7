import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportFormat } from '../../../../shared/document-import.ts';
import { DEFAULT_IMPORT_LIMITS } from '../import-limits.ts';
import { ImportRefused } from '../import-refused.ts';
import { renderPage } from '../page-raster.ts';
import { encryptedBatchParts, prepareBatch, scanPages } from './prepare-batch.ts';
import { readCodes } from './read-codes.ts';
import { splitBatch } from './split-batch.ts';

/**
 * The splits paperless-ngx expects of its own barcode samples (../shared/corpus/SOURCES.md §1,
 * from its test_barcodes.py), and zxing's photos with their expected texts, read by our reader.
 */

const CORPUS = resolve(import.meta.dirname, '../../../../../shared/corpus');
const bytesOf = (path: string): Uint8Array => new Uint8Array(readFileSync(resolve(CORPUS, path)));
const formatOf = (path: string): ImportFormat => (path.endsWith('.tiff') ? 'tiff' : path.endsWith('.png') ? 'png' : 'pdf');

async function split(path: string, separatorStrings: string[] = []): Promise<{ separators: readonly number[]; parts: number[][] }> {
  const pages = await scanPages(bytesOf(path), formatOf(path));
  const result = splitBatch(pages, { separatorStrings });
  return { separators: result.separators, parts: result.parts.map((part) => [...part.pages]) };
}

const SLOW = 60_000;

describe('paperless-ngx separator samples split as paperless expects', () => {
  it.each([
    ['paperless-ngx/patch-code-t.pdf', [0], []],
    ['paperless-ngx/patch-code-t-middle.pdf', [1], [[0], [2]]],
    ['paperless-ngx/patch-code-t-middle.tiff', [1], [[0], [2]]],
    ['paperless-ngx/patch-code-t-middle-alpha.tiff', [1], [[0], [2]]],
    ['paperless-ngx/patch-code-t-middle-reverse.pdf', [1], [[0], [2]]], // upside down (/Rotate 180)
    ['paperless-ngx/patch-code-t-middle-distorted.pdf', [1], [[0], [2]]],
    ['paperless-ngx/patch-code-t-double.pdf', [1, 2], [[0], [3]]], // two in a row: only 2 documents
    ['paperless-ngx/several-patcht-codes.pdf', [2, 5], [[0, 1], [3, 4], [6]]],
    ['paperless-ngx/patch-code-t-qr.pdf', [0], []], // the separator string as QR
    ['paperless-ngx/barcode-fax-image.pdf', [1], [[0], [2]]], // CCITT G4 pages
    ['paperless-ngx/patch-code-t-middle-unreadable.pdf', [], [[0, 1, 2]]], // no split
    ['paperless-ngx/simple.pdf', [], [[0]]],
    // Codes that are not separators (custom strings, ASN labels) split nothing by default.
    ['paperless-ngx/barcode-39-custom.pdf', [], [[0]]],
    ['paperless-ngx/barcode-128-custom.pdf', [], [[0]]],
    ['paperless-ngx/barcode-qr-custom.pdf', [], [[0]]],
    ['paperless-ngx/split-by-asn-1.pdf', [], [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]]],
  ] as const)('%s: separators at %j, parts %j', async (path, separators, parts) => {
    expect(await split(path)).toEqual({ separators, parts });
  }, SLOW);

  it.each([
    ['paperless-ngx/barcode-39-custom.pdf'],
    ['paperless-ngx/barcode-128-custom.pdf'],
    ['paperless-ngx/barcode-qr-custom.pdf'], // CCITT-encoded page
  ])('%s separates with the separator string set to CUSTOM BARCODE', async (path) => {
    expect(await split(path, ['CUSTOM BARCODE'])).toEqual({ separators: [0], parts: [] });
  }, SLOW);

  it('splits many-qr-codes.pdf at index 1 with the separator string ADAR-NEXTDOC (600 dpi JPEG pages, small QR codes)', async () => {
    expect(await split('paperless-ngx/many-qr-codes.pdf', ['ADAR-NEXTDOC'])).toEqual({ separators: [1], parts: [[0], [2]] });
  }, SLOW);

  it('splits PATCH-T plus ASN pages only at the PATCH-T (split-by-asn-2: separator on page 3)', async () => {
    expect((await split('paperless-ngx/split-by-asn-2.pdf')).separators).toEqual([2]);
  }, SLOW);

  it('refuses a password-protected PDF cleanly instead of crashing', async () => {
    const refusal = await prepareBatch(bytesOf('paperless-ngx/password-is-test.pdf'), DEFAULT_IMPORT_LIMITS).then(() => null, (error: unknown) => error);
    expect(refusal).toBeInstanceOf(ImportRefused);
    expect((refusal as ImportRefused).reason).toBe('documentImport.encrypted');
  });

  it('keeps an encrypted PDF that opens without a password whole, as its own bytes, when nothing divides it', async () => {
    const bytes = bytesOf('qpdf/encrypted-with-images.pdf');
    const prepared = await prepareBatch(bytes, DEFAULT_IMPORT_LIMITS);
    expect(prepared).toMatchObject({ format: 'pdf', pageCount: 2, separators: [], parts: [{ pages: [0, 1] }] });
    expect(prepared.parts[0]?.pdf).toBe(bytes);
  }, SLOW);

  it('refuses to cut an encrypted PDF into parts: its pages cannot be copied without decrypting it', () => {
    const bytes = bytesOf('qpdf/encrypted-with-images.pdf');
    const refusal = (split: Parameters<typeof encryptedBatchParts>[1]): unknown => {
      try {
        return encryptedBatchParts(bytes, split, 2);
      } catch (error) {
        return (error as ImportRefused).reason;
      }
    };
    const part = (pages: number[]) => ({ pages, label: { kind: 'none' as const } });
    expect(refusal({ separators: [0], parts: [part([1])] })).toBe('documentImport.encryptedSplit');
    expect(refusal({ separators: [], parts: [part([0]), part([1])] })).toBe('documentImport.encryptedSplit');
    expect(refusal({ separators: [], parts: [part([0, 1])] })).toMatchObject({ separators: [], parts: [{ pages: [0, 1], pdf: bytes }] });
  });

  it('builds one PDF per part from the batch’s own pages, separator dropped', async () => {
    const prepared = await prepareBatch(bytesOf('paperless-ngx/several-patcht-codes.pdf'), DEFAULT_IMPORT_LIMITS);
    expect(prepared).toMatchObject({ format: 'pdf', pageCount: 7, separators: [2, 5] });
    const { PDFDocument } = await import('pdf-lib');
    const counts = await Promise.all(prepared.parts.map(async (part) => (await PDFDocument.load(part.pdf)).getPageCount()));
    expect(counts).toEqual([2, 2, 1]);
  }, SLOW);
});

describe('zxing samples read as zxing expects', () => {
  const textsOf = async (path: string): Promise<string[]> => (await readCodes(await renderPage(bytesOf(path), 'png', 0, { dpi: 150 }))).map((c) => c.text);

  it.each([
    ['zxing/code128-2-01.png', '005-3379497200006'],
    ['zxing/code39-3-01.png', '165627'],
    ['zxing/qrcode-1-1.png', 'MEBKM:URL:http\\://en.wikipedia.org/wiki/Main_Page;;'],
  ])('%s reads %s', async (path, text) => {
    expect(await textsOf(path)).toContain(text);
  });

  it('reads the Data Matrix sample', async () => {
    const texts = await textsOf('zxing/datamatrix-1-abcd-52x52.png');
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(/^(abcd)+/u);
  });

  it('finds nothing on a photographed book page (negative control)', async () => {
    expect(await textsOf('zxing/falsepositives-01.png')).toEqual([]);
  });
});
