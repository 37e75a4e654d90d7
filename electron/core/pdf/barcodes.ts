import bwipjs from 'bwip-js';

/**
 * Barcode images for labels and receipts, as PNG. White background and a quiet zone: scanners
 * (and our own barcode splitting of scanned batches) fail on transparent or cramped codes.
 */
export function code128Png(text: string): Promise<Buffer> {
  return bwipjs.toBuffer({ bcid: 'code128', text, scale: 3, height: 10, includetext: false, backgroundcolor: 'FFFFFF', paddingwidth: 10, paddingheight: 2 });
}

export function qrPng(text: string): Promise<Buffer> {
  return bwipjs.toBuffer({ bcid: 'qrcode', text, scale: 4, backgroundcolor: 'FFFFFF', padding: 4 });
}
