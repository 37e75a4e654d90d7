import type { ImportFormat } from '../../../shared/document-import.ts';

/**
 * The format of an imported file by its first bytes, never by its name: a scanner or a sender may
 * call a TIFF `.pdf`, and a renamed executable must not pass as a scan.
 */

/** PDF readers accept the header anywhere in the first KiB (Acrobat's implementation note 13). */
const PDF_HEADER_WINDOW = 1024;
const PDF_HEADER = Buffer.from('%PDF-', 'latin1');

export function sniffFormat(bytes: Uint8Array): ImportFormat | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PDF_HEADER_WINDOW));
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  // Classic TIFF in either byte order; BigTIFF (43) is not something office scanners write.
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (pdfHeaderOffset(head) >= 0) return 'pdf';
  return null;
}

/** Where `%PDF-` starts (junk before it is tolerated, as every reader does), or -1. */
function pdfHeaderOffset(bytes: Uint8Array): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PDF_HEADER_WINDOW)).indexOf(PDF_HEADER);
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}
