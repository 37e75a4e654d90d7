import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFStream, ParseSpeeds, type PDFContext, type PDFObject } from 'pdf-lib';
import type { ImportLimits } from './import-limits.ts';
import { ImportRefused, refuse } from './import-refused.ts';
import { openPages, type PageSource } from './page-raster.ts';

/**
 * Checks an imported PDF without rendering it: a page tree that holds together, within the page
 * limit, and no image whose decoded size is a memory bomb (a 35,000² px page compresses to
 * 11 KB). pdf-lib reads the objects one after another rather than trusting the cross-reference
 * table, so files whose xref is broken (viewers repair those) still pass; what pdf-lib cannot
 * make sense of is refused as corrupt.
 *
 * An encrypted PDF that opens without a password (an empty user password: only copying or
 * editing is restricted) is a letter like any other. ePUAP and qualified-signature PDFs are often
 * such: their bytes must stay as they are, or the signature breaks. Every reader, ours included
 * (pdf.js, poppler), opens them, so they are imported unchanged. One that asks for a password is
 * refused, unless the clerk gives the password: then readable-copy makes the document's PDF.
 */

const EOF_WINDOW = 1024;
const MAX_TREE_DEPTH = 64;

const KIDS = PDFName.of('Kids');
const RESOURCES = PDFName.of('Resources');
const XOBJECT = PDFName.of('XObject');
const SUBTYPE = PDFName.of('Subtype');
const IMAGE = PDFName.of('Image');
const FORM = PDFName.of('Form');
const WIDTH = PDFName.of('Width');
const HEIGHT = PDFName.of('Height');
const SMASK = PDFName.of('SMask');
const CONTENTS = PDFName.of('Contents');
const PAGES = PDFName.of('Pages');

export interface PdfFacts {
  readonly pageCount: number;
  /** Encrypted (with or without a password to open it): its pages cannot be copied into another PDF. */
  readonly encrypted: boolean;
  /** It opened only with the password given: nobody can read it without that. */
  readonly locked: boolean;
}

