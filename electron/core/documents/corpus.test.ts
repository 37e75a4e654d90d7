import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportDocumentResult, ImportRefusal, ItemDocument } from '../../../shared/document-import.ts';
import type { IncomingItem } from '../../../shared/registry.ts';
import { ok } from '../test-support/contract-results.ts';
import { sampleItem } from '../test-support/sample-item.ts';
import { FILES_DIR_NAME, startWorkstation, type Workstation } from '../workstation.ts';
import { SOURCE_WORKER_URLS } from '../workers/worker-urls.ts';
import { ContentStore, sha256Of } from './content-store.ts';
import { DEFAULT_IMPORT_LIMITS } from './import-limits.ts';

/**
 * Issue 6, point 3: every file of the shared acceptance corpus (../shared/corpus: real scans,
 * encrypted, corrupt and hostile files from other projects' test suites) is either imported
 * correctly or refused with its specific reason, within seconds, through the real contract and
 * the real import worker. A file added to the corpus fails the first test until it is listed.
 */

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus');
/** Worst case allowed per file; the inspector's own limit is the same, so a hang shows as tooComplex. */
const PER_FILE_MS = 10_000;

type Expected = { readonly pages: number } | { readonly refused: ImportRefusal };

const pages = (count: number): Expected => ({ pages: count });
const ENCRYPTED: Expected = { refused: 'documentImport.encrypted' };
const CORRUPT: Expected = { refused: 'documentImport.corrupt' };
const NOT_A_SCAN: Expected = { refused: 'documentImport.unsupportedFormat' };
const PIXEL_FLOOD: Expected = { refused: 'documentImport.tooManyPixels' };

