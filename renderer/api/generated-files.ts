import type { GeneratedFile } from '../../shared/documents.ts';

/**
 * What the renderer does with a file the core generated. Saving goes through an <a download>
 * (a browser download; in Electron, the system's save dialog). Opening shows the PDF in a new
 * browser tab, where the clerk prints it from the viewer; a blocked pop-up falls back to saving.
 */

/** A generated file, or a stored document's PDF or original (which may be a TIFF, JPEG or PNG). */
export type FileToSave = Pick<GeneratedFile, 'fileName' | 'base64'> & { readonly mediaType: string };

export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function fileBlob(file: FileToSave): Blob {
  return new Blob([base64Bytes(file.base64)], { type: file.mediaType });
}

export function saveFile(file: FileToSave, doc: Document = document): void {
  const url = URL.createObjectURL(fileBlob(file));
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference by now; give slow machines a minute anyway.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function openFile(file: FileToSave, win: Window = window): void {
  const url = URL.createObjectURL(fileBlob(file));
  // Not 'noopener': with it, window.open returns null and a blocked pop-up could not be told apart.
  const opened = win.open(url, '_blank');
  if (opened === null) {
    URL.revokeObjectURL(url);
    saveFile(file, win.document);
    return;
  }
  opened.opener = null;
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