/** `password`: typed by the clerk for a PDF that needs one; tried only if the file does not open without it. */
export async function inspectPdf(bytes: Uint8Array, limits: ImportLimits, password?: string): Promise<PdfFacts> {
  // A PDF is read from its end (startxref, trailer); one without %%EOF there was cut off in transit.
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset + Math.max(0, bytes.byteLength - EOF_WINDOW), Math.min(bytes.byteLength, EOF_WINDOW));
  if (!tail.includes('%%EOF', 0, 'latin1')) refuse('documentImport.corrupt', 'PDF has no %%EOF near its end: truncated');

  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false, parseSpeed: ParseSpeeds.Fastest });
  } catch (error) {
    refuse('documentImport.corrupt', `PDF cannot be parsed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { context } = doc;
  if (context.trailerInfo.Encrypt !== undefined) return inspectEncryptedPdf(bytes, limits, password);

  const catalog = context.lookup(context.trailerInfo.Root);
  if (!(catalog instanceof PDFDict)) refuse('documentImport.corrupt', 'PDF has no document catalog');
  const pageCount = new PageTreeWalk(context, limits).run(catalog.get(PAGES));
  if (pageCount === 0) refuse('documentImport.corrupt', 'PDF has no pages');
  return { pageCount, encrypted: false, locked: false };
}

/**
 * pdf-lib cannot decrypt, and the objects of an encrypted PDF usually sit in encrypted object
 * streams, so the page tree is read by pdf.js, which opens it with the empty password (and refuses
 * with `encrypted` when a real one is needed). Its images are not measured here: pdf.js is always
 * opened with `maxImageSize`, so an image beyond the pixel limit is left out of the drawing rather
 * than decoded.
 */
async function inspectEncryptedPdf(bytes: Uint8Array, limits: ImportLimits, password: string | undefined): Promise<PdfFacts> {
  let locked = false;
  let source: PageSource;
  try {
    source = await openPages(bytes, 'pdf');
  } catch (error) {
    if (password === undefined || !(error instanceof ImportRefused) || error.reason !== 'documentImport.encrypted') throw error;
    source = await openPages(bytes, 'pdf', password);
    locked = true;
  }
  try {
    if (source.pageCount === 0) refuse('documentImport.corrupt', 'PDF has no pages');
    if (source.pageCount > limits.maxPages) refuse('documentImport.tooManyPages', `PDF has more than ${limits.maxPages} pages`);
    return { pageCount: source.pageCount, encrypted: true, locked };
  } finally {
    await source.close();
  }
}

class PageTreeWalk {
  readonly #context: PDFContext;
  readonly #limits: ImportLimits;
  /** Nodes already met: a page tree that reaches one twice loops (qpdf's pages-loop). */
  readonly #seenNodes = new Set<PDFDict>();
  /** Resource dictionaries and XObjects are shared between pages: each is checked once. */
  readonly #seenResources = new Set<PDFObject>();
  #pages = 0;

  constructor(context: PDFContext, limits: ImportLimits) {
    this.#context = context;
    this.#limits = limits;
  }

  run(root: PDFObject | undefined): number {
    this.#node(root, undefined, 0);
    return this.#pages;
  }

  #node(ref: PDFObject | undefined, inherited: PDFObject | undefined, depth: number): void {
    const node = this.#context.lookup(ref);
    if (!(node instanceof PDFDict)) refuse('documentImport.corrupt', 'PDF page tree points at something that is not a page');
    if (this.#seenNodes.has(node)) refuse('documentImport.corrupt', 'PDF page tree refers back to itself');
    if (depth > MAX_TREE_DEPTH) refuse('documentImport.corrupt', 'PDF page tree is nested implausibly deep');
    this.#seenNodes.add(node);
    const resources = node.get(RESOURCES) ?? inherited;
    const kids = this.#context.lookup(node.get(KIDS));
    if (kids === undefined) {
      this.#page(node, resources);
      return;
    }
    if (!(kids instanceof PDFArray)) refuse('documentImport.corrupt', 'PDF page tree /Kids is not an array');
    for (let i = 0; i < kids.size(); i++) this.#node(kids.get(i), resources, depth + 1);
  }

  #page(page: PDFDict, resources: PDFObject | undefined): void {
    this.#pages += 1;
    if (this.#pages > this.#limits.maxPages) refuse('documentImport.tooManyPages', `PDF has more than ${this.#limits.maxPages} pages`);
    const contents = page.get(CONTENTS);
    if (contents !== undefined && this.#context.lookup(contents) === undefined) refuse('documentImport.corrupt', `PDF page ${this.#pages} has lost its content`);
    this.#resources(resources);
  }

  #resources(ref: PDFObject | undefined): void {
    const resources = this.#context.lookup(ref);
    if (resources === undefined || this.#seenResources.has(resources)) return;
    this.#seenResources.add(resources);
    if (!(resources instanceof PDFDict)) return;
    const xobjects = this.#context.lookup(resources.get(XOBJECT));
    if (!(xobjects instanceof PDFDict)) return;
    for (const [name, value] of xobjects.entries()) this.#xobject(name, value);
  }

  #xobject(name: PDFName, ref: PDFObject): void {
    const xobject = this.#context.lookup(ref);
    if (!(xobject instanceof PDFStream)) refuse('documentImport.corrupt', `PDF image ${name.toString()} is missing or damaged`);
    if (this.#seenResources.has(xobject)) return;
    this.#seenResources.add(xobject);
    const subtype = xobject.dict.get(SUBTYPE);
    if (subtype === IMAGE) {
      this.#image(name, xobject.dict);
    } else if (subtype === FORM) {
      // A form XObject is a page fragment with its own resources, possibly holding the scan.
      this.#resources(xobject.dict.get(RESOURCES));
    }
  }

  #image(name: PDFName, dict: PDFDict): void {
    const width = this.#context.lookup(dict.get(WIDTH));
    const height = this.#context.lookup(dict.get(HEIGHT));
    if (!(width instanceof PDFNumber) || !(height instanceof PDFNumber)) refuse('documentImport.corrupt', `PDF image ${name.toString()} has no size`);
    const pixels = width.asNumber() * height.asNumber();
    if (pixels > this.#limits.maxPixelsPerPage) {
      refuse('documentImport.tooManyPixels', `PDF image ${name.toString()} is ${width.asNumber()} × ${height.asNumber()} px`);
    }
    const mask = dict.get(SMASK);
    if (mask !== undefined) this.#xobject(name, mask);
  }
}