const EXPECTED: Readonly<Record<string, Expected>> = {
  // The corpus's own paperwork is neither PDF, TIFF, JPEG nor PNG.
  'SHA256SUMS': NOT_A_SCAN,
  'SOURCES.md': NOT_A_SCAN,
  'fuzzdb/lottapixel.jpg': PIXEL_FLOOD, // 64,250² px declared in 5 KB
  'mayan-edms/hybrid_text_and_image.pdf': pages(2),
  'mayan-edms/multi_page.tiff': pages(2), // RGBA LZW
  'ocrmypdf/aspect.pdf': pages(1),
  'ocrmypdf/cardinal.pdf': pages(4),
  'ocrmypdf/ccitt.pdf': pages(1),
  'ocrmypdf/enormous.pdf': pages(1), // 9000² px image: 81 MP, under the limit
  'ocrmypdf/epson.pdf': pages(1),
  'ocrmypdf/hugemono.pdf': PIXEL_FLOOD, // 35,000² px bilevel image in 11 KB
  'ocrmypdf/invalid.pdf': CORRUPT, // a header and %%EOF, nothing between
  'ocrmypdf/kcs.pdf': pages(1),
  'ocrmypdf/linn.png': pages(1),
  'ocrmypdf/skew.pdf': pages(1),
  'ocrmypdf/typewriter.png': pages(1),
  'paperless-ngx/barcode-128-asn-too-large.pdf': pages(1),
  'paperless-ngx/barcode-128-custom.pdf': pages(1),
  'paperless-ngx/barcode-39-asn-123.pdf': pages(1),
  'paperless-ngx/barcode-39-asn-custom-prefix.pdf': pages(1),
  'paperless-ngx/barcode-39-asn-invalid.pdf': pages(1),
  'paperless-ngx/barcode-39-custom.pdf': pages(1),
  'paperless-ngx/barcode-fax-image.pdf': pages(3),
  'paperless-ngx/barcode-qr-asn-000123-upscale-dpi.pdf': pages(1),
  'paperless-ngx/barcode-qr-custom.pdf': pages(1),
  'paperless-ngx/double-sided-even.pdf': pages(2),
  'paperless-ngx/double-sided-odd.pdf': pages(3),
  'paperless-ngx/invalid_pdf.pdf': pages(2), // junk before %PDF-: every reader accepts it
  'paperless-ngx/many-qr-codes.pdf': pages(3),
  'paperless-ngx/password-is-test.pdf': ENCRYPTED,
  'paperless-ngx/patch-code-t-double.pdf': pages(4),
  'paperless-ngx/patch-code-t-middle-alpha.tiff': pages(3),
  'paperless-ngx/patch-code-t-middle-distorted.pdf': pages(3),
  'paperless-ngx/patch-code-t-middle-reverse.pdf': pages(3),
  'paperless-ngx/patch-code-t-middle-unreadable.pdf': pages(3),
  'paperless-ngx/patch-code-t-middle.pdf': pages(3),
  'paperless-ngx/patch-code-t-middle.tiff': pages(3),
  'paperless-ngx/patch-code-t-qr.pdf': pages(1),
  'paperless-ngx/patch-code-t.pdf': pages(1),
  'paperless-ngx/several-patcht-codes.pdf': pages(7),
  'paperless-ngx/simple.pdf': pages(1),
  'paperless-ngx/split-by-asn-1.pdf': pages(10),
  'paperless-ngx/split-by-asn-2.pdf': pages(12),
  'paperless-ngx/split-by-tag-basic.pdf': pages(6),
  'paperless-ngx/split-by-tag-mixed-asn.pdf': pages(8),
  'paperless-ngx/split-by-tag-multiple-per-page.pdf': pages(5),
  'paperless-ngx/tesseract-encrypted.pdf': ENCRYPTED,
  'paperless-ngx/tesseract-multi-page-images.tiff': pages(3),
  'paperless-ngx/tesseract-multi-page-mixed.pdf': pages(6),
  'paperless-ngx/tesseract-rotated.pdf': pages(4),
  'paperless-ngx/tesseract-signed.pdf': pages(1), // PAdES-signed, encrypted with an empty user password: kept as it is
  'paperless-ngx/tesseract-simple-no-dpi.png': pages(1),
  'pdfjs/helloworld-bad.pdf': pages(1), // broken xref offsets: readers repair them
  'pdfjs/issue6010_2.pdf': ENCRYPTED,
  'pdfjs/rotation.pdf': pages(2),
  'pdfjs/sizes.pdf': pages(3),
  'pdfjs/xref_command_missing.pdf': pages(1),
  // A fuzzer's TIFF: 272 directory entries, tags repeated with undefined field types.
  'pillow/crash-63b1dffefc8c075ddc606c0a2f5fdc15ece78863.tif': CORRUPT,
  'pillow/g4-multi.tiff': pages(3),
  'pillow/g4_orientation_6.tif': pages(1),
  'pillow/png_decompression_dos.png': { refused: 'documentImport.bomb' }, // 2 KB text chunks inflating to 2 MB each
  'pillow/total-pages-zero.tif': pages(3),
  'pillow/truncated_jpeg.jpg': CORRUPT, // cut off before its end-of-image marker
  'py-pdf-sample-files/GeoTopo-komprimiert.pdf': pages(117),
  'py-pdf-sample-files/imagemagick-CCITTFaxDecode.pdf': pages(1),
  'py-pdf-sample-files/libreoffice-writer-password.pdf': ENCRYPTED,
  'qpdf/bad1.pdf': NOT_A_SCAN, // five bytes, "oops"
  'qpdf/bad2.pdf': pages(1), // no startxref: repaired by reading the objects
  'qpdf/bad9.pdf': pages(1),
  'qpdf/damaged-stream.pdf': pages(1), // the damaged stream is not part of the page
  'qpdf/encrypted-with-images.pdf': pages(2), // empty user password: opens without asking
  'qpdf/pages-loop.pdf': CORRUPT, // the page tree contains itself
  'tesseract-polish/sample_pl-part1-courier-digital_cam.tif': pages(1),
  'tesseract-polish/sample_pl-part2-times-scanner_HP_DeskJet_F4180_300dpi.tif': pages(1),
  'tesseract-polish/sample_pl-part3-courier-scanner_Brother_DCP-135C_300dpi.tif': pages(1),
  'zxing/code128-2-01.png': pages(1),
  'zxing/code39-3-01.png': pages(1),
  'zxing/datamatrix-1-abcd-52x52.png': pages(1),
  'zxing/falsepositives-01.png': pages(1),
  'zxing/multi-qrcode-1-1.png': pages(1),
  'zxing/qrcode-1-1.png': pages(1),
  'zxing/qrcode-3-01.png': pages(1),
};

function corpusFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? corpusFiles(path) : [relative(CORPUS, path)];
  }).sort();
}

/** Poppler's page count of a stored PDF: a reader other than ours must agree. */
function popplerPages(path: string): number {
  const out = execFileSync('pdfinfo', [path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return Number(/^Pages:\s*(\d+)/mu.exec(out)?.[1]);
}

// One data folder for the whole file (useTempDirs would empty it after the first test).
let dataDir: string;
let workstation: Workstation;
let store: ContentStore;
let itemId: string;
const timings: { file: string; ms: number }[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kancelaria-corpus-'));
  workstation = await startWorkstation({
    dataDir, version: '1', shell: 'browser', workers: SOURCE_WORKER_URLS, checkOutput: true, logError: () => undefined,
    importLimits: { ...DEFAULT_IMPORT_LIMITS, stepTimeLimitMs: PER_FILE_MS, totalTimeLimitMs: PER_FILE_MS },
  });
  await workstation.dispatch('settings.update', { workstationName: 'Okienko 1', deskCode: 'KO', centralServerUrl: '', uiLanguage: 'pl' });
  itemId = (ok(await workstation.dispatch('registry.register', sampleItem())) as IncomingItem).id;
  store = new ContentStore(join(dataDir, FILES_DIR_NAME));
});

afterAll(async () => {
  await workstation.close();
  rmSync(dataDir, { recursive: true, force: true });
  const slowest = [...timings].sort((a, b) => b.ms - a.ms)[0];
  const total = timings.reduce((sum, t) => sum + t.ms, 0);
  console.info(`corpus: ${timings.length} files in ${total} ms; slowest ${slowest?.file ?? '-'} ${slowest?.ms ?? 0} ms`);
});

describe('the shared corpus through documents.import', () => {
  it('lists every file of the corpus, and only those', () => {
    expect(corpusFiles(CORPUS)).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', async (file, expected) => {
    const bytes = readFileSync(join(CORPUS, file));
    const started = Date.now();
    const result = ok(await workstation.dispatch('documents.import', { itemId, fileName: file.split('/').at(-1), base64: bytes.toString('base64') })) as ImportDocumentResult;
    const elapsed = Date.now() - started;
    timings.push({ file, ms: elapsed });
    expect(elapsed).toBeLessThan(PER_FILE_MS);

    if ('refused' in expected) {
      expect(result).toMatchObject({ status: 'refused', reason: expected.refused });
      expect(await store.has(sha256Of(bytes))).toBe(false);
      return;
    }
    if (result.status !== 'imported') throw new Error(`${file} refused: ${result.reason} (${result.detail})`);
    const document = result.document;
    expect(document).toMatchObject({ pageCount: expected.pages, originalSize: bytes.byteLength, originalSha256: sha256Of(bytes) });
    // The original is kept byte for byte; a PDF is its own document PDF, an image gets a new one.
    expect(sha256Of(await store.read(document.originalSha256))).toBe(sha256Of(bytes));
    expect(document.pdfSha256 === document.originalSha256).toBe(document.originalFormat === 'pdf');
    expect(popplerPages(store.pathOf(document.pdfSha256))).toBe(expected.pages);
  }, PER_FILE_MS * 2);

  it('attached exactly the accepted files to the entry, each once', async () => {
    const documents = ok(await workstation.dispatch('documents.ofItem', { itemId })) as ItemDocument[];
    const accepted = Object.entries(EXPECTED).filter(([, expected]) => 'pages' in expected).map(([file]) => file.split('/').at(-1));
    expect(documents.map((d) => d.originalName).sort()).toEqual(accepted.sort());
  });
});
